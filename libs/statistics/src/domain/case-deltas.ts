import { FINAL_STATUSES, type CaseStatus, isFinalStatus } from '@app/cases';
import { installationDate, installationYear } from '@app/core';
import { ANY, CounterDelta, OutcomeDaysDelta, scopesOfCase } from './counter-key';
import { daysToOutcome } from './outcome-days';

/** What statistics know of a case: its year and the fields it is broken down by. */
export interface CaseFacts {
  /** Statistical year: the year of submission in the installation's time zone. */
  year: number;
  submittedAt: Date;
  community: string;
  primaryArea: string;
  municipality: string;
  gender: string | null;
  ageGroup: string | null;
  reporterRole: string;
  perpetratorKind: string;
}

/** Key of an optional field the reporter left empty. */
export const NOT_STATED = 'not_stated';
/** Key of a reporter role or perpetrator kind the earlier platform did not record (imports). */
export const NOT_RECORDED = 'not_recorded';
/** Key of a closed case whose reason was not recorded (cases imported without one). */
export const UNSPECIFIED = 'unspecified';

/** Statuses that are an outcome; the others count as "open" (or "referred"). */
export const OUTCOME_STATUSES = FINAL_STATUSES;
/** One of `OUTCOME_STATUSES` (the case machine's final statuses). */
export type OutcomeStatus = CaseStatus;

export function isOutcome(status: string): status is OutcomeStatus {
  return isFinalStatus(status);
}

/** The breakdowns of cases reported (besides grounds, which are many per case). */
export const CASE_DIMENSIONS = [
  'community',
  'area',
  'municipality',
  'gender',
  'age_group',
  'reporter_role',
  'perpetrator_kind',
] as const;
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];

export function dimensionKeys(c: CaseFacts): Record<CaseDimension, string> {
  return {
    community: c.community,
    area: c.primaryArea,
    municipality: c.municipality,
    gender: c.gender ?? NOT_STATED,
    age_group: c.ageGroup ?? NOT_STATED,
    reporter_role: c.reporterRole,
    perpetrator_kind: c.perpetratorKind,
  };
}

function scopes(c: CaseFacts): string[] {
  return scopesOfCase({
    community: c.community,
    area: c.primaryArea,
    municipality: c.municipality,
  });
}

function inEveryScope(
  c: CaseFacts,
  year: number,
  rows: ReadonlyArray<Omit<CounterDelta, 'scope' | 'year'>>,
): CounterDelta[] {
  return scopes(c).flatMap((scope) => rows.map((row) => ({ scope, year, ...row })));
}

/** A new case: counted as reported in its year in every breakdown, and as `submitted` now. */
export function submittedDeltas(c: CaseFacts, grounds: readonly string[]): CounterDelta[] {
  const keys = dimensionKeys(c);
  return inEveryScope(c, c.year, [
    { dimension: 'total', key: 'all', metric: 'reported', delta: 1 },
    ...CASE_DIMENSIONS.map((dimension) => ({
      dimension,
      key: keys[dimension],
      metric: 'reported' as const,
      delta: 1,
    })),
    ...[...new Set(grounds)].map((ground) => ({
      dimension: 'ground',
      key: ground,
      metric: 'reported' as const,
      delta: 1,
    })),
    { dimension: 'status', key: 'submitted', metric: 'current', delta: 1 },
  ]);
}

/** The outcome a case has now, as statistics remember it (to undo it on a reopen). */
export interface OutcomeRecord {
  outcome: OutcomeStatus;
  closureReason: string | null;
  decidedAt: Date;
}

export interface StatusChange {
  from: string;
  to: string;
  at: Date;
  /** The closure reason when `to` is `closed`. */
  closureReason: string | null;
  /** The outcome being left when `from` is an outcome (a reopen); null if none was recorded. */
  previous: OutcomeRecord | null;
}

export interface Deltas {
  counters: CounterDelta[];
  outcomeDays: OutcomeDaysDelta[];
}

/**
 * A status change. The case moves between "current status" counts of its submission year. Reaching
 * an outcome counts one decision in the year it was taken, in the installation's time zone (kept
 * even if the case is reopened later: it was decided then) and puts the case in the days-to-outcome
 * histogram of its submission year; leaving an outcome (reopen) takes it out of the histogram and
 * of its closure reason, so the median always uses each case's latest outcome.
 */
export function statusChangeDeltas(c: CaseFacts, change: StatusChange): Deltas {
  if (change.from === change.to) return { counters: [], outcomeDays: [] };
  const rows: Omit<CounterDelta, 'scope' | 'year'>[] = [
    { dimension: 'status', key: change.from, metric: 'current', delta: -1 },
    { dimension: 'status', key: change.to, metric: 'current', delta: 1 },
  ];
  const outcomeDays: OutcomeDaysDelta[] = [];
  const previous = change.previous;
  // Without a record (an outcome from before statistics were kept) there is nothing to take back.
  if (isOutcome(change.from) && previous) {
    if (previous.outcome === 'closed') {
      rows.push({
        dimension: 'closure_reason',
        key: previous.closureReason ?? UNSPECIFIED,
        metric: 'current',
        delta: -1,
      });
    }
    const days = daysToOutcome(c.submittedAt, previous.decidedAt);
    for (const scope of scopes(c)) outcomeDays.push({ scope, year: c.year, days, delta: -1 });
  }
  const counters = inEveryScope(c, c.year, rows);
  if (isOutcome(change.to)) {
    if (change.to === 'closed') {
      counters.push(
        ...inEveryScope(c, c.year, [
          {
            dimension: 'closure_reason',
            key: change.closureReason ?? UNSPECIFIED,
            metric: 'current',
            delta: 1,
          },
        ]),
      );
    }
    counters.push(
      ...inEveryScope(c, installationYear(change.at), [
        { dimension: 'outcome', key: change.to, metric: 'decided', delta: 1 },
      ]),
    );
    const days = daysToOutcome(c.submittedAt, change.at);
    for (const scope of scopes(c)) outcomeDays.push({ scope, year: c.year, days, delta: 1 });
  }
  return { counters, outcomeDays };
}

export interface SentReferral {
  institutionCode: string;
  sentAt: Date;
  /** False when the case had already been referred to this institution. */
  firstToInstitution: boolean;
}

/**
 * Referrals sent: counted per institution in the year they were sent, in the installation's time
 * zone (responsiveness), and, the first time a case goes to an institution, in the case's "referral
 * institution" breakdown of its submission year.
 */
export function referralsSentDeltas(
  c: CaseFacts,
  referrals: readonly SentReferral[],
): CounterDelta[] {
  return referrals.flatMap((r) => [
    ...inEveryScope(c, installationYear(r.sentAt), [
      { dimension: 'referral', key: r.institutionCode, metric: 'sent', delta: 1 },
    ]),
    ...(r.firstToInstitution
      ? inEveryScope(c, c.year, [
          { dimension: 'institution', key: r.institutionCode, metric: 'reported', delta: 1 },
        ])
      : []),
  ]);
}

export type ReferralAnswerOutcome = 'complied' | 'partly_complied' | 'refused';

export interface AnsweredReferral {
  institutionCode: string;
  sentAt: Date;
  /** YYYY-MM-DD, the last day (installation's calendar) an answer is on time. */
  responseDueDate: string;
  answeredAt: Date;
  outcome: ReferralAnswerOutcome;
}

export function isOnTime(responseDueDate: string, answeredAt: Date): boolean {
  return installationDate(answeredAt) <= responseDueDate;
}

/** An institution's answer, in the year the referral was sent: on time or late, and its outcome. */
export function referralAnsweredDeltas(c: CaseFacts, answer: AnsweredReferral): CounterDelta[] {
  const timeliness = isOnTime(answer.responseDueDate, answer.answeredAt)
    ? 'answered_on_time'
    : 'answered_late';
  return inEveryScope(c, installationYear(answer.sentAt), [
    { dimension: 'referral', key: answer.institutionCode, metric: timeliness, delta: 1 },
    { dimension: 'referral', key: answer.institutionCode, metric: answer.outcome, delta: 1 },
  ]);
}

/** The scope a filter selects; `ANY` where the filter is not set. */
export function filterScopes(filter: {
  community?: readonly string[];
  area?: readonly string[];
  municipality?: readonly string[];
}): string[] {
  const values = (list?: readonly string[]) =>
    list && list.length > 0 ? [...new Set(list)] : [ANY];
  const scopes: string[] = [];
  for (const community of values(filter.community))
    for (const area of values(filter.area))
      for (const municipality of values(filter.municipality))
        scopes.push(`${community}|${area}|${municipality}`);
  return scopes;
}

/** An imported case's referral institutions (from the earlier platform), first time each. */
export function importedReferralDeltas(
  c: CaseFacts,
  institutions: readonly string[],
): CounterDelta[] {
  return inEveryScope(
    c,
    c.year,
    [...new Set(institutions)].map((institution) => ({
      dimension: 'institution',
      key: institution,
      metric: 'reported' as const,
      delta: 1,
    })),
  );
}

/** Meetings held in a year changed by `delta` (a meeting held, or an import of old years). */
export function meetingsDelta(year: number, delta: number): CounterDelta {
  return {
    scope: `${ANY}|${ANY}|${ANY}`,
    year,
    dimension: 'meetings',
    key: 'all',
    metric: 'held',
    delta,
  };
}
