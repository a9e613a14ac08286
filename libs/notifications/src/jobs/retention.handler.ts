/**
 * The daily erasure of personal data past its retention period. The cases lib implements it
 * (it owns the data) and registers it with `NotificationsWorkerModule.register(...)`; this lib
 * runs it on schedule, once a day however many workers run. It must be idempotent: a retry or a
 * catch-up run erases only what is still due.
 */
export interface RetentionHandler {
  /** Returns how many cases were erased (for the log line). */
  eraseExpired(now: Date): Promise<number>;
}

export const RETENTION_HANDLER = Symbol('RETENTION_HANDLER');
