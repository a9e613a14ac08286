import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, Clock, KOSOVO_TIME_ZONE, createRedis } from '@app/core';
import { NotificationQueues } from './notification-queues';
import { OVERDUE_REFERRALS_HANDLER, OverdueReferralsHandler } from './overdue-referrals.handler';
import { JobName, OVERDUE_CHECK_SCHEDULER, RETENTION_SCHEDULER, queuePrefix } from './queues';
import { RETENTION_HANDLER, RetentionHandler } from './retention.handler';

/**
 * Scheduled jobs. The daily referral-overdue check is a BullMQ job scheduler, so however many
 * workers run, it runs once a day; the scheduler is (re)declared at start and periodically,
 * because a Redis that lost its data would otherwise forget it.
 */
@Injectable()
export class MaintenanceProcessor
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private connection?: Redis;
  private worker?: Worker;
  private timer?: NodeJS.Timeout;
  private scheduled = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queues: NotificationQueues,
    @Optional()
    @Inject(OVERDUE_REFERRALS_HANDLER)
    private readonly overdueReferrals?: OverdueReferralsHandler,
    @Optional()
    @Inject(RETENTION_HANDLER)
    private readonly retention?: RetentionHandler,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedis(this.config, 'queue-worker');
    this.worker = new Worker('maintenance', (job) => this.process(job), {
      connection: this.connection,
      prefix: queuePrefix(this.config),
      concurrency: 1,
      lockDuration: this.config.notifications.jobLockMs,
      stalledInterval: this.config.notifications.jobLockMs,
    });
    this.worker.on('error', (error) => this.logger.debug(`Maintenance worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Scheduled job ${job?.name ?? '?'} failed: ${error.message}`),
    );
    void this.ensureSchedule();
    this.timer = setInterval(
      () => void this.ensureSchedule(),
      this.config.notifications.outboxSweepMs,
    );
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.worker?.close();
  }

  onApplicationShutdown(): void {
    this.connection?.disconnect();
  }

  /** Declares the daily scheduler; idempotent (BullMQ keeps one scheduler per id). */
  async ensureSchedule(): Promise<void> {
    if (!(await this.queues.reachable())) return;
    try {
      await this.queues.queue('maintenance').upsertJobScheduler(
        OVERDUE_CHECK_SCHEDULER,
        { pattern: this.config.notifications.overdueCheckCron, tz: KOSOVO_TIME_ZONE },
        {
          name: 'referral-overdue-check' satisfies JobName,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: { count: 30 },
            removeOnFail: { count: 100 },
          },
        },
      );
      await this.queues.queue('maintenance').upsertJobScheduler(
        RETENTION_SCHEDULER,
        { pattern: this.config.privacy.retentionCron, tz: KOSOVO_TIME_ZONE },
        {
          name: 'retention-erase' satisfies JobName,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: { count: 30 },
            removeOnFail: { count: 100 },
          },
        },
      );
      if (!this.scheduled) {
        this.logger.log('Daily referral-overdue check and personal data erasure scheduled');
      }
      this.scheduled = true;
    } catch (error) {
      this.logger.warn(
        `Could not schedule the referral-overdue check: ${(error as Error).message}`,
      );
    }
  }

  async process(job: Job): Promise<number> {
    if ((job.name as JobName) === 'retention-erase') return this.eraseExpired();
    if ((job.name as JobName) !== 'referral-overdue-check') {
      this.logger.warn(`Unknown maintenance job ${job.name}`);
      return 0;
    }
    if (!this.overdueReferrals) {
      this.logger.debug('No overdue-referrals handler is registered: nothing to check');
      return 0;
    }
    const handled = await this.overdueReferrals.remindOverdue(this.clock.now());
    this.logger.log(`Referral-overdue check: ${handled} overdue referrals reminded`);
    return handled;
  }

  private async eraseExpired(): Promise<number> {
    if (!this.retention) {
      this.logger.debug('No retention handler is registered: nothing to erase');
      return 0;
    }
    const erased = await this.retention.eraseExpired(this.clock.now());
    this.logger.log(`Retention: personal data of ${erased} cases erased`);
    return erased;
  }
}
