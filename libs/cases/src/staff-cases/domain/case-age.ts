import { installationDate } from '@app/core';

const DAY_MS = 86_400_000;

/**
 * How many calendar days (in the installation's time zone) lie between a submission and now: a case
 * sent at 23:50 is "yesterday" ten minutes later, and one sent this morning is "today", not "0 days
 * ago".
 */
export function calendarDaysSince(submittedAt: Date | string, now: Date): number {
  const then = Date.parse(installationDate(new Date(submittedAt)));
  const today = Date.parse(installationDate(now));
  return Math.max(0, Math.round((today - then) / DAY_MS));
}

/** The message key and parameters that say a case's age in words. */
export function caseAgeMessage(days: number): { key: string; params: { days: number } } {
  if (days === 0) return { key: 'staff.cases.age.today', params: { days } };
  if (days === 1) return { key: 'staff.cases.age.yesterday', params: { days } };
  return { key: 'staff.cases.age', params: { days } };
}
