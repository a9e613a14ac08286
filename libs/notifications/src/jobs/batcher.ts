/**
 * Runs `work` for the items added while the previous run was in flight, all at once; each
 * caller learns the outcome of the run that held its item.
 */
export class Batcher<T> {
  private readonly waiting: { item: T; settle: (error?: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly work: (items: T[]) => Promise<void>) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, settle: (error) => (error ? reject(error) : resolve()) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.work(batch.map((entry) => entry.item));
        for (const entry of batch) entry.settle();
      } catch (error) {
        for (const entry of batch) entry.settle(error ?? new Error('failed'));
      }
    }
    this.running = false;
  }
}
