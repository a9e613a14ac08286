import { Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, KOSOVO_TIME_ZONE } from '@app/core';
import {
  NotificationQueues,
  NotificationsWorkerModule,
  OVERDUE_CHECK_SCHEDULER,
  OverdueReferralsHandler,
} from '@app/notifications';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-env';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

@Injectable()
class RecordingOverdueReferrals implements OverdueReferralsHandler {
  readonly calls: Date[] = [];
  async remindOverdue(now: Date): Promise<number> {
    this.calls.push(now);
    return 2;
  }
}

@Module({ providers: [RecordingOverdueReferrals], exports: [RecordingOverdueReferrals] })
class RecordingModule {}

describe('Scheduled notification jobs', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('declares the daily referral-overdue check when the worker starts', async () => {
    const worker: TestWorker = await startTestWorker(
      mailTestEnv({ DATABASE_URL: db.url, REFERRAL_OVERDUE_CRON: '30 6 * * *' }),
    );
    try {
      const queue = worker.app.get(NotificationQueues).queue('maintenance');
      const scheduler = await until(async () => {
        const all = await queue.getJobSchedulers();
        return all.find((s) => s.key === OVERDUE_CHECK_SCHEDULER);
      }, 'the job scheduler');
      expect(scheduler).toMatchObject({ pattern: '30 6 * * *', tz: KOSOVO_TIME_ZONE });
      expect(scheduler.next).toBeGreaterThan(Date.now());

      // Without a registered handler the job does nothing, and says so only at debug level.
      const job = await queue.add('referral-overdue-check', {});
      await until(async () => (await job.getState()) === 'completed', 'the job to complete');
      expect((await queue.getJob(job.id!))?.returnvalue).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('runs the registered overdue-referrals handler', async () => {
    const config = testConfig(mailTestEnv({ DATABASE_URL: db.url }));
    const app: INestApplicationContext = await NestFactory.createApplicationContext(
      {
        module: class OverdueTestWorkerModule {},
        imports: [
          CoreModule.forRoot({ applicationName: 'pmd-test-worker', config }),
          NotificationsWorkerModule.register({
            imports: [RecordingModule],
            overdueReferralsHandler: RecordingOverdueReferrals,
          }),
        ],
      },
      { logger: false },
    );
    await app.init();
    try {
      const queue = app.get(NotificationQueues).queue('maintenance');
      const job = await queue.add('referral-overdue-check', {});
      await until(async () => (await job.getState()) === 'completed', 'the job to complete');
      expect(app.get(RecordingOverdueReferrals).calls).toHaveLength(1);
      expect((await queue.getJob(job.id!))?.returnvalue).toBe(2);
    } finally {
      await app.close();
    }
  });
});
