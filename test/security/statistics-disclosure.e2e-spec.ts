import { DataSource } from 'typeorm';
import { FixedClock, isOfferedLocale } from '@app/core';
import {
  Cell,
  HIDDEN,
  PublicReading,
  StatisticsPages,
  YearFigures,
  YearlyStatistics,
  attack,
  suppressSmallCells,
} from '@app/statistics';
import { localCode } from '../support/country-codes';
import { StaffLogin, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import {
  DataSet,
  randomDataSet,
  reportTable2022to2024,
  singleEgyptianCase,
} from '../statistics/disclosure-data';
import { STATISTICS_ENV, json } from '../statistics/statistics-fixtures';

/**
 * The attacker of issue 20 against a running server: generated data sets are imported through
 * the API, then everything the public API answers for their years (each year, every range of
 * them together) is read and handed to the exact solver. No hidden cell may be pinned; the same
 * exact figures under the old rule ("<3", exact totals) give cells away.
 */
describe('Public statistics reveal no protected cell (disclosure attacker)', () => {
  let server: TestServer;
  let adminLogin: StaffLogin;
  let db: DataSource;
  // Each data set in years of its own; 2025 is empty and 2026 the current year. Kosovo's codes,
  // or the installation's equivalents on another profile.
  const DATA: DataSet[] = [
    randomDataSet(11, 2004, localCode),
    randomDataSet(12, 2007, localCode),
    randomDataSet(13, 2010, localCode),
    randomDataSet(14, 2013, localCode),
    randomDataSet(15, 2016, localCode),
    singleEgyptianCase(localCode),
    reportTable2022to2024(localCode),
  ];

  beforeAll(async () => {
    server = await startTestServer(STATISTICS_ENV, {
      clock: new FixedClock(new Date('2026-03-01T10:00:00Z')),
    });
    const admin = await createStaff(server, { role: 'administrator' });
    adminLogin = await loginAs(server, admin);
    db = server.app.get(DataSource);
    for (const data of DATA) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/statistics/import',
        headers: adminLogin.headers,
        payload: { cases: data.cases, meetings: data.meetings.length ? data.meetings : undefined },
      });
      json(response);
    }
  });
  afterAll(async () => server?.close());

  async function publicYearly(from: number, to: number): Promise<YearlyStatistics> {
    return json(
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/statistics/yearly?from=${from}&to=${to}`,
      }),
    );
  }

  async function staffYearly(from: number, to: number): Promise<YearlyStatistics> {
    return json(
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/statistics/staff/yearly?from=${from}&to=${to}`,
        headers: adminLogin.headers,
      }),
    );
  }

  /** Everything the public API answers about the years: each year and every range's sum. */
  async function publicReading(years: number[]): Promise<PublicReading> {
    const first = years[0];
    const last = years[years.length - 1];
    const whole = await publicYearly(first, last);
    const reading: PublicReading = { years: whole.years.map((y) => y.figures), ranges: [] };
    for (let from = first; from <= last; from++) {
      for (let to = from; to <= last; to++) {
        const answer = await publicYearly(from, to);
        // A year reads the same whichever range it is asked in.
        expect(answer.years.map((y) => y.figures)).toEqual(
          whole.years.filter((y) => y.year >= from && y.year <= to).map((y) => y.figures),
        );
        if (from < to) reading.ranges.push({ from, to, figures: answer.allYears });
      }
    }
    return reading;
  }

  it('refuses every filter on the public API and page (no differences to subtract)', async () => {
    for (const filter of [
      `community=${localCode('community', 'egyptian')}`,
      'area=health',
      `municipality=${localCode('municipality', 'gjakove')}`,
    ]) {
      const api = await server.app.inject({
        method: 'GET',
        url: `/api/v1/statistics/yearly?from=2020&to=2020&${filter}`,
      });
      expect(api.statusCode).toBe(400);
      expect(api.headers['content-type']).toContain('application/problem+json');
      const page = await server.app.inject({ method: 'GET', url: `/statistics?${filter}` });
      expect(page.statusCode).toBe(400);
    }
  });

  it.each(DATA.map((d) => [d.name, d] as const))(
    'pins no hidden cell of %s; the old rule on the same figures does',
    async (_name, data) => {
      const reading = await publicReading(data.years);
      const result = attack(reading);
      expect(result.feasible).toBe(true);
      expect(result.determined).toEqual([]);
      // Protection switched off: the old rule on the exact figures of the same years.
      const exact = await staffYearly(data.years[0], data.years[data.years.length - 1]);
      const old = exact.years.map((y) => suppressSmallCells(y.figures as YearFigures<number>, 3));
      const hadSmallCells = old.some((f) => JSON.stringify(f).includes('"<3"'));
      if (hadSmallCells) expect(attack({ years: old, ranges: [] }).determined).not.toEqual([]);
    },
  );

  it('counts the 2022–2024 table with nothing invented, and shows "not recorded"', async () => {
    const exact = await staffYearly(2022, 2024);
    expect(exact.years.map((y) => y.figures.reported)).toEqual([16, 19, 17]);
    const sum = (pick: (f: YearFigures<Cell>) => Cell) =>
      exact.years.reduce((s, y) => s + (pick(y.figures) as number), 0);
    expect(sum((f) => f.status.resolved)).toBe(18);
    expect(sum((f) => f.status.not_discrimination)).toBe(25);
    expect(sum((f) => f.status.referred)).toBe(9);
    expect(exact.years.map((y) => y.figures.meetingsHeld)).toEqual([3, 3, 4]);
    for (const y of exact.years) {
      expect(y.figures.breakdowns.reporter_role).toMatchObject({
        victim: 0,
        witness: 0,
        not_recorded: y.figures.reported,
      });
      expect(y.figures.breakdowns.perpetrator_kind.not_recorded).toBe(y.figures.reported);
    }
    const page = await server.app.inject({
      method: 'GET',
      url: '/statistics?from=2022&to=2024&year=2023&lang=en',
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Not recorded');
  });

  it('explains the protection to the reader in each language', async () => {
    const expected = {
      sq: 'nuk do të thotë "pak"',
      sr: 'ne znači „malo”',
      en: 'does not mean "few"',
      rom: 'na phenel "hari"',
    };
    // Each the installation offers (Serbian on Kosovo's).
    const offered = Object.entries(expected).filter(([lang]) => isOfferedLocale(lang));
    expect(offered.length).toBe(isOfferedLocale('sr') ? 4 : 3);
    for (const [lang, text] of offered) {
      const page = await server.app.inject({ method: 'GET', url: `/statistics?lang=${lang}` });
      expect(page.statusCode).toBe(200);
      expect(page.body.replace(/&quot;/g, '"').replace(/&#34;/g, '"')).toContain(text);
    }
  });

  it('shows the administrator what publishing 2020 will hide and why; the public then sees exactly the snapshot', async () => {
    const staffPage = await server.app.inject({
      method: 'GET',
      url: '/staff/statistics?from=2019&to=2021&lang=en',
      headers: { cookie: adminLogin.cookie },
    });
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).toContain('2020: what the public will see');
    expect(staffPage.body).toContain('data-cell="community:egyptian"');
    expect(staffPage.body).toContain('Below 3');

    const [preview] = await server.app.get(StatisticsPages).publishPreview([2020], 'en');
    expect(preview.figures.breakdowns.community.egyptian).toBe(HIDDEN);
    expect(preview.hidden).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: 'community', code: 'egyptian', value: 1 }),
      ]),
    );

    const published = await server.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/years/2020/publish',
      headers: adminLogin.headers,
    });
    expect(published.statusCode).toBe(201);
    const [snapshot] = (await db.query(
      `SELECT public_figures FROM stat_snapshots WHERE year = 2020`,
    )) as { public_figures: YearFigures<Cell> }[];
    const seen = await publicYearly(2020, 2020);
    expect(seen.years[0].publishedAt).not.toBeNull();
    expect(snapshot.public_figures).toEqual(preview.figures);
    expect(seen.years[0].figures).toEqual(snapshot.public_figures);
    // And the published year still gives nothing away.
    expect(attack(await publicReading([2019, 2020, 2021])).determined).toEqual([]);
  });
});
