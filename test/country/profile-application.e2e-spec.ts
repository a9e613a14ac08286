import { DataSource } from 'typeorm';
import {
  CountryProfile,
  CountryProfileApplication,
  FixedClock,
  loadCountryProfile,
  profileTaxonomyRows,
} from '@app/core';
import { WorkingCalendarService } from '@app/cases';
import { TAXONOMY_SEED } from '@app/taxonomy';
import { submitReport, validReport } from '../cases/case-fixtures';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { startTestServer } from '../support/test-server';

const CLOCK = new FixedClock(new Date('2026-06-15T10:00:00Z'));

/**
 * Applying a country profile to a database (CountryProfileApplication, at every start): on a
 * freshly migrated database, which holds Kosovo's seed, against real PostgreSQL.
 */
describe('Applying a country profile to the database', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  const application = (country: string) =>
    new CountryProfileApplication(
      dataSource,
      new CountryProfile(loadCountryProfile(country)),
      CLOCK,
    );
  const items = () =>
    dataSource.query(
      `SELECT kind, code, labels, sort_order, active FROM taxonomy_items ORDER BY kind, code`,
    ) as Promise<{ kind: string; code: string; active: boolean }[]>;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
  });
  afterEach(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('changes nothing in a Kosovo database: the migrations hold Kosovo’s profile already', async () => {
    const before = await items();
    const holidays = await dataSource.query(`SELECT day, name FROM public_holidays ORDER BY day`);
    const contacts = await dataSource.query(`SELECT * FROM public_contacts ORDER BY id`);
    const applied = await application('kosovo').apply();
    expect(applied).toEqual({
      country: 'XK',
      switchedFrom: null,
      taxonomyWritten: 0,
      taxonomyDeactivated: 0,
      contactsSeeded: 0,
      holidayYearsSeeded: [],
    });
    expect(await items()).toEqual(before);
    expect(await dataSource.query(`SELECT day, name FROM public_holidays ORDER BY day`)).toEqual(
      holidays,
    );
    expect(await dataSource.query(`SELECT * FROM public_contacts ORDER BY id`)).toEqual(contacts);
    // The profile's rows are the seed's, label for label.
    for (const row of profileTaxonomyRows(loadCountryProfile('kosovo'))) {
      const seed = TAXONOMY_SEED[row.kind].find((s) => s.code === row.code);
      expect(seed?.labels).toEqual(row.labels);
    }
  });

  it('gives an empty database Albania’s lists, never deleting Kosovo’s, and is idempotent', async () => {
    const before = await items();
    const first = await application('albania').apply();
    // Its appeal routes and emergency numbers: every contact of the profile.
    const contacts = Object.values(loadCountryProfile('albania').contacts).flat().length;
    expect(contacts).toBe(4);
    expect(first).toMatchObject({ country: 'AL', switchedFrom: 'XK', contactsSeeded: contacts });
    expect(first.holidayYearsSeeded).toEqual([2026, 2027]);
    const after = await items();
    // Nothing deleted: every row of before is still there.
    const key = (r: { kind: string; code: string }) => `${r.kind}:${r.code}`;
    expect(after.map(key)).toEqual(expect.arrayContaining(before.map(key)));
    const active = (kind: string) => after.filter((r) => r.kind === kind && r.active);
    expect(active('municipality')).toHaveLength(61);
    expect(
      active('community')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['egyptian', 'other', 'roma']);
    expect(after.find((r) => key(r) === 'municipality:prizren')?.active).toBe(false);
    expect(after.find((r) => key(r) === 'community:ashkali')?.active).toBe(false);
    // Other kinds (grounds, areas…) are the same everywhere and untouched.
    expect(after.filter((r) => r.kind === 'ground')).toEqual(
      before.filter((r) => r.kind === 'ground'),
    );
    const days = (await dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM public_holidays ORDER BY day`,
    )) as { day: string }[];
    expect(days.map((d) => d.day)).toContain('2026-11-28');
    expect(days.map((d) => d.day)).not.toContain('2026-02-17'); // Kosovo's Independence Day

    const again = await application('albania').apply();
    expect(again).toEqual({
      country: 'AL',
      switchedFrom: null,
      taxonomyWritten: 0,
      taxonomyDeactivated: 0,
      contactsSeeded: 0,
      holidayYearsSeeded: [],
    });
    expect(await items()).toEqual(after);
  });

  it('keeps the administrators’ calendar: a seeded year is not seeded again', async () => {
    await application('albania').apply();
    await dataSource.query(`DELETE FROM public_holidays WHERE day = '2026-11-28'`);
    await dataSource.query(`INSERT INTO public_holidays (day, name) VALUES ('2026-07-01', 'x')`);
    await application('albania').apply();
    const days = (await dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM public_holidays`,
    )) as { day: string }[];
    expect(days.map((d) => d.day)).not.toContain('2026-11-28');
    expect(days.map((d) => d.day)).toContain('2026-07-01');
    // A year first needed is seeded from the profile.
    expect(await application('albania').ensureHolidayYear(2030)).toBe(true);
    expect(await application('albania').ensureHolidayYear(2030)).toBe(false);
  });

  it('gives the first working calendar inside a transaction without a second connection', async () => {
    // One connection, held by the caller's transaction (as a burst of case transitions right
    // after start-up holds every connection of the pool): the calendar must not need another.
    const single = new DataSource({
      type: 'postgres',
      url: db.url,
      extra: { max: 1, connectionTimeoutMillis: 2000 },
    });
    await single.initialize();
    try {
      const country = new CountryProfileApplication(
        single,
        new CountryProfile(loadCountryProfile('kosovo')),
        CLOCK,
      );
      // What every process does at start-up (CoreModule).
      await country.apply();
      const calendars = new WorkingCalendarService(single, CLOCK, country);
      const calendar = await single.transaction((manager) => calendars.calendar(manager));
      // Independence Day, 17 February, is in the seeded calendar.
      expect(calendar.isWorkingDay('2026-02-17')).toBe(false);
      expect(calendar.isWorkingDay('2026-02-18')).toBe(true);
    } finally {
      await single.destroy();
    }
  });
});

describe('A database with cases of another country', () => {
  it('refuses to start with another country’s profile, naming both', async () => {
    const kosovo = await startTestServer({ COUNTRY: 'kosovo', INTAKE_RATE_LIMIT: '10000' });
    try {
      await submitReport(kosovo, validReport({ municipality: 'prizren' }));
      const dataSource = new DataSource({ type: 'postgres', url: kosovo.db.url });
      await dataSource.initialize();
      try {
        const albania = new CountryProfileApplication(
          dataSource,
          new CountryProfile(loadCountryProfile('albania')),
          CLOCK,
        );
        await expect(albania.apply()).rejects.toThrow(
          'COUNTRY names the profile of AL, but this database holds the cases of XK',
        );
        const [country] = (await dataSource.query(`SELECT code FROM installation_country`)) as {
          code: string;
        }[];
        expect(country.code).toBe('XK');
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await kosovo.close();
    }
  });
});
