import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { PdfBlock, PdfDocumentSpec } from './pdf-document';
import { paragraphsOf, pdfSafeText } from './safe-text';

/**
 * DejaVu Sans covers every letter of Albanian (ë, ç) and Serbian Latin (š, ž, đ, č, ć); it comes
 * from an npm package, so a fresh machine renders the same PDF without system fonts.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
const BODY_SIZE = 10.5;
const HEADER_SIZE = 8;
const MARGIN = 56;
/** Room at the top of each page for the running header. */
const HEADER_ROOM = 30;
const HEADING_SIZES: Record<1 | 2 | 3, number> = { 1: 18, 2: 13, 3: 12 };

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/**
 * Draws a document with pdfkit: A4, DejaVu Sans, a tagged PDF (PDF/UA-style structure: a
 * Document of headings and paragraphs, in the document's language), and the running header
 * drawn on every page at the end (pages are buffered for it). Runs in the PDF worker thread;
 * it can take as long as pdfkit takes, which the renderer's time box bounds.
 */
export function writePdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const header = spec.header ?? [];
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: MARGIN + (header.length > 0 ? HEADER_ROOM : 0),
      bottom: MARGIN,
      left: MARGIN,
      right: MARGIN,
    },
    pdfVersion: '1.7',
    tagged: true,
    lang: spec.lang,
    displayTitle: true,
    bufferPages: true,
    info: { Title: spec.title, Creator: 'PMD', CreationDate: new Date(spec.createdAt) },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('regular').fontSize(BODY_SIZE);
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const block of spec.blocks) draw(doc, root, block);
  root.end();
  if (header.length > 0) drawHeaders(doc, header, spec.pageLabel);
  doc.end();
  return done;
}

function draw(doc: Doc, root: Struct, block: PdfBlock): void {
  switch (block.kind) {
    case 'heading':
      doc.moveDown(0.6);
      root.add(
        doc.struct(`H${block.level}`, {}, () => {
          doc.font('bold').fontSize(HEADING_SIZES[block.level]).text(pdfSafeText(block.text));
        }),
      );
      doc.font('regular').fontSize(BODY_SIZE).moveDown(0.3);
      return;
    case 'labelled': {
      const [first, ...rest] = paragraphsOf(block.value);
      root.add(
        doc.struct('P', {}, () => {
          doc
            .font('bold')
            .text(`${pdfSafeText(block.label)}: `, { continued: true })
            .font('regular')
            .text(pdfSafeText(first ?? ''));
        }),
      );
      for (const paragraph of rest) paragraph_(doc, root, paragraph);
      return;
    }
    case 'line':
      root.add(
        doc.struct('P', {}, () => {
          doc.font(block.bold ? 'bold' : 'regular').text(pdfSafeText(block.text));
        }),
      );
      doc.font('regular');
      return;
    case 'text':
      paragraphsOf(block.text).forEach((paragraph, index) => {
        if (index > 0) doc.moveDown(0.5);
        paragraph_(doc, root, paragraph);
      });
      return;
    case 'gap':
      doc.moveDown(block.lines);
      return;
  }
}

function paragraph_(doc: Doc, root: Struct, text: string): void {
  root.add(
    doc.struct('P', {}, () => {
      doc.font('regular').text(pdfSafeText(text));
    }),
  );
}

/** The running header of every page: a page artifact (not read as content), with the page. */
function drawHeaders(doc: Doc, header: string[], pageLabel: string | undefined): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const top = doc.page.margins.top;
    // Out of the page's margins while drawing, so the header never starts a new page.
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('bold').fontSize(HEADER_SIZE);
    doc.text(pdfSafeText(header[0]), MARGIN, MARGIN - 20, { width, lineBreak: false });
    doc.font('regular');
    const rest = header.slice(1).join(' · ');
    const page = pageLabel
      ? pageLabel.replace('{page}', String(i + 1)).replace('{pages}', String(count))
      : '';
    doc.text(pdfSafeText([rest, page].filter(Boolean).join(' · ')), MARGIN, MARGIN - 9, {
      width,
      lineBreak: false,
      ellipsis: true,
    });
    doc
      .moveTo(MARGIN, MARGIN + 4)
      .lineTo(doc.page.width - MARGIN, MARGIN + 4)
      .lineWidth(0.5)
      .stroke();
    doc.endMarkedContent();
    doc.page.margins.top = top;
    doc.page.margins.bottom = MARGIN;
  }
}
