import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '@app/core';

/**
 * Every queue and job of the platform in one place. A job name must map to a queue and have a
 * payload type, or this file does not compile. Payloads carry ids only: Redis keeps job data
 * in clear text, so an email address or a case description must never be put here.
 */
export const QUEUES = ['mail', 'maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  'send-mail': { outboxId: string };
  'referral-overdue-check': Record<string, never>;
  'retention-erase': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOBS_TO_QUEUE = {
  'send-mail': 'mail',
  'referral-overdue-check': 'maintenance',
  'retention-erase': 'maintenance',
} as const satisfies Record<JobName, QueueName>;

/** The id of the daily job scheduler that checks referral responses past their due date. */
export const OVERDUE_CHECK_SCHEDULER = 'referral-overdue-check-daily';

/** The id of the daily job scheduler that erases personal data past its retention period. */
export const RETENTION_SCHEDULER = 'retention-erase-daily';

/**
 * BullMQ keeps queues under `<prefix>:<queue>`. The installation's REDIS_KEY_PREFIX is that
 * prefix, so two installations (or two test runs) on one Redis never see each other's jobs.
 */
export function queuePrefix(config: AppConfig): string {
  return `${config.redis.keyPrefix}:bull`;
}

/** Options of a mail job: retries with exponential backoff, bounded history in Redis. */
export function sendMailJobOptions(config: AppConfig, outboxId: string): JobsOptions {
  return {
    jobId: outboxId,
    attempts: config.notifications.attempts,
    backoff: { type: 'exponential', delay: config.notifications.backoffMs },
    // Completed jobs are only history (the outbox row is the record); failed ones stay a while
    // for diagnosis. Both are bounded so Redis does not grow with the number of emails.
    removeOnComplete: { count: 1000, age: 24 * 3600 },
    removeOnFail: { count: 5000, age: 14 * 24 * 3600 },
  };
}
