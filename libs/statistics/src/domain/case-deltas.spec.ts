import { ALL_SCOPE, CounterDelta, mergeCounterDeltas, mergeOutcomeDaysDeltas } from './counter-key';
import {
  CaseFacts,
  filterScopes,
  referralAnsweredDeltas,
  referralsSentDeltas,
  statusChangeDeltas,
  submittedDeltas,
} from './case-deltas';

const facts: CaseFacts = {
  year: 2025,
  // 23:30 on 31 December 2025 in Kosovo
  submittedAt: new Date('2025-12-31T22:30:00Z'),
  community: 'roma',
  primaryArea: 'education',
  municipality: 'prizren',
  gender: null,
  ageGroup: 'age_18_35',
  reporterRole: 'victim',
  perpetratorKind: 'school',
};

/** The deltas of the unfiltered scope, as `dimension/key/metric@year: delta`. */
function inAllScope(deltas: CounterDelta[]): Record<string, number> {
  return Object.fromEntries(
    mergeCounterDeltas(deltas)
      .filter((d) => d.scope === ALL_SCOPE)
      .map((d) => [`${d.dimension}/${d.key}/${d.metric}@${d.year}`, d.delta]),
  );
}

describe('counter deltas of case events', () => {
  it('counts a new case as reported in every breakdown of its year and as submitted', () => {
    const deltas = submittedDeltas(facts, ['segregation', 'harassment', 'segregation']);
    expect(inAllScope(deltas)).toEqual({
      'total/all/reported@2025': 1,
      'community/roma/reported@2025': 1,
      'area/education/reported@2025': 1,
      'municipality/prizren/reported@2025': 1,
      'gender/not_stated/reported@2025': 1,
      'age_group/age_18_35/reported@2025': 1,
      'reporter_role/victim/reported@2025': 1,
      'perpetrator_kind/school/reported@2025': 1,
      'ground/harassment/reported@2025': 1,
      'ground/segregation/reported@2025': 1,
      'status/submitted/current@2025': 1,
    });
    // The same rows in each of the eight scopes of the case.
    expect(deltas).toHaveLength(8 * 11);
  });

  it('moves the current status and nothing else for a step between open statuses', () => {
    const { counters, outcomeDays } = statusChangeDeltas(facts, {
      from: 'submitted',
      to: 'in_review',
      at: new Date('2026-01-02T10:00:00Z'),
      closureReason: null,
      previous: null,
    });
    expect(inAllScope(counters)).toEqual({
      'status/submitted/current@2025': -1,
      'status/in_review/current@2025': 1,
    });
    expect(outcomeDays).toEqual([]);
  });

  it('counts an outcome in the year it was decided and the case in the histogram of its own year', () => {
    const { counters, outcomeDays } = statusChangeDeltas(facts, {
      from: 'assigned',
      to: 'closed',
      at: new Date('2026-01-10T10:00:00Z'),
      closureReason: 'duplicate',
      previous: null,
    });
    expect(inAllScope(counters)).toEqual({
      'status/assigned/current@2025': -1,
      'status/closed/current@2025': 1,
      'closure_reason/duplicate/current@2025': 1,
      'outcome/closed/decided@2026': 1,
    });
    expect(mergeOutcomeDaysDeltas(outcomeDays).filter((d) => d.scope === ALL_SCOPE)).toEqual([
      { scope: ALL_SCOPE, year: 2025, days: 10, delta: 1 },
    ]);
  });

  it('takes a reopened outcome back out of the histogram and closure reasons, but keeps the decision counted', () => {
    const { counters, outcomeDays } = statusChangeDeltas(facts, {
      from: 'closed',
      to: 'in_review',
      at: new Date('2026-02-01T10:00:00Z'),
      closureReason: null,
      previous: {
        outcome: 'closed',
        closureReason: 'duplicate',
        decidedAt: new Date('2026-01-10T10:00:00Z'),
      },
    });
    expect(inAllScope(counters)).toEqual({
      'status/closed/current@2025': -1,
      'status/in_review/current@2025': 1,
      'closure_reason/duplicate/current@2025': -1,
    });
    expect(mergeOutcomeDaysDeltas(outcomeDays).filter((d) => d.scope === ALL_SCOPE)).toEqual([
      { scope: ALL_SCOPE, year: 2025, days: 10, delta: -1 },
    ]);
  });

  it('does nothing for an entry that keeps the status (a reassignment)', () => {
    expect(
      statusChangeDeltas(facts, {
        from: 'assigned',
        to: 'assigned',
        at: new Date(),
        closureReason: null,
        previous: null,
      }),
    ).toEqual({ counters: [], outcomeDays: [] });
  });

  it('counts referrals by the year sent, and an institution once per case in the case’s year', () => {
    const deltas = referralsSentDeltas(facts, [
      {
        institutionCode: 'ombudsperson',
        sentAt: new Date('2026-01-05T10:00:00Z'),
        firstToInstitution: true,
      },
      {
        institutionCode: 'ombudsperson',
        sentAt: new Date('2026-03-05T10:00:00Z'),
        firstToInstitution: false,
      },
    ]);
    expect(inAllScope(deltas)).toEqual({
      'referral/ombudsperson/sent@2026': 2,
      'institution/ombudsperson/reported@2025': 1,
    });
  });

  it('tells answers on time (to the last Kosovo day) from late ones', () => {
    const answer = (answeredAt: string) =>
      inAllScope(
        referralAnsweredDeltas(facts, {
          institutionCode: 'ombudsperson',
          sentAt: new Date('2026-01-05T10:00:00Z'),
          responseDueDate: '2026-02-05',
          answeredAt: new Date(answeredAt),
          outcome: 'complied',
        }),
      );
    // 23:30 on 5 February in Kosovo: still on time.
    expect(answer('2026-02-05T22:30:00Z')).toEqual({
      'referral/ombudsperson/answered_on_time@2026': 1,
      'referral/ombudsperson/complied@2026': 1,
    });
    expect(answer('2026-02-05T23:30:00Z')).toEqual({
      'referral/ombudsperson/answered_late@2026': 1,
      'referral/ombudsperson/complied@2026': 1,
    });
  });

  it('turns filters into the scopes to add up', () => {
    expect(filterScopes({})).toEqual([ALL_SCOPE]);
    expect(filterScopes({ community: ['roma', 'ashkali'], municipality: ['peje'] })).toEqual([
      'roma|*|peje',
      'ashkali|*|peje',
    ]);
  });
});
