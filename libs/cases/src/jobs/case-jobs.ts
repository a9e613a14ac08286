import type { AppConfig } from '@app/core';

/**
 * The cases' queues and jobs. A job name must map to a queue, a payload type and a schedule, or
 * this file does not compile. Payloads carry nothing (each run reloads what is due): Redis keeps
 * job data in clear text. The queue keeps its historical name, `maintenance`, so the schedulers
 * an installation already has in Redis stay the ones in use.
 */
export const CASE_QUEUES = ['maintenance'] as const;
export type CaseQueueName = (typeof CASE_QUEUES)[number];

export interface CaseJobPayloads {
  /** Referrals past their due date become overdue; reminders go to the outbox. */
  'referral-overdue-check': Record<string, never>;
  /** Personal data past its retention period is erased; expired rows are purged. */
  'retention-erase': Record<string, never>;
  /** Case clocks: reporter waits that ran out, reminders, breaches, the overdue digest. */
  'case-clock-check': Record<string, never>;
}
export type CaseJobName = keyof CaseJobPayloads;

export const CASE_JOBS_TO_QUEUE = {
  'referral-overdue-check': 'maintenance',
  'retention-erase': 'maintenance',
  'case-clock-check': 'maintenance',
} as const satisfies Record<CaseJobName, CaseQueueName>;

/** The id of the daily job scheduler that checks referral responses past their due date. */
export const OVERDUE_CHECK_SCHEDULER = 'referral-overdue-check-daily';

/** The id of the daily job scheduler that erases personal data past its retention period. */
export const RETENTION_SCHEDULER = 'retention-erase-daily';

/** The id of the daily job scheduler that checks the case clocks. */
export const CLOCK_CHECK_SCHEDULER = 'case-clock-check-daily';

export interface CaseJobSchedule {
  /** The BullMQ job scheduler id: one per job, however many workers declare it. */
  scheduler: string;
  /** Cron pattern, the installation's time zone. */
  pattern: string;
}

/** When each job runs: every job of the catalogue is scheduled (daily). */
export function caseJobSchedules(config: AppConfig): Record<CaseJobName, CaseJobSchedule> {
  return {
    'referral-overdue-check': {
      scheduler: OVERDUE_CHECK_SCHEDULER,
      pattern: config.notifications.overdueCheckCron,
    },
    'retention-erase': { scheduler: RETENTION_SCHEDULER, pattern: config.privacy.retentionCron },
    'case-clock-check': { scheduler: CLOCK_CHECK_SCHEDULER, pattern: config.clocks.checkCron },
  };
}

/** Whether a job name read from Redis is one of the catalogue's. */
export function isCaseJobName(name: string): name is CaseJobName {
  return Object.prototype.hasOwnProperty.call(CASE_JOBS_TO_QUEUE, name);
}
