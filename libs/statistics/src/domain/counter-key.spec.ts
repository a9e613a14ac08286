import {
  ALL_SCOPE,
  CounterDelta,
  mergeCounterDeltas,
  mergeOutcomeDaysDeltas,
  scopesOfCase,
} from './counter-key';

describe('counter deltas', () => {
  const d = (over: Partial<CounterDelta>): CounterDelta => ({
    scope: ALL_SCOPE,
    year: 2025,
    dimension: 'status',
    key: 'submitted',
    metric: 'current',
    delta: 1,
    ...over,
  });

  it('adds up deltas of the same counter and drops those that cancel out', () => {
    const merged = mergeCounterDeltas([
      d({ key: 'submitted', delta: -1 }),
      d({ key: 'in_review', delta: 1 }),
      d({ key: 'in_review', delta: -1 }),
      d({ key: 'assigned', delta: 1 }),
      d({ key: 'assigned', delta: 1 }),
    ]);
    expect(merged).toEqual([d({ key: 'assigned', delta: 2 }), d({ key: 'submitted', delta: -1 })]);
  });

  it('sorts rows in primary-key order, so concurrent writers lock them in the same order', () => {
    const rows = [
      d({ scope: 'roma|*|*', year: 2026 }),
      d({ scope: '*|*|*', year: 2026, dimension: 'total' }),
      d({ scope: '*|*|*', year: 2025, dimension: 'total' }),
      d({ scope: '*|*|*', year: 2025, dimension: 'community', key: 'roma' }),
    ];
    const forward = mergeCounterDeltas(rows).map((r) => `${r.scope} ${r.year} ${r.dimension}`);
    const backward = mergeCounterDeltas([...rows].reverse()).map(
      (r) => `${r.scope} ${r.year} ${r.dimension}`,
    );
    expect(forward).toEqual(backward);
    expect(forward).toEqual([
      '*|*|* 2025 community',
      '*|*|* 2025 total',
      '*|*|* 2026 total',
      'roma|*|* 2026 status',
    ]);
  });

  it('merges histogram buckets the same way', () => {
    expect(
      mergeOutcomeDaysDeltas([
        { scope: ALL_SCOPE, year: 2025, days: 10, delta: 1 },
        { scope: ALL_SCOPE, year: 2025, days: 3, delta: 1 },
        { scope: ALL_SCOPE, year: 2025, days: 10, delta: -1 },
      ]),
    ).toEqual([{ scope: ALL_SCOPE, year: 2025, days: 3, delta: 1 }]);
  });

  it('counts a case in the eight combinations of its filters', () => {
    expect(
      scopesOfCase({ community: 'roma', area: 'health', municipality: 'peje' }).sort(),
    ).toEqual(
      [
        '*|*|*',
        '*|*|peje',
        '*|health|*',
        '*|health|peje',
        'roma|*|*',
        'roma|*|peje',
        'roma|health|*',
        'roma|health|peje',
      ].sort(),
    );
  });
});
