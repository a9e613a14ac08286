import { installationDate } from '@app/core';

const DAY_MS = 86_400_000;

/**
 * Whole days from submission to outcome, counted on the installation's calendar (a case decided the
 * day it came in took 0 days), so the figure does not depend on the hour or on summer time.
 */
export function daysToOutcome(submittedAt: Date, decidedAt: Date): number {
  const from = Date.parse(`${installationDate(submittedAt)}T00:00:00Z`);
  const to = Date.parse(`${installationDate(decidedAt)}T00:00:00Z`);
  return Math.max(0, Math.round((to - from) / DAY_MS));
}

/**
 * The exact median of the values a histogram (days -> how many) describes; the mean of the two
 * middle values when there is an even number of them; null when there is none.
 */
export function medianOfHistogram(buckets: ReadonlyMap<number, number>): number | null {
  const sorted = [...buckets.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const lowRank = Math.floor((total - 1) / 2); // 0-based ranks of the middle value(s)
  const highRank = Math.floor(total / 2);
  let low: number | null = null;
  let seen = 0;
  for (const [days, n] of sorted) {
    seen += n;
    if (low === null && seen > lowRank) low = days;
    if (seen > highRank) return ((low ?? days) + days) / 2;
  }
  /* c8 ignore next: unreachable, the ranks are below the total */
  return low;
}
