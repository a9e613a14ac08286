import { DataSource } from 'typeorm';
import { FixedClock, isOfferedLocale } from '@app/core';
import { PublicStageTimeliness, StatisticsService, YearlyStatistics } from '@app/statistics';
import { TestStaff, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import {
  STATISTICS_ENV,
  at,
  expectNoRecomputeDifference,
  json,
  report,
  step,
} from './statistics-fixtures';
import { localCode } from '../support/country-codes';

/**
 * Timeliness on the public statistics page (threshold 3): twenty cases of 2025 leave triage
 * after different numbers of working days, four are assigned and two decided. Published in
 * January 2026, the year shows the triage median and 90th percentile, hides the percentiles of
 * the four assignments (too few on each side of them) and shows "too few cases" for the two
 * assessments; later changes move the staff figures, never the published ones.
 */
describe('Timeliness on the public statistics page', () => {
  let server: TestServer;
  let admin: TestStaff;
  let expert: TestStaff;
  const ids: string[] = [];
  /** The exact figures of 2025 when it was published (staff only). */
  let exactAtPublication: Awaited<ReturnType<StatisticsService['timeliness']>>;
  /** The staff statistics page just before publishing (the preview of 2025). */
  let previewHtml: string;

  const publicYear = async (): Promise<YearlyStatistics['years'][number]> =>
    json<YearlyStatistics>(
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/yearly?from=2025&to=2025',
      }),
    ).years[0];
  const stageOf = (stages: PublicStageTimeliness[] | undefined, stage: string) =>
    stages!.find((s) => s.stage === stage)!;

  beforeAll(async () => {
    server = await startTestServer(
      { ...STATISTICS_ENV, STATISTICS_PUBLIC_THRESHOLD: '3' },
      { clock: new FixedClock(new Date('2025-03-03T09:00:00Z')) },
    );
    admin = await createStaff(server, { role: 'administrator' });
    expert = await createStaff(server, { role: 'legal_expert' });

    // Twenty reports on Monday 3 March 2025.
    for (let i = 0; i < 20; i++) {
      ids.push(
        await report(server, {
          municipality: localCode('municipality', i % 2 ? 'prizren' : 'peje'),
          incidentDate: '2025-03-01',
        }),
      );
    }
    // Triage ends for each after 1 to 9 calendar days: the clocks count the working days.
    const triageDays = [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 7, 7, 8, 8, 9, 9];
    for (const offset of [...new Set(triageDays)]) {
      at(server, `2025-03-${String(3 + offset).padStart(2, '0')}T10:00:00Z`);
      for (let i = 0; i < 20; i++) {
        if (triageDays[i] === offset) await step(server, admin, ids[i], 'in_review');
      }
    }
    // Four assigned, on different days; two of them decided.
    for (let i = 0; i < 4; i++) {
      at(server, `2025-03-${String(13 + i).padStart(2, '0')}T10:00:00Z`);
      await step(server, admin, ids[i], 'assigned', { assigneeId: expert.id });
    }
    at(server, '2025-03-24T10:00:00Z');
    await step(server, expert, ids[0], 'resolved');
    at(server, '2025-03-27T10:00:00Z');
    await step(server, expert, ids[1], 'resolved');

    // 2025 is over: its figures are published.
    at(server, '2026-01-12T10:00:00Z');
    exactAtPublication = await server.app.get(StatisticsService).timeliness(2025, 2025);
    const login = await loginAs(server, admin);
    // Before publishing, the administrator sees what will be hidden, with the exact values.
    const staffPage = await server.app.inject({
      method: 'GET',
      url: '/staff/statistics?from=2025&to=2025&lang=en',
      headers: { cookie: login.headers.cookie },
    });
    expect(staffPage.statusCode).toBe(200);
    previewHtml = staffPage.body;
    json(
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/statistics/years/2025/publish',
        headers: login.headers,
      }),
      201,
    );
  }, 300_000);

  afterAll(async () => server?.close());

  it('publishes the percentiles and the share of a stage with enough cases, exactly as computed', async () => {
    const [exact] = exactAtPublication;
    const triage = exact.stages.find((s) => s.stage === 'triage')!;
    expect(triage.count).toBe(20);
    const year = await publicYear();
    expect(year.publishedAt).toBe('2026-01-12T10:00:00.000Z');
    expect(stageOf(year.figures.timeliness, 'triage')).toEqual({
      stage: 'triage',
      timed: 'enough',
      median: triage.median,
      p90: triage.p90,
      withinPercent: Math.round(triage.withinShare! * 100),
    });
    // Working days, not calendar days: the 90th percentile of 1 to 9 calendar days is less.
    expect(triage.median).toBeGreaterThanOrEqual(1);
    expect(triage.p90).toBeLessThan(9);
    // No count of stages is published.
    expect(JSON.stringify(year.figures.timeliness)).not.toContain('"count"');
  });

  it('hides what too few cases stand behind, so no figure is the duration of one case', async () => {
    const year = await publicYear();
    // Four assignments: share shown; a median of four has fewer than three cases on one side,
    // the 90th percentile of four is the longest of them.
    const assignment = stageOf(year.figures.timeliness, 'assignment');
    expect(assignment).toMatchObject({ timed: 'enough', median: 'x', p90: 'x' });
    expect(typeof assignment.withinPercent).toBe('number');
    // Two assessments: below the threshold, nothing but "too few cases".
    expect(stageOf(year.figures.timeliness, 'assessment')).toEqual({
      stage: 'assessment',
      timed: 'too_few',
      median: 'x',
      p90: 'x',
      withinPercent: 'x',
    });
    expect(stageOf(year.figures.timeliness, 'closing')).toMatchObject({
      timed: 'none',
      median: null,
    });
    // Staff see the exact two durations; none of them appears among the public figures of the stage.
    const exactAssessment = exactAtPublication[0].stages.find((s) => s.stage === 'assessment')!;
    expect(exactAssessment.count).toBe(2);

    const page = await server.app.inject({
      method: 'GET',
      url: '/statistics?from=2025&to=2025&lang=en',
    });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<caption>Timeliness, 2025</caption>');
    expect(html).toContain('<th scope="col">90th percentile (working days)</th>');
    const row = (label: string) =>
      new RegExp(`<th scope="row">${label}</th>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
    const triage = exactAtPublication[0].stages.find((s) => s.stage === 'triage')!;
    expect(row('Triage')).toMatch(
      new RegExp(
        `<td>${triage.median}</td>\\s*<td>${triage.p90}</td>\\s*<td>${Math.round(triage.withinShare! * 100)} %</td>`,
      ),
    );
    expect(row('Legal expert&#39;s assessment')).toMatch(/<td colspan="3">too few cases<\/td>/);
    expect(row('Assignment to a legal expert')).toMatch(
      /<td>too few cases<\/td>\s*<td>too few cases<\/td>\s*<td>\d+ %<\/td>/,
    );
    expect(row('Closing after the answer')).toMatch(/<td colspan="3">no cases<\/td>/);

    // Every language the profile offers has the texts (Serbian where offered).
    for (const [lang, tooFew] of [
      ['sq', 'shumë pak raste'],
      ['sr', 'premalo slučajeva'],
      ['rom', 'but hari rastija'],
    ].filter(([lang]) => isOfferedLocale(lang))) {
      const other = await server.app.inject({
        method: 'GET',
        url: `/statistics?from=2025&to=2025&lang=${lang}`,
      });
      expect(other.statusCode).toBe(200);
      expect(other.body).toContain(tooFew);
    }
  });

  it('showed the administrator, before publishing, every timeliness figure to be hidden and why', async () => {
    const stages = exactAtPublication[0].stages;
    const exact = (stage: string) => stages.find((s) => s.stage === stage)!;
    const row = (cell: string) =>
      new RegExp(`<tr data-cell="timeliness:${cell.replace('.', '\\.')}">([\\s\\S]*?)</tr>`).exec(
        previewHtml,
      )?.[1] ?? '';
    expect(row('assessment')).toContain(`<td class="num">2</td>`);
    expect(row('assessment')).toContain('Fewer than 3 cases went through this stage');
    expect(row('assignment.median')).toContain(
      `<td class="num">${exact('assignment').median}</td>`,
    );
    expect(row('assignment.p90')).toContain(`<td class="num">${exact('assignment').p90}</td>`);
    expect(row('assignment.p90')).toContain('Fewer than 3 cases on one side of it');
    // What is shown is not listed.
    expect(previewHtml).not.toContain('data-cell="timeliness:triage');
  });

  it('keeps the published timeliness frozen while staff see the figures change', async () => {
    const frozen = await server.app.get(DataSource).query(
      `SELECT public_figures -> 'timeliness' AS timeliness, counts -> 'stageDays' -> 'assignment' AS assignment
           FROM stat_snapshots WHERE year = 2025`,
    );
    expect(frozen[0].timeliness).toHaveLength(6);
    expect(
      Object.values(frozen[0].assignment as Record<string, number[]>)
        .map((b) => b[0])
        .reduce((a, b) => a + b),
    ).toBe(4);

    // Three more of 2025's cases are assigned in 2026: seven assignments, enough for a median.
    at(server, '2026-01-14T10:00:00Z');
    for (const id of ids.slice(4, 7))
      await step(server, admin, id, 'assigned', { assigneeId: expert.id });
    const [live] = await server.app.get(StatisticsService).timeliness(2025, 2025);
    expect(live.stages.find((s) => s.stage === 'assignment')!.count).toBe(7);

    const year = await publicYear();
    expect(stageOf(year.figures.timeliness, 'assignment')).toMatchObject({ median: 'x', p90: 'x' });
    await expectNoRecomputeDifference(server);
  });
});
