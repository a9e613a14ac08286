import { buildFigures, counterName, suppressSmallCells, YearCounts } from './yearly-figures';

function counts(
  entries: [string, string, string, number][],
  days: Record<string, number> = {},
): YearCounts {
  return {
    counters: Object.fromEntries(entries.map(([d, k, m, v]) => [counterName(d, k, m), v])),
    outcomeDays: days,
  };
}

describe('yearly figures', () => {
  const year = counts(
    [
      ['total', 'all', 'reported', 9],
      ['status', 'submitted', 'current', 1],
      ['status', 'in_review', 'current', 2],
      ['status', 'referred', 'current', 1],
      ['status', 'resolved', 'current', 3],
      ['status', 'closed', 'current', 2],
      ['closure_reason', 'duplicate', 'current', 2],
      ['outcome', 'resolved', 'decided', 4],
      ['outcome', 'closed', 'decided', 2],
      ['community', 'roma', 'reported', 7],
      ['community', 'egyptian', 'reported', 2],
      ['referral', 'ombudsperson', 'sent', 3],
      ['referral', 'ombudsperson', 'answered_on_time', 1],
      ['referral', 'ombudsperson', 'refused', 1],
      ['meetings', 'all', 'held', 2],
    ],
    { '3': 2, '10': 1, '30': 2 },
  );

  it('groups statuses, lists known codes with zeros, and takes the median from the histogram', () => {
    const figures = buildFigures(2025, year, { community: ['roma', 'ashkali', 'egyptian'] });
    expect(figures.reported).toBe(9);
    expect(figures.status).toEqual({
      open: 3,
      referred: 1,
      resolved: 3,
      not_discrimination: 0,
      closed: 2,
    });
    expect(figures.decided).toEqual({ total: 6, resolved: 4, not_discrimination: 0, closed: 2 });
    expect(figures.breakdowns.community).toEqual({ roma: 7, ashkali: 0, egyptian: 2 });
    expect(figures.referrals.ombudsperson).toMatchObject({
      sent: 3,
      answeredOnTime: 1,
      unanswered: 2,
      refused: 1,
    });
    expect(figures.meetingsHeld).toBe(2);
    expect(figures.medianDaysToOutcome).toBe(10);
  });

  it('hides small cross-tabulated counts from the public and keeps totals exact', () => {
    const figures = suppressSmallCells(
      buildFigures(2025, year, { community: ['roma', 'ashkali', 'egyptian'] }),
      3,
    );
    expect(figures.reported).toBe(9);
    expect(figures.decided.total).toBe(6);
    expect(figures.meetingsHeld).toBe(2);
    expect(figures.status).toEqual({
      open: 3,
      referred: '<3',
      resolved: 3,
      not_discrimination: 0,
      closed: '<3',
    });
    expect(figures.breakdowns.community).toEqual({ roma: 7, ashkali: 0, egyptian: '<3' });
    expect(figures.referrals.ombudsperson.sent).toBe(3);
    expect(figures.referrals.ombudsperson.answeredOnTime).toBe('<3');
  });

  it('follows the configured threshold', () => {
    const figures = suppressSmallCells(buildFigures(2025, year), 8);
    expect(figures.breakdowns.community).toEqual({ roma: '<8', egyptian: '<8' });
    expect(suppressSmallCells(buildFigures(2025, year), 1).breakdowns.community).toEqual({
      roma: 7,
      egyptian: 2,
    });
  });
});
