import {
  CASE_STATUS_MACHINE,
  CaseStatus,
  FINAL_STATUSES,
} from '../../workflow/domain/case-status.machine';

/**
 * What replaces a text that held personal data. It fits every length rule of the texts it
 * replaces (descriptions, messages, recommendations), so erasing never breaks a constraint.
 */
export const ERASED_TEXT = '[personal data erased]';

/** The name an erased evidence file keeps (its row stays, the file is gone). */
export const ERASED_FILE_NAME = 'erased';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cases whose last change came before this instant have outlived the retention period. */
export function retentionCutoff(now: Date, daysAfterClosure: number): Date {
  return new Date(now.getTime() - daysAfterClosure * DAY_MS);
}

/**
 * Whether a case's personal data may be erased now by retention: it is in a final status, not
 * yet erased, and its last change is older than the period.
 */
export function isRetentionDue(
  facts: { status: CaseStatus; lastChangeAt: Date; erasedAt: Date | null },
  now: Date,
  daysAfterClosure: number,
): boolean {
  return (
    facts.erasedAt === null &&
    FINAL_STATUSES.includes(facts.status) &&
    facts.lastChangeAt.getTime() < retentionCutoff(now, daysAfterClosure).getTime()
  );
}

/**
 * A reporter may withdraw their case where the status machine lets the reporter close it
 * (DESIGN §4: submitted, in review or assigned); later the case has gone to the Technical Group
 * or has an outcome.
 */
export function mayWithdraw(status: CaseStatus): boolean {
  return CASE_STATUS_MACHINE.can(status, 'closed', 'reporter');
}

/**
 * A reporter may have their personal data erased at once when the case is no longer handled:
 * it has an outcome or was closed (withdrawn ones included). An open case needs its facts.
 */
export function mayEraseOnRequest(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
