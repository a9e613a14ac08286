import { NOT_STATED, OUTCOME_STATUSES, UNSPECIFIED } from './case-deltas';
import { medianOfHistogram } from './outcome-days';
import type { PublicStageTimeliness } from './stage-timeliness';

/**
 * The raw numbers of a year in one scope: every counter (`dimension/key/metric` -> value) and the
 * days-to-outcome histogram (days -> cases). A published snapshot keeps exactly this, so figures
 * of published and live years add up the same way.
 */
export interface YearCounts {
  counters: Record<string, number>;
  outcomeDays: Record<string, number>;
  /**
   * The timeliness histogram of the year's cases, all cases only: stage -> working days ->
   * [stages, of them within target]. Absent in filtered counts and in snapshots published
   * before the timeliness figures were frozen with them.
   */
  stageDays?: Record<string, Record<string, [number, number]>>;
}

export function emptyCounts(): YearCounts {
  return { counters: {}, outcomeDays: {} };
}

export function counterName(dimension: string, key: string, metric: string): string {
  return `${dimension}/${key}/${metric}`;
}

export function addCounts(into: YearCounts, other: YearCounts): YearCounts {
  for (const [name, value] of Object.entries(other.counters)) {
    into.counters[name] = (into.counters[name] ?? 0) + value;
  }
  for (const [days, value] of Object.entries(other.outcomeDays)) {
    into.outcomeDays[days] = (into.outcomeDays[days] ?? 0) + value;
  }
  for (const [stage, histogram] of Object.entries(other.stageDays ?? {})) {
    into.stageDays ??= {};
    const target = (into.stageDays[stage] ??= {});
    for (const [days, [count, within]] of Object.entries(histogram)) {
      const [c, w] = target[days] ?? [0, 0];
      target[days] = [c + count, w + within];
    }
  }
  return into;
}

/** A cross-tabulated figure: a number, or `<N` where the public view hides a small count. */
export type Cell = number | string;

/** The breakdowns of cases reported, as the API names them. */
export const BREAKDOWNS = [
  'community',
  'area',
  'ground',
  'municipality',
  'gender',
  'age_group',
  'reporter_role',
  'perpetrator_kind',
  'referral_institution',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Counter dimension of each breakdown. */
const BREAKDOWN_DIMENSION: Record<Breakdown, string> = {
  community: 'community',
  area: 'area',
  ground: 'ground',
  municipality: 'municipality',
  gender: 'gender',
  age_group: 'age_group',
  reporter_role: 'reporter_role',
  perpetrator_kind: 'perpetrator_kind',
  referral_institution: 'institution',
};

export const OPEN_STATUSES = ['submitted', 'in_review', 'assigned', 'technical_group'] as const;

export interface StatusFigures<C = Cell> {
  open: C;
  referred: C;
  resolved: C;
  not_discrimination: C;
  closed: C;
}

export interface DecidedFigures<C = Cell> {
  total: C;
  resolved: C;
  not_discrimination: C;
  closed: C;
}

export interface ReferralFigures<C = Cell> {
  sent: C;
  answeredOnTime: C;
  answeredLate: C;
  /** Sent and not (yet) answered. */
  unanswered: C;
  complied: C;
  partlyComplied: C;
  refused: C;
}

/** Every figure of a year (or of all years together: `year` null). */
export interface YearFigures<C = Cell> {
  year: number | null;
  /** Cases submitted in the year (the installation's time zone); hidden from the public when small. */
  reported: C;
  /** Those cases by their status now. */
  status: StatusFigures<C>;
  /** Those of them closed now, by reason. */
  closedByReason: Record<string, C>;
  /** Outcomes decided in the year, whenever the case came in. */
  decided: DecidedFigures<C>;
  breakdowns: Record<Breakdown, Record<string, C>>;
  /** Referral responsiveness per institution, by the year the referral was sent. */
  referrals: Record<string, ReferralFigures<C>>;
  meetingsHeld: number;
  /** Median whole days from submission to the latest outcome, of the year's cases decided so far. */
  medianDaysToOutcome: C | null;
  /**
   * Public figures of one year only: the timeliness of each stage under disclosure control
   * (frozen with the rest when the year is published). Absent in staff figures, in the sum of
   * all years and in years published before it was frozen with them.
   */
  timeliness?: PublicStageTimeliness[];
}

/** The codes to list even when their count is zero, in display order (from the taxonomy). */
export type KnownCodes = Partial<
  Record<Breakdown | 'closure_reason' | 'institution', readonly string[]>
>;

function ordered(known: readonly string[] | undefined, present: Iterable<string>): string[] {
  const list = known ?? [];
  const listed = new Set(list);
  const extra = [...present].filter((code) => !listed.has(code)).sort();
  return [...list, ...extra];
}

export function buildFigures(
  year: number | null,
  counts: YearCounts,
  known: KnownCodes = {},
): YearFigures<number> {
  const get = (dimension: string, key: string, metric: string) =>
    counts.counters[counterName(dimension, key, metric)] ?? 0;
  // The keys present per dimension and metric, read in one pass over the counters (a year
  // holds about a thousand of them; scanning them once per breakdown was most of a request).
  const present = new Map<string, string[]>();
  for (const name in counts.counters) {
    if (counts.counters[name] === 0) continue;
    const first = name.indexOf('/');
    const last = name.lastIndexOf('/');
    const group = `${name.slice(0, first)}/${name.slice(last + 1)}`;
    const keys = present.get(group);
    const key = name.slice(first + 1, last);
    if (keys) keys.push(key);
    else present.set(group, [key]);
  }
  const keysOf = (dimension: string, metric: string): string[] =>
    present.get(`${dimension}/${metric}`) ?? [];
  const current = (status: string) => get('status', status, 'current');

  const breakdowns = {} as Record<Breakdown, Record<string, number>>;
  for (const breakdown of BREAKDOWNS) {
    const dimension = BREAKDOWN_DIMENSION[breakdown];
    const withNotStated =
      breakdown === 'gender' || breakdown === 'age_group'
        ? [...(known[breakdown] ?? []), NOT_STATED]
        : known[breakdown];
    breakdowns[breakdown] = Object.fromEntries(
      ordered(withNotStated, keysOf(dimension, 'reported')).map((key) => [
        key,
        get(dimension, key, 'reported'),
      ]),
    );
  }

  const closedByReason = Object.fromEntries(
    ordered(known.closure_reason, keysOf('closure_reason', 'current'))
      .filter((key) => key !== UNSPECIFIED || get('closure_reason', key, 'current') !== 0)
      .map((key) => [key, get('closure_reason', key, 'current')]),
  );

  const referrals: Record<string, ReferralFigures<number>> = {};
  for (const institution of ordered([], keysOf('referral', 'sent'))) {
    const sent = get('referral', institution, 'sent');
    const onTime = get('referral', institution, 'answered_on_time');
    const late = get('referral', institution, 'answered_late');
    referrals[institution] = {
      sent,
      answeredOnTime: onTime,
      answeredLate: late,
      unanswered: Math.max(0, sent - onTime - late),
      complied: get('referral', institution, 'complied'),
      partlyComplied: get('referral', institution, 'partly_complied'),
      refused: get('referral', institution, 'refused'),
    };
  }

  const days = new Map<number, number>(
    Object.entries(counts.outcomeDays).map(([d, n]) => [Number(d), n]),
  );
  return {
    year,
    reported: get('total', 'all', 'reported'),
    status: {
      open: OPEN_STATUSES.reduce((sum, status) => sum + current(status), 0),
      referred: current('referred'),
      resolved: current('resolved'),
      not_discrimination: current('not_discrimination'),
      closed: current('closed'),
    },
    closedByReason,
    decided: {
      total: OUTCOME_STATUSES.reduce((sum, outcome) => sum + get('outcome', outcome, 'decided'), 0),
      resolved: get('outcome', 'resolved', 'decided'),
      not_discrimination: get('outcome', 'not_discrimination', 'decided'),
      closed: get('outcome', 'closed', 'decided'),
    },
    breakdowns,
    referrals,
    meetingsHeld: get('meetings', 'all', 'held'),
    medianDaysToOutcome: medianOfHistogram(days),
  };
}

/**
 * Small-cell suppression for the public: a cross-tabulated count above zero and below the
 * threshold shows as `<threshold`, so a single reporter cannot be singled out by community,
 * municipality and the like. Totals (cases reported, outcomes decided, meetings, the median)
 * stay exact.
 */
export function suppressSmallCells(
  figures: YearFigures<number>,
  threshold: number,
): YearFigures<Cell> {
  const cell = (n: number): Cell => (n > 0 && n < threshold ? `<${threshold}` : n);
  const cells = <T extends object>(record: T): { [K in keyof T]: Cell } =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, typeof v === 'number' ? cell(v) : v]),
    ) as { [K in keyof T]: Cell };
  return {
    year: figures.year,
    reported: figures.reported,
    status: cells(figures.status),
    closedByReason: cells(figures.closedByReason),
    decided: { ...cells(figures.decided), total: figures.decided.total },
    breakdowns: Object.fromEntries(
      Object.entries(figures.breakdowns).map(([name, record]) => [name, cells(record)]),
    ) as Record<Breakdown, Record<string, Cell>>,
    referrals: Object.fromEntries(
      Object.entries(figures.referrals).map(([institution, r]) => [institution, cells(r)]),
    ),
    meetingsHeld: figures.meetingsHeld,
    medianDaysToOutcome: figures.medianDaysToOutcome,
  };
}
