import { parentPort } from 'node:worker_threads';
import type { PdfDocumentSpec } from './pdf-document';
import { writePdf } from './pdf-writer';

/** A job from the renderer, and the answer the thread posts back. */
export interface PdfJob {
  id: number;
  spec: PdfDocumentSpec;
}
export type PdfJobResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

/**
 * Entry of a PDF worker thread: draws one document at a time, as the renderer sends them.
 * Only relative imports: the thread loads this file without the app's path aliases.
 */
parentPort?.on('message', (job: PdfJob) => {
  writePdf(job.spec).then(
    (pdf) => parentPort!.postMessage({ id: job.id, pdf } satisfies PdfJobResult),
    (error: unknown) =>
      parentPort!.postMessage({
        id: job.id,
        error: error instanceof Error ? error.name : 'Error',
      } satisfies PdfJobResult),
  );
});
