/**
 * The daily check for referral responses past their due date. The cases lib implements it
 * (it owns referrals) and registers it with `NotificationsWorkerModule.register(...)`; this lib
 * only runs it on schedule. The handler writes its reminder emails (referral_overdue_institution,
 * referral_overdue_staff) to the outbox in its own transaction and must be idempotent: the job
 * may run twice (a retry, or a catch-up after downtime), so it remembers which referrals it
 * already reminded about.
 */
export interface OverdueReferralsHandler {
  /** Returns how many overdue referrals were handled (for the log line). */
  remindOverdue(now: Date): Promise<number>;
}

export const OVERDUE_REFERRALS_HANDLER = Symbol('OVERDUE_REFERRALS_HANDLER');
