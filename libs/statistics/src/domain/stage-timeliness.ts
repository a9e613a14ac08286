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
