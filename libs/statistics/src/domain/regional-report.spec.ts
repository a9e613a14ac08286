import { HIDDEN, protectYear } from './disclosure-control';
import { compareReports, duplicateReports } from './regional-comparison';
import { RegionalReport, institutionKind, regionalReport, sumCells } from './regional-report';
import { checkRegionalReport, reportCounts } from './regional-report-validation';
import { YearCounts, buildFigures, counterName } from './yearly-figures';

const THRESHOLD = 3;

/** Counts of a small year: cases by community, status and referrals to two institutions. */
function counts(over: Record<string, number> = {}): YearCounts {
  const counters: Record<string, number> = {
    [counterName('total', 'all', 'reported')]: 12,
    [counterName('status', 'resolved', 'current')]: 7,
    [counterName('status', 'not_discrimination', 'current')]: 5,
    [counterName('community', 'roma', 'reported')]: 10,
    [counterName('community', 'egyptian', 'reported')]: 2,
    [counterName('area', 'education', 'reported')]: 12,
    [counterName('ground', 'segregation', 'reported')]: 12,
    [counterName('gender', 'not_stated', 'reported')]: 12,
    [counterName('age_group', 'not_stated', 'reported')]: 12,
    [counterName('reporter_role', 'victim', 'reported')]: 12,
    [counterName('perpetrator_kind', 'school', 'reported')]: 12,
    [counterName('referral', 'ombudsperson', 'sent')]: 6,
    [counterName('referral', 'ombudsperson', 'answered_on_time')]: 6,
    [counterName('referral', 'kosovo_police', 'sent')]: 4,
    [counterName('referral', 'kosovo_police', 'answered_on_time')]: 4,
    [counterName('referral', 'state_prosecutor', 'sent')]: 1,
    [counterName('meetings', 'all', 'held')]: 3,
    ...over,
  };
  return { counters, outcomeDays: {} };
}

function report(
  country = { code: 'XK', name: 'Kosovo' },
  year = 2025,
  yearCounts = counts(),
): RegionalReport {
  return regionalReport({
    country,
    meetingsBody: 'Technical Group',
    year,
    generatedAt: new Date('2026-01-10T08:00:00Z'),
    publishedAt: null,
    threshold: THRESHOLD,
    figures: protectYear(buildFigures(year, yearCounts), THRESHOLD).figures,
  });
}

describe('regional report', () => {
  it('takes the public figures: a small count and its companion are hidden, none below the threshold shows', () => {
    const r = report();
    expect(r.communities).toEqual({ roma: HIDDEN, egyptian: HIDDEN });
    expect(reportCounts(r).filter(([, v]) => v !== HIDDEN && v > 0 && v < THRESHOLD)).toEqual([]);
    expect(checkRegionalReport(JSON.stringify(r))).toEqual({ report: r, problems: [] });
  });

  it('carries the public timeliness per stage, hidden figures as hidden, the share from 0 to 1', () => {
    const figures = protectYear(buildFigures(2025, counts()), THRESHOLD).figures;
    figures.timeliness = [
      { stage: 'triage', timed: 'enough', median: 2, p90: HIDDEN, withinPercent: 83 },
      { stage: 'assessment', timed: 'too_few', median: HIDDEN, p90: HIDDEN, withinPercent: HIDDEN },
      { stage: 'closing', timed: 'none', median: null, p90: null, withinPercent: null },
    ];
    const r = regionalReport({
      country: { code: 'XK', name: 'Kosovo' },
      meetingsBody: 'Technical Group',
      year: 2025,
      generatedAt: new Date('2026-01-10T08:00:00Z'),
      publishedAt: null,
      threshold: THRESHOLD,
      figures,
    });
    expect(r.timeliness.stages).toEqual([
      { stage: 'triage', medianWorkingDays: 2, p90WorkingDays: HIDDEN, withinTargetShare: 0.83 },
      {
        stage: 'assessment',
        medianWorkingDays: HIDDEN,
        p90WorkingDays: HIDDEN,
        withinTargetShare: HIDDEN,
      },
      { stage: 'closing', medianWorkingDays: null, p90WorkingDays: null, withinTargetShare: null },
    ]);
    expect(checkRegionalReport(JSON.stringify(r)).problems).toEqual([]);
    // Without timeliness in the figures (a year published before it was frozen): none.
    expect(report().timeliness.stages).toBeUndefined();
  });

  it('sums referrals by kind from published cells only', () => {
    const r = report();
    expect(r.referrals.equality_body?.sent).toBe(6);
    expect(r.referrals.police?.sent).toBe(4);
    // One referral to the prosecution: hidden, and so is every sum it is part of.
    expect(r.referrals.prosecution?.sent).toBe(HIDDEN);
    expect(sumCells([3, 4])).toBe(7);
    expect(sumCells([3, HIDDEN, 4])).toBe(HIDDEN);
    expect(sumCells([3, '<5'])).toBe(HIDDEN);
  });

  it('maps institutions it does not know to `other`', () => {
    expect(institutionKind('ombudsperson')).toBe('equality_body');
    expect(institutionKind('a_new_agency')).toBe('other');
  });

  it('is refused when a visible count is below its threshold, or it does not fit the schema', () => {
    const r = report();
    expect(checkRegionalReport(JSON.stringify({ ...r, casesReported: 1 })).problems).toEqual([
      { path: '/casesReported', code: 'small_count_visible' },
    ]);
    const { grounds: _grounds, ...missing } = r;
    expect(checkRegionalReport(JSON.stringify({ ...missing, extra: 1 })).problems).toEqual([
      { path: '', code: 'required', property: 'grounds' },
      { path: '', code: 'unknown_field', property: 'extra' },
    ]);
    expect(checkRegionalReport(JSON.stringify({ ...r, casesReported: -1 })).problems).toEqual([
      { path: '/casesReported', code: 'wrong_value' },
    ]);
    expect(checkRegionalReport('{').problems).toEqual([{ path: '', code: 'not_json' }]);
  });
});

describe('regional comparison', () => {
  it('adds up the countries per figure; a total with a hidden part is hidden', () => {
    const kosovo = report();
    const albania = report(
      { code: 'AL', name: 'Albania' },
      2025,
      counts({ [counterName('community', 'egyptian', 'reported')]: 4 }),
    );
    const table = compareReports([
      { file: 'xk.json', report: kosovo },
      { file: 'al.json', report: albania },
    ]);
    expect(table.countries.map((c) => c.code)).toEqual(['XK', 'AL']);
    const row = (section: string, code: string) =>
      table.years[0].rows.find((r) => r.section === section && r.code === code)!;
    expect(row('reported', 'all')).toMatchObject({ values: [12, 12], total: 24 });
    expect(row('community', 'egyptian')).toMatchObject({ values: [HIDDEN, 4], total: HIDDEN });
    expect(row('meetings_held', 'all')).toMatchObject({ values: [3, 3], total: 6 });
    // A median is not a count: it does not add up.
    expect(row('median_days_to_outcome', 'all').total).toBeNull();
  });

  it('leaves empty what a country does not report, and lists the years in order', () => {
    const kosovo = report();
    const earlier = report({ code: 'XK', name: 'Kosovo' }, 2024);
    const albania = report({ code: 'AL', name: 'Albania' });
    delete (albania.communities as Record<string, unknown>).egyptian;
    albania.communities.other = 0;
    const table = compareReports([
      { file: 'xk-2025.json', report: kosovo },
      { file: 'al-2025.json', report: albania },
      { file: 'xk-2024.json', report: earlier },
    ]);
    expect(table.years.map((y) => y.year)).toEqual([2024, 2025]);
    const communities = table.years[1].rows.filter((r) => r.section === 'community');
    expect(communities.map((r) => [r.code, r.values, r.total])).toEqual([
      ['egyptian', [HIDDEN, null], HIDDEN],
      ['roma', [HIDDEN, HIDDEN], HIDDEN],
      ['other', [null, 0], 0],
    ]);
    expect(table.years[0].rows[0]).toMatchObject({ values: [12, null], total: 12 });
  });

  it('finds two files of the same country and year', () => {
    const kosovo = report();
    expect([
      ...duplicateReports([
        { file: 'a.json', report: kosovo },
        { file: 'b.json', report: kosovo },
      ]).keys(),
    ]).toEqual(['b.json']);
  });
});
