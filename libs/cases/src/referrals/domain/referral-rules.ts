import { fromInstallationWallClock } from '@app/core';
import { FINAL_STATUSES, type CaseStatus } from '../../workflow/domain/case-status.machine';

/**
 * A referral's life: `sent` → `answered` through the institution's link, or `sent` → `overdue`
 * once its due date has passed (a late answer is still welcome: `overdue` → `answered`).
 * When the case reaches an outcome, referrals still waiting are `closed`.
 */
export const REFERRAL_STATUSES = ['sent', 'answered', 'overdue', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_OUTCOMES = ['complied', 'partly_complied', 'refused'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export interface ReferralFacts {
  status: ReferralStatus;
  responseDueDate: string;
  responseTokenExpiresAt: Date;
  responseTokenUsedAt: Date | null;
}

/** Whether an answer is still expected. */
export function awaitsAnswer(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'overdue';
}

/** What the institution's link may do now. */
export type ResponseLinkState = 'usable' | 'used' | 'expired' | 'closed';

export function responseLinkState(referral: ReferralFacts, now: Date): ResponseLinkState {
  if (referral.responseTokenUsedAt || referral.status === 'answered') return 'used';
  if (referral.status === 'closed') return 'closed';
  if (now.getTime() >= referral.responseTokenExpiresAt.getTime()) return 'expired';
  return 'usable';
}

/**
 * A referral waiting past its due date (`today` is the calendar day of the installation,
 * YYYY-MM-DD).
 */
export function isOverdue(
  referral: Pick<ReferralFacts, 'status' | 'responseDueDate'>,
  today: string,
): boolean {
  return referral.status === 'sent' && referral.responseDueDate < today;
}

/** What happens to a referral when its case moves to `to`. */
export function referralStatusOnCaseChange(status: ReferralStatus, to: CaseStatus): ReferralStatus {
  return FINAL_STATUSES.includes(to) && awaitsAnswer(status) ? 'closed' : status;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a calendar day of the installation starts. */
export function installationDayStart(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return fromInstallationWallClock(y, m, d);
}

/**
 * The response link works until the end of the day `graceDays` after the due date (in the
 * installation's time zone): an institution that answers late can still answer, but a link does not
 * live forever.
 */
export function responseLinkExpiry(dueDate: string, graceDays: number): Date {
  return installationDayStart(addDays(dueDate, graceDays + 1));
}
