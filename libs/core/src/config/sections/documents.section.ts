import { SectionSpec, env } from '../env-schema';

export const documentsSection = {
  pdfWorkers: env.int(
    'PDF_WORKERS',
    'Worker threads that draw PDFs (agenda, minutes), each one document at a time',
    { default: '1', min: 1, max: 16 },
  ),
  pdfTimeoutMs: env.int(
    'PDF_TIMEOUT_MS',
    'Longest wait for one PDF, queue included; a document that overruns is refused with 503',
    { default: '20000', min: 1000, max: 300000 },
  ),
  pdfWorkerMemoryMb: env.int(
    'PDF_WORKER_MEMORY_MB',
    'Heap limit of a PDF worker thread, in MiB; a document that needs more is refused with 503',
    { default: '256', min: 64, max: 4096 },
  ),
} as const satisfies SectionSpec;
