import { availableParallelism } from 'node:os';

/**
 * Turns for memory-hard hashes (argon2id of receipt codes and passwords). Each hash runs on
 * libuv's threadpool and holds its memory (19 MiB for a receipt code) while it runs; more hashes
 * at once than cores finish no sooner, hold more memory, and take the pool's threads from file
 * and DNS work. So at most one hash per core runs, the others wait their turn in order.
 */
export class HashingSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error('HashingSlots needs at least one slot');
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Hashes running now and waiting for a slot (for tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/** The process's slots: the threadpool and the cores are the process's too. */
export const HASHING_SLOTS = new HashingSlots(Math.max(1, availableParallelism()));
