import { Worker, isNotConnectionError } from 'bullmq';

/**
 * BullMQ's Worker, with a stalled-jobs check that stops when the worker closes.
 *
 * BullMQ's own check (5.x, unchanged upstream so far) arms its next round when a round returns,
 * without looking whether close() came meanwhile: a worker closed during a round (as one stopped
 * right after it started is) leaves a timer behind that keeps the process alive for another
 * stalledInterval. The rounds here are BullMQ's (one when the worker starts, then one every
 * stalledInterval), and none is armed once the worker closes or pauses.
 */
export class JobWorker<
  DataType = unknown,
  ResultType = unknown,
  NameType extends string = string,
> extends Worker<DataType, ResultType, NameType> {
  private stalledTimer?: NodeJS.Timeout;
  private stalledCheckRunning = false;

  override async startStalledCheckTimer(): Promise<void> {
    if (this.opts.skipStalledCheck || this.stalledCheckRunning || this.stopping()) return;
    this.stalledCheckRunning = true;
    void this.stalledRound();
  }

  override async close(force = false): Promise<void> {
    // Nothing arms the timer again once BullMQ's close() has marked the worker closing.
    const closed = super.close(force);
    clearTimeout(this.stalledTimer);
    await closed;
  }

  private async stalledRound(): Promise<void> {
    if (!this.stopping()) {
      try {
        for (const jobId of await this.scripts.moveStalledJobsToWait()) {
          this.emit('stalled', jobId, 'active');
        }
      } catch (error) {
        // As in BullMQ's own check: a lost connection is the connection's to report.
        if (isNotConnectionError(error as Error) && !this.stopping()) {
          this.emit('error', error as Error);
        }
      }
    }
    // Asked again after the round: close() or pause() may have come while it ran.
    if (this.stopping()) {
      this.stalledCheckRunning = false;
      return;
    }
    this.stalledTimer = setTimeout(() => void this.stalledRound(), this.opts.stalledInterval);
  }

  private stopping(): boolean {
    return Boolean(this.closing) || this.isPaused();
  }
}
