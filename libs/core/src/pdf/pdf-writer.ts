import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { PdfBlock, PdfDocumentSpec } from './pdf-document';
import { pdfSafeText } from './safe-text';

/**
 * DejaVu Sans covers every letter of Albanian (ë, ç) and Serbian Latin (š, ž, đ, č, ć); it comes
 * from an npm package, so a fresh machine renders the same PDF without system fonts.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
const BODY_SIZE = 10.5;

type Doc = PDFKit.PDFDocument;

/**
 * Draws a document with pdfkit: A4, DejaVu Sans. Runs in the PDF worker thread; it can take as
 * long as pdfkit takes, which the renderer's time box bounds.
 */
export function writePdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
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
  for (const block of spec.blocks) draw(doc, block);
  doc.end();
  return done;
}

function draw(doc: Doc, block: PdfBlock): void {
  switch (block.kind) {
    case 'heading':
      doc
        .moveDown(0.6)
        .font('bold')
        .fontSize(block.size)
        .text(pdfSafeText(block.text))
        .font('regular')
        .fontSize(BODY_SIZE)
        .moveDown(0.3);
      return;
    case 'labelled':
      doc
        .font('bold')
        .text(`${pdfSafeText(block.label)}: `, { continued: true })
        .font('regular')
        .text(pdfSafeText(block.value));
      return;
    case 'line':
      doc
        .font(block.bold ? 'bold' : 'regular')
        .text(pdfSafeText(block.text))
        .font('regular');
      return;
    case 'gap':
      doc.moveDown(block.lines);
      return;
  }
}
