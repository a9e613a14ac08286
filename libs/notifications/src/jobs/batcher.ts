/**
 * Runs `work` for the items added while the previous run was in flight, all at once; each
 * caller learns the outcome of the run that held its item: its own result when `work` returns
 * one per item (in the order given), or only success or failure.
 */
export class Batcher<T, R = void> {
  private readonly waiting: { item: T; settle: (error: unknown, result?: R) => void }[] = [];
  private running = false;

  constructor(private readonly work: (items: T[]) => Promise<R[] | void>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({
        item,
        settle: (error, result) => (error ? reject(error) : resolve(result as R)),
      });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        const results = await this.work(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.settle(undefined, results ? results[i] : undefined));
      } catch (error) {
        for (const entry of batch) entry.settle(error ?? new Error('failed'));
      }
    }
    this.running = false;
  }
}
