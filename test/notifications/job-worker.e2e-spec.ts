import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { JobWorker } from '@app/core';
import { until } from '../support/wait';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('JobWorker', () => {
  it('leaves no stalled-jobs timer behind when closed during a stalled-jobs round', async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await connection.ping(); // its connect timeout is over
    try {
      const before = timers();
      const worker = new JobWorker('job-worker-spec', async () => undefined, {
        connection,
        prefix: `pmd-test-${randomBytes(4).toString('hex')}`,
        // Long enough that a timer armed after close() would still be pending at the end.
        stalledInterval: 60_000,
        autorun: false,
      });
      // The round waits until the test lets it go, so close() surely comes while it runs.
      let release = () => {};
      const round = jest
        .spyOn(worker.scripts, 'moveStalledJobsToWait')
        .mockImplementation(
          () => new Promise<string[]>((resolve) => (release = () => resolve([]))),
        );
      const running = worker.run();
      await until(async () => round.mock.calls.length === 1, 'the first stalled-jobs round');

      // The round returns only after close() is done, as a slow first round does.
      await worker.close();
      release();
      await running;
      await new Promise((resolve) => setImmediate(resolve));

      expect(round).toHaveBeenCalledTimes(1);
      expect(timers()).toBe(before);
    } finally {
      await connection.quit();
    }
  });
});
