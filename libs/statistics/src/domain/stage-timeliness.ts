/** One bar of the timeliness histogram: stages that took `days` working days. */
export interface StageDaysBucket {
  days: number;
  count: number;
  /** Of `count`, those within their target. */
  within: number;
}

export interface StageTimeliness {
  /** Stages that ended in the year's cases. */
  count: number;
  /** Working days; null without any stage. */
  median: number | null;
  p90: number | null;
  /** Share within target, 0 to 1; null without any stage. */
  withinShare: number | null;
}

/**
 * The nearest-rank percentile of a histogram (the smallest number of days such that at least
 * `p` of the stages took that long or less): read from the summary rows, so it costs the same
 * at any number of cases.
 */
function percentile(sorted: readonly StageDaysBucket[], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (seen >= rank) return bucket.days;
  }
  return sorted[sorted.length - 1].days;
}

export function stageTimeliness(buckets: readonly StageDaysBucket[]): StageTimeliness {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.days - b.days);
  const count = sorted.reduce((sum, b) => sum + b.count, 0);
  if (count === 0) return { count: 0, median: null, p90: null, withinShare: null };
  const within = sorted.reduce((sum, b) => sum + b.within, 0);
  return {
    count,
    median: percentile(sorted, count, 0.5),
    p90: percentile(sorted, count, 0.9),
    withinShare: within / count,
  };
}

/** How many timed stages a public timeliness row stands on. */
export type TimedCases = 'none' | 'too_few' | 'enough';

/**
 * One stage's timeliness as the public sees it: a figure, `x` (HIDDEN) where too few cases stand
 * behind it, null without any case. No count is published, only whether there were enough.
 */
export interface PublicStageTimeliness {
  stage: string;
  timed: TimedCases;
  median: number | string | null;
  p90: number | string | null;
  /** Share within target in whole percent. */
  withinPercent: number | string | null;
}

/**
 * Disclosure control of the timeliness figures. A stage timed fewer times than the threshold
 * shows nothing but "too few cases". A percentile is a duration of one case (nearest rank), so
 * it is shown only when at least `threshold` stages lie at or below its rank and at least
 * `threshold` at or above it: it is never the shortest or longest of a small group (the 90th
 * percentile of three is the longest of them). The share within target is shown only when the
 * stages within target and those past it are each none or at least `threshold` (a share of 33 %
 * of three would tell one late case apart), rounded to a whole percent as the staff figures are.
 */
export function protectStageTimeliness(
  stage: string,
  buckets: readonly StageDaysBucket[],
  threshold: number,
  hidden: string,
): PublicStageTimeliness {
  const exact = stageTimeliness(buckets);
  if (exact.count === 0) {
    return { stage, timed: 'none', median: null, p90: null, withinPercent: null };
  }
  const within = buckets.reduce((sum, b) => sum + (b.count > 0 ? b.within : 0), 0);
  if (exact.count < threshold) {
    return { stage, timed: 'too_few', median: hidden, p90: hidden, withinPercent: hidden };
  }
  const safe = (p: number) => {
    const rank = Math.max(1, Math.ceil(p * exact.count));
    return rank >= threshold && exact.count - rank + 1 >= threshold;
  };
  return {
    stage,
    timed: 'enough',
    median: safe(0.5) ? exact.median : hidden,
    p90: safe(0.9) ? exact.p90 : hidden,
    withinPercent: [within, exact.count - within].every((n) => n === 0 || n >= threshold)
      ? Math.round(exact.withinShare! * 100)
      : hidden,
  };
}
