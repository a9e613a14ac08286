import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import type { PdfDocumentSpec } from './pdf-document';
import type { PdfJob, PdfJobResult } from './pdf-worker';

/** Documents that may wait for a free worker; more are refused at once (503, Retry-After). */
const MAX_WAITING = 32;
const RETRY_AFTER_SECONDS = 5;

/** A PDF could not be made within its time and memory bounds, or too many wait (503). */
export class PdfUnavailableError extends DomainError {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
  constructor() {
    super('pdf_unavailable', 503);
  }
}

interface Pending {
  id: number;
  spec: PdfDocumentSpec;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

/**
 * Makes PDFs in a small pool of worker threads, so drawing a document never holds the event
 * loop of the HTTP server, whatever text it holds. Each document is time-boxed (the thread is
 * ended when it overruns) and each thread has a heap limit; a document that breaks a bound is
 * refused with a 503 problem and the server goes on. Threads start on first use, are replaced
 * when ended, and do not keep an idle process alive.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfRenderer');
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  render(spec: PdfDocumentSpec): Promise<Buffer> {
    if (this.closed || this.waiting.length >= MAX_WAITING) {
      this.logger.warn({ msg: 'pdf refused', reason: this.closed ? 'closed' : 'busy' });
      return Promise.reject(new PdfUnavailableError());
    }
    return new Promise<Buffer>((resolve, reject) => {
      const job: Pending = { id: this.nextId++, spec, resolve, reject, timer: undefined! };
      job.timer = setTimeout(() => this.expire(job), this.config.documents.pdfTimeoutMs);
      this.waiting.push(job);
      this.dispatch();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) this.fail(job, 'closed');
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.fail(slot.job, 'closed');
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.config.documents.pdfWorkers) slot = this.spawn();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, spec: job.spec } satisfies PdfJob);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.config.documents.pdfWorkerMemoryMb), job: null };
    slot.worker.on('message', (result: PdfJobResult) => {
      const job = slot.job;
      if (!job || job.id !== result.id) return;
      slot.job = null;
      slot.worker.unref();
      clearTimeout(job.timer);
      if ('pdf' in result) {
        job.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
      } else {
        this.fail(job, 'failed', result.error);
      }
      this.dispatch();
    });
    // An uncaught error, or the heap limit (ERR_WORKER_OUT_OF_MEMORY): the thread is gone.
    slot.worker.on('error', (error: Error & { code?: string }) =>
      this.retire(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'crashed'),
    );
    slot.worker.on('exit', () => this.retire(slot, 'exited'));
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** Forgets a thread that ended; its document (if any) is refused, the next ones go on. */
  private retire(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.job) this.fail(slot.job, reason);
    slot.job = null;
    this.dispatch();
  }

  /** The time box: a waiting document is dropped, a running one ends its thread. */
  private expire(job: Pending): void {
    const waiting = this.waiting.indexOf(job);
    if (waiting >= 0) this.waiting.splice(waiting, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.job = null;
      void slot.worker.terminate();
    }
    this.fail(job, 'timeout');
    this.dispatch();
  }

  private fail(job: Pending, reason: string, error?: string): void {
    clearTimeout(job.timer);
    this.logger.warn({ msg: 'pdf not made', reason, error });
    job.reject(new PdfUnavailableError());
  }
}

/**
 * Starts a thread on the compiled entry; when the app runs from its TypeScript sources (tests,
 * ts-node) the thread registers ts-node itself first.
 */
function startWorker(memoryMb: number): Worker {
  const entry = join(__dirname, `pdf-worker${extname(__filename)}`);
  const options = { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (entry.endsWith('.ts')) {
    // The project's tsconfig.json is found from here up, whatever the working directory.
    const register = `require(${JSON.stringify(require.resolve('ts-node'))}).register(${JSON.stringify({ transpileOnly: true, projectSearchDir: __dirname })})`;
    const source = `${register}; require(${JSON.stringify(entry)});`;
    return new Worker(source, { ...options, eval: true });
  }
  return new Worker(entry, options);
}
