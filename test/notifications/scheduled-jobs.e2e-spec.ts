import {
  CaseJobQueues,
  OverdueReferralsService,
  OVERDUE_CHECK_SCHEDULER,
  RETENTION_SCHEDULER,
  RetentionService,
} from '@app/cases';
import { installationTimeZone } from '@app/core';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

describe('Scheduled case jobs', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stops cleanly when closed while it is still declaring its schedulers', async () => {
    // A worker stopped right after it started closed the queues under the declaration, and
    // BullMQ's error went unhandled (it failed whole test files now and then).
    for (let i = 0; i < 5; i++) {
      const worker = await startTestWorker(mailTestEnv({ DATABASE_URL: db.url }));
      await worker.close();
    }
  });

  it('declares the daily referral-overdue check and retention erasure when the worker starts', async () => {
    const worker: TestWorker = await startTestWorker(
      mailTestEnv({ DATABASE_URL: db.url, REFERRAL_OVERDUE_CRON: '30 6 * * *' }),
    );
    try {
      const queue = worker.app.get(CaseJobQueues).queue('maintenance');
      const scheduler = await until(async () => {
        const all = await queue.getJobSchedulers();
        return all.find((s) => s.key === OVERDUE_CHECK_SCHEDULER);
      }, 'the job scheduler');
      expect(scheduler).toMatchObject({ pattern: '30 6 * * *', tz: installationTimeZone() });
      expect(scheduler.next).toBeGreaterThan(Date.now());
      const retention = await until(async () => {
        const all = await queue.getJobSchedulers();
        return all.find((s) => s.key === RETENTION_SCHEDULER);
      }, 'the retention scheduler');
      expect(retention).toMatchObject({ tz: installationTimeZone() });

      // Nothing is overdue in an empty database: the check runs and reminds nobody.
      const job = await queue.add('referral-overdue-check', {});
      await until(async () => (await job.getState()) === 'completed', 'the job to complete');
      expect((await queue.getJob(job.id!))?.returnvalue).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('dispatches each job of the cases catalogue to its handler, and leaves unknown names alone', async () => {
    const worker: TestWorker = await startTestWorker(mailTestEnv({ DATABASE_URL: db.url }));
    try {
      const overdue = jest
        .spyOn(worker.app.get(OverdueReferralsService, { strict: false }), 'markOverdue')
        .mockResolvedValue(2);
      const retention = jest
        .spyOn(worker.app.get(RetentionService, { strict: false }), 'eraseExpired')
        .mockResolvedValue(3);
      const queue = worker.app.get(CaseJobQueues).queue('maintenance');
      const checked = await queue.add('referral-overdue-check', {});
      await until(async () => (await checked.getState()) === 'completed', 'the check');
      const erased = await queue.add('retention-erase', {});
      await until(async () => (await erased.getState()) === 'completed', 'the erasure');
      const unknown = await queue.add('no-such-job', {});
      await until(async () => (await unknown.getState()) === 'completed', 'the unknown job');
      expect((await queue.getJob(checked.id!))?.returnvalue).toBe(2);
      expect((await queue.getJob(erased.id!))?.returnvalue).toBe(3);
      expect((await queue.getJob(unknown.id!))?.returnvalue).toBe(0);
      expect(overdue).toHaveBeenCalledTimes(1);
      expect(retention).toHaveBeenCalledTimes(1);
    } finally {
      await worker.close();
    }
  });
});
