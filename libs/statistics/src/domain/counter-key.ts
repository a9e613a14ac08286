/**
 * Summary counters (DESIGN: statistics). A counter is one number for one statistical year, one
 * filter scope and one (dimension, key, metric); a request sums a handful of counters instead of
 * scanning cases, so it costs the same at 50 cases and at ten million.
 */

/** Placeholder for "any value" in a scope. */
export const ANY = '*';

/** The filters the staff page offers; each counter is kept for every combination of them. */
export interface ScopeFilter {
  community: string;
  area: string;
  municipality: string;
}

/** The scope that counts everything (the public figures). */
export const ALL_SCOPE = `${ANY}|${ANY}|${ANY}`;

export function scopeKey(filter: ScopeFilter): string {
  return `${filter.community}|${filter.area}|${filter.municipality}`;
}

/**
 * The scopes a case counts in: every combination of "its value" or "any" over the three filters,
 * so a filtered request reads exactly one scope per combination of selected values.
 */
export function scopesOfCase(c: {
  community: string;
  area: string;
  municipality: string;
}): string[] {
  const scopes: string[] = [];
  for (const community of [c.community, ANY])
    for (const area of [c.area, ANY])
      for (const municipality of [c.municipality, ANY])
        scopes.push(scopeKey({ community, area, municipality }));
  return scopes;
}

/** What is counted. */
export const COUNTER_METRICS = [
  /** Cases submitted in the year (keyed by submission year). */
  'reported',
  /** Cases submitted in the year, by their status now (keyed by submission year). */
  'current',
  /** Outcomes decided in the year (keyed by decision year), every decision counted once. */
  'decided',
  /** Referrals sent, answered, and the answers' outcomes (keyed by the year they were sent). */
  'sent',
  'answered_on_time',
  'answered_late',
  'complied',
  'partly_complied',
  'refused',
  /** Technical Group meetings held. */
  'held',
] as const;
export type CounterMetric = (typeof COUNTER_METRICS)[number];

export interface CounterDelta {
  year: number;
  scope: string;
  dimension: string;
  key: string;
  metric: CounterMetric;
  delta: number;
}

/** One bucket of the days-from-submission-to-outcome histogram. */
export interface OutcomeDaysDelta {
  year: number;
  scope: string;
  days: number;
  delta: number;
}

export function counterId(
  d: Pick<CounterDelta, 'scope' | 'year' | 'dimension' | 'key' | 'metric'>,
): string {
  return `${d.scope}\u0000${d.year}\u0000${d.dimension}\u0000${d.key}\u0000${d.metric}`;
}

/**
 * Adds up deltas of the same counter, drops the ones that cancel out, and sorts them in primary-key
 * order: concurrent transactions then lock counter rows in the same order and cannot deadlock.
 */
export function mergeCounterDeltas(deltas: readonly CounterDelta[]): CounterDelta[] {
  const merged = new Map<string, CounterDelta>();
  for (const d of deltas) {
    const id = counterId(d);
    const seen = merged.get(id);
    if (seen) seen.delta += d.delta;
    else merged.set(id, { ...d });
  }
  return [...merged.values()]
    .filter((d) => d.delta !== 0)
    .sort((a, b) =>
      compareKeys(
        [a.scope, a.year, a.dimension, a.key, a.metric],
        [b.scope, b.year, b.dimension, b.key, b.metric],
      ),
    );
}

export function mergeOutcomeDaysDeltas(deltas: readonly OutcomeDaysDelta[]): OutcomeDaysDelta[] {
  const merged = new Map<string, OutcomeDaysDelta>();
  for (const d of deltas) {
    const id = `${d.scope}\u0000${d.year}\u0000${d.days}`;
    const seen = merged.get(id);
    if (seen) seen.delta += d.delta;
    else merged.set(id, { ...d });
  }
  return [...merged.values()]
    .filter((d) => d.delta !== 0)
    .sort((a, b) => compareKeys([a.scope, a.year, a.days], [b.scope, b.year, b.days]));
}

/** Orders like PostgreSQL's "C" collation on text and numerically on numbers. */
function compareKeys(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}
