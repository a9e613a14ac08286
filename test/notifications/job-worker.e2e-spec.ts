import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { JobWorker } from '@app/core';
import { until } from '../support/wait';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const STALLED_INTERVAL_MS = 60_000;

describe('JobWorker', () => {
  it('leaves no stalled-jobs timer behind when closed during a stalled-jobs round', async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    try {
      const worker = new JobWorker('job-worker-spec', async () => undefined, {
        connection,
        prefix: `pmd-test-${randomBytes(4).toString('hex')}`,
        stalledInterval: STALLED_INTERVAL_MS,
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

      // The round returns only after close() is done, as a slow first round does; a wait for
      // the next round armed then would keep the process alive.
      await worker.close();
      const timers = jest.spyOn(global, 'setTimeout');
      release();
      await running;
      await new Promise((resolve) => setImmediate(resolve));

      const armed = timers.mock.calls.filter(([, ms]) => ms === STALLED_INTERVAL_MS);
      timers.mockRestore();
      expect(round).toHaveBeenCalledTimes(1);
      expect(armed).toEqual([]);
    } finally {
      await connection.quit();
    }
  });
});
