import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '@app/core';

/**
 * The notifications' queues and jobs. A job name must map to a queue and have a payload type,
 * or this file does not compile. Payloads carry ids only: Redis keeps job data in clear text,
 * so an email address or a case description must never be put here. (The cases' scheduled
 * jobs have their own catalogue in the cases lib.)
 */
export const QUEUES = ['mail'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  'send-mail': { outboxId: string };
}
export type JobName = keyof JobPayloads;

export const JOBS_TO_QUEUE = {
  'send-mail': 'mail',
} as const satisfies Record<JobName, QueueName>;

/** Where the queues live in Redis (shared by every context's queues; defined in core). */
export { queuePrefix } from '@app/core';

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
