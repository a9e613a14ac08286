import { SystemBuilder, UNBOUNDED, auditSystem } from './disclosure-audit';
import { attack } from './disclosure-attacker';
import { HIDDEN, combineProtected, protectYear, relationsOf } from './disclosure-control';
import { YearCounts, buildFigures, counterName } from './yearly-figures';

function counts(entries: [string, string, string, number][]): YearCounts {
  return {
    counters: Object.fromEntries(entries.map(([d, k, m, v]) => [counterName(d, k, m), v])),
    outcomeDays: {},
  };
}

/** The live page of the issue: Roma 19, Ashkali 1, Egyptian 1, Other 0; 21 cases. */
const LIVE = counts([
  ['total', 'all', 'reported', 21],
  ['community', 'roma', 'reported', 19],
  ['community', 'ashkali', 'reported', 1],
  ['community', 'egyptian', 'reported', 1],
  ['gender', 'not_stated', 'reported', 20],
  ['gender', 'male', 'reported', 1],
  ['age_group', 'not_stated', 'reported', 21],
  ['status', 'submitted', 'current', 15],
  ['status', 'closed', 'current', 6],
  ['closure_reason', 'withdrawn', 'current', 5],
  ['closure_reason', 'duplicate', 'current', 1],
  ['outcome', 'closed', 'decided', 6],
]);
const KNOWN = {
  community: ['roma', 'ashkali', 'egyptian', 'other'],
  gender: ['female', 'male'],
  closure_reason: ['withdrawn', 'duplicate'],
};

describe('disclosure control', () => {
  const exact = buildFigures(2025, LIVE, KNOWN);
  const { figures, hidden } = protectYear(exact, 3);

  it('hides 1 and 2 with one marker, and gives each a companion so that no subtraction finds it', () => {
    expect(figures.breakdowns.community).toEqual({
      roma: HIDDEN,
      ashkali: HIDDEN,
      egyptian: HIDDEN,
      other: 0,
    });
    expect(figures.breakdowns.gender).toMatchObject({ male: HIDDEN, not_stated: HIDDEN });
    expect(figures.closedByReason).toEqual({ withdrawn: HIDDEN, duplicate: HIDDEN });
    expect(figures.reported).toBe(21);
    expect(hidden).toEqual(
      expect.arrayContaining([
        { section: 'community', code: 'ashkali', value: 1, reason: 'small' },
        {
          section: 'community',
          code: 'roma',
          value: 19,
          reason: 'complement',
          protects: 'community',
        },
      ]),
    );
    expect(attack({ years: [figures], ranges: [] })).toEqual({ feasible: true, determined: [] });
  });

  it('leaves the exact figures it was given untouched (staff keep them)', () => {
    expect(exact.breakdowns.community).toEqual({ roma: 19, ashkali: 1, egyptian: 1, other: 0 });
    expect(exact.closedByReason).toEqual({ withdrawn: 5, duplicate: 1 });
  });

  it('hides a year of one case down to its total, which then no table pins', () => {
    const one = buildFigures(
      2020,
      counts([
        ['total', 'all', 'reported', 1],
        ['community', 'egyptian', 'reported', 1],
        ['municipality', 'gjakove', 'reported', 1],
        ['gender', 'not_stated', 'reported', 1],
        ['age_group', 'not_stated', 'reported', 1],
        ['status', 'submitted', 'current', 1],
      ]),
      KNOWN,
    );
    const p = protectYear(one, 3).figures;
    expect(p.reported).toBe(HIDDEN);
    expect(p.breakdowns.community).toEqual({ roma: 0, ashkali: 0, egyptian: HIDDEN, other: 0 });
    expect(attack({ years: [p], ranges: [] }).determined).toEqual([]);
  });

  it('hides the median days to an outcome taken over fewer cases than the threshold', () => {
    const one = { ...LIVE, outcomeDays: { '12': 1 } };
    const figures1 = buildFigures(2025, one, KNOWN);
    expect(figures1.medianDaysToOutcome).toBe(12);
    expect(protectYear(figures1, 3, 1).figures.medianDaysToOutcome).toBe(HIDDEN);
    const many = { ...LIVE, outcomeDays: { '12': 2, '20': 4 } };
    expect(protectYear(buildFigures(2025, many, KNOWN), 3, 6).figures.medianDaysToOutcome).toBe(20);
  });

  it('adds years together only where every year shows the figure', () => {
    const other = protectYear(
      buildFigures(
        2026,
        counts([
          ['total', 'all', 'reported', 10],
          ['community', 'roma', 'reported', 10],
          ['gender', 'not_stated', 'reported', 10],
          ['age_group', 'not_stated', 'reported', 10],
          ['status', 'submitted', 'current', 10],
        ]),
        KNOWN,
      ),
      3,
    ).figures;
    const all = combineProtected([figures, other], buildFigures(null, LIVE, KNOWN));
    expect(all.reported).toBe(31);
    expect(all.breakdowns.community).toMatchObject({ roma: HIDDEN, other: 0 });
  });

  it('knows the relations a reader knows: one-per-case breakdowns add up, grounds do not', () => {
    const relations = relationsOf(exact);
    expect(relations.find((r) => r.section === 'community')).toMatchObject({ exact: true });
    expect(relations.find((r) => r.section === 'ground')).toBeUndefined();
    expect(relations.find((r) => r.section === 'closed_by_reason')).toMatchObject({
      total: 'status:closed',
      exact: true,
    });
  });
});

describe('disclosure audit (exact integer reasoning)', () => {
  function pair(sum: number) {
    const b = new SystemBuilder();
    b.unknown('a', 1, UNBOUNDED);
    b.unknown('b', 1, UNBOUNDED);
    b.relation(['t'], ['a', 'b'], true, (n) => (n === 't' ? sum : undefined));
    return auditSystem(b.system);
  }

  it('pins two hidden cells of at least 1 that add up to 2, and not those adding up to 3', () => {
    expect(pair(2).determined.map((d) => d.name)).toEqual(['a', 'b']);
    expect(pair(3).determined).toEqual([]);
  });

  it('finds a value pinned only through a search over several relations', () => {
    // a + b = 4, a − b = 2 (as b + 2 = a), a, b in 1..3: only a = 3, b = 1.
    const b = new SystemBuilder();
    b.unknown('a', 1, 3);
    b.unknown('b', 1, 3);
    const value = (n: string) => ({ t: 4, two: 2 })[n];
    b.relation(['t'], ['a', 'b'], true, value);
    b.relation(['a'], ['b', 'two'], true, value);
    expect(auditSystem(b.system).determined).toEqual([
      { name: 'a', value: 3 },
      { name: 'b', value: 1 },
    ]);
  });

  it('says when the published figures contradict each other', () => {
    const b = new SystemBuilder();
    b.unknown('a', 1, 2);
    b.relation(['t'], ['a'], true, (n) => (n === 't' ? 5 : undefined));
    expect(auditSystem(b.system).feasible).toBe(false);
  });
});
