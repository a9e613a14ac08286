import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
import { Job } from 'bullmq';
import Redis from 'ioredis';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  JobWorker,
  installationTimeZone,
  createRedis,
  queuePrefix,
} from '@app/core';
import { OverdueReferralsService } from '../referrals/services/overdue-referrals.service';
import { RetentionService } from '../retention/services/retention.service';
import { CaseJobQueues } from './case-job-queues';
import { ClockChecksService } from '../clocks/services/clock-checks.service';
import { CASE_JOBS_TO_QUEUE, CaseJobName, caseJobSchedules, isCaseJobName } from './case-jobs';

/**
 * Runs the cases' scheduled jobs (one worker of the `maintenance` queue, one job at a time) and
 * declares their daily BullMQ job schedulers, so however many workers run, each job runs once a
 * day. The schedulers are declared again periodically, because a Redis that lost its data would
 * otherwise forget them. Every job is idempotent: a retry or a catch-up run does only what is
 * still due.
 */
@Injectable()
export class CaseJobsProcessor
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger('CaseJobs');
  private connection?: Redis;
  private worker?: JobWorker;
  private timer?: NodeJS.Timeout;
  private scheduled = false;
  private closing = false;
  /** The schedulers being declared, awaited on shutdown. */
  private scheduling: Promise<void> = Promise.resolve();

  /** One handler per job of the catalogue: a job without one does not compile. */
  private readonly handlers: Record<CaseJobName, (now: Date) => Promise<number>> = {
    'referral-overdue-check': async (now) => {
      const handled = await this.referrals.markOverdue(now);
      this.logger.log(`Referral-overdue check: ${handled} overdue referrals reminded`);
      return handled;
    },
    'case-clock-check': async (now) => {
      const done = await this.clockChecks.run(now);
      this.logger.log(
        `Case clocks: ${done.resumed} resumed, ${done.reminded} reminded, ${done.overdue} overdue, ${done.digests} digest`,
      );
      return done.resumed + done.reminded + done.overdue + done.digests;
    },
    'retention-erase': async (now) => {
      const erased = await this.retention.eraseExpired(now);
      this.logger.log(`Retention: personal data of ${erased} cases erased`);
      return erased;
    },
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queues: CaseJobQueues,
    private readonly referrals: OverdueReferralsService,
    private readonly retention: RetentionService,
    private readonly clockChecks: ClockChecksService,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedis(this.config, 'queue-worker');
    this.worker = new JobWorker('maintenance', (job) => this.process(job), {
      connection: this.connection,
      prefix: queuePrefix(this.config),
      concurrency: 1,
      lockDuration: this.config.notifications.jobLockMs,
      stalledInterval: this.config.notifications.jobLockMs,
    });
    this.worker.on('error', (error) => this.logger.debug(`Case jobs worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Scheduled job ${job?.name ?? '?'} failed: ${error.message}`),
    );
    // One declaration at a time: a slow one (Redis going away) is not piled on.
    let declaring = false;
    const schedule = () => {
      if (this.closing || declaring) return;
      declaring = true;
      this.scheduling = this.ensureSchedule().finally(() => {
        declaring = false;
      });
    };
    schedule();
    this.timer = setInterval(schedule, this.config.notifications.outboxSweepMs);
  }

  async onModuleDestroy(): Promise<void> {
    // A worker stopped while it declares its schedulers would close the queues under the
    // declaration (an unhandled error from BullMQ): let the declaration finish first.
    this.closing = true;
    clearInterval(this.timer);
    // Bounded: a declaration stuck on a Redis that went away must not hold the shutdown.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.scheduling,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000))),
    ]);
    clearTimeout(timer);
    await this.worker?.close();
  }

  onApplicationShutdown(): void {
    this.connection?.disconnect();
  }

  /** Declares the daily schedulers; idempotent (BullMQ keeps one scheduler per id). */
  async ensureSchedule(): Promise<void> {
    try {
      if (!(await this.queues.reachable())) return;
      const schedules = caseJobSchedules(this.config);
      for (const name of Object.keys(schedules) as CaseJobName[]) {
        const queue = await this.queues.readyQueue(CASE_JOBS_TO_QUEUE[name]);
        await queue.upsertJobScheduler(
          schedules[name].scheduler,
          { pattern: schedules[name].pattern, tz: installationTimeZone() },
          {
            name,
            data: {},
            opts: {
              attempts: 3,
              backoff: { type: 'exponential', delay: 60_000 },
              removeOnComplete: { count: 30 },
              removeOnFail: { count: 100 },
            },
          },
        );
      }
      if (!this.scheduled) {
        this.logger.log(
          'Daily referral-overdue check, personal data erasure and case clock check scheduled',
        );
      }
      this.scheduled = true;
    } catch (error) {
      this.logger.warn(`Could not schedule the daily case jobs: ${(error as Error).message}`);
    }
  }

  async process(job: Job): Promise<number> {
    // The name comes from Redis: one this version does not know is left alone, not guessed at.
    if (!isCaseJobName(job.name)) {
      this.logger.warn(`Unknown case job ${job.name}`);
      return 0;
    }
    return this.handlers[job.name](this.clock.now());
  }
}
