import type { AppConfig } from '../config/app-config';
import { PdfDocumentSpec } from './pdf-document';
import { PdfRenderer, PdfUnavailableError } from './pdf-renderer';

const small: PdfDocumentSpec = {
  title: 'Test',
  lang: 'sq',
  createdAt: '2026-03-12T10:00:00.000Z',
  blocks: [{ kind: 'labelled', label: 'Summary', value: 'Çështja e nxënësve.' }],
};

/** Far more text than any meeting holds: seconds of drawing (or the heap limit). */
const huge: PdfDocumentSpec = {
  ...small,
  blocks: Array.from({ length: 400 }, () => ({
    kind: 'line',
    text: 'Fjalë e gjatë. '.repeat(3_000),
  })),
};

describe('PdfRenderer', () => {
  const documents = { pdfWorkers: 1, pdfTimeoutMs: 60_000, pdfWorkerMemoryMb: 128 };
  const renderer = new PdfRenderer({ documents } as unknown as AppConfig);

  afterAll(() => renderer.onApplicationShutdown());

  it('draws a PDF in a worker thread', async () => {
    const pdf = await renderer.render(small);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('ends a document that overruns its time box with a 503, and goes on with the next', async () => {
    documents.pdfTimeoutMs = 1_000;
    await expect(renderer.render(huge)).rejects.toBeInstanceOf(PdfUnavailableError);
    documents.pdfTimeoutMs = 60_000;
    const pdf = await renderer.render(small);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses at once what cannot wait, and draws the rest', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => renderer.render(small)),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        status: 503,
        code: 'pdf_unavailable',
      });
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(32);
  });
});
