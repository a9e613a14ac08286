import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  CountryProfile,
  loadCountryProfile,
  revertLastMigrationLocked,
  runMigrationsLocked,
} from '@app/core';
import { createDataSource } from '../config/database';
import { MIGRATIONS } from '../migrations';
import { AddKosovoHolidayMondays1798300000000 as AddMondays } from '../migrations/1798300000000-AddKosovoHolidayMondays';
import { OrderCaseListIndexesById1798400000000 as OrderCaseListIndexesById } from '../migrations/1798400000000-OrderCaseListIndexesById';
import { TestDatabase, createTestDatabase } from './support/test-database';
import { testConfig } from './support/test-env';

describe('Migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    dataSource = createDataSource(testConfig({ DATABASE_URL: db.url }), 'pmd-migration-test');
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('lists every migration file of migrations/ in migrations/index.ts, oldest first', () => {
    const files = readdirSync(join(__dirname, '../migrations'))
      .filter((f) => /^\d{13}-[A-Z][A-Za-z]+\.ts$/.test(f))
      .sort();
    const listed = MIGRATIONS.map((m) => {
      const match = /^([A-Za-z]+)(\d{13})$/.exec(m.name);
      return match ? `${match[2]}-${match[1]}.ts` : m.name;
    });
    expect(listed).toEqual(files);
  });

  it('applies every migration to an empty database, leaving no difference with the entities', async () => {
    const applied = await runMigrationsLocked(dataSource);
    expect(applied).toHaveLength(MIGRATIONS.length);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    // CHECK constraints are written in SQL in the migrations and not repeated as @Check
    // decorators, so the generator would drop them; every other difference is a failure.
    const checks: { name: string }[] = await dataSource.query(
      `SELECT conname AS name FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`,
    );
    const dropsOfChecks = new Set(checks.map((c) => c.name));
    const differences = diff.upQueries
      .map((q) => q.query)
      .filter((query) => {
        const match = /DROP CONSTRAINT "([^"]+)"$/.exec(query);
        return !(match && dropsOfChecks.has(match[1]));
      });
    expect(differences).toEqual([]);
  });

  it('keys every staff-list index in the list’s own order (its filter, then submitted_at, id)', async () => {
    // Without the id as a key a page is sorted on top of the index, and the plan kept for a
    // prepared page sorts every match of its filter (OrderCaseListIndexesById).
    const definitions = async () =>
      (
        (await dataSource.query(
          `SELECT indexdef FROM pg_indexes
            WHERE tablename = 'cases' AND indexname LIKE 'cases\\_%submitted\\_idx'
            ORDER BY indexname`,
        )) as { indexdef: string }[]
      ).map((row) => row.indexdef.replace('public.', ''));
    const carried = (keys: string[]) =>
      ['status', 'community', 'primary_area', 'municipality', 'year', 'assignee_id', 'id']
        .filter((column) => !keys.includes(column))
        .join(', ');
    const index = (name: string, keys: string[], where = '') =>
      `CREATE INDEX ${name} ON cases USING btree (${keys.join(', ')}) INCLUDE (${carried(keys)})${where}`;
    const expected = (withId: boolean) => {
      const keys = (filter: string) => [filter, 'submitted_at', ...(withId ? ['id'] : [])];
      return [
        index('cases_area_submitted_idx', keys('primary_area')),
        index(
          'cases_assignee_submitted_idx',
          keys('assignee_id'),
          ' WHERE (assignee_id IS NOT NULL)',
        ),
        index('cases_community_submitted_idx', keys('community')),
        index('cases_municipality_submitted_idx', keys('municipality')),
        index('cases_status_submitted_idx', ['status', 'submitted_at', 'id']),
        index('cases_submitted_idx', ['submitted_at', 'id']),
        index('cases_year_submitted_idx', keys('year')),
      ];
    };
    expect(await definitions()).toEqual(expected(true));
    // down() gives back the indexes as CoverCaseListFilters made them; up() again, these.
    const runner = dataSource.createQueryRunner();
    try {
      await new OrderCaseListIndexesById().down(runner);
      expect(await definitions()).toEqual(expected(false));
      await new OrderCaseListIndexesById().up(runner);
      expect(await definitions()).toEqual(expected(true));
    } finally {
      await runner.release();
    }
  });

  it('runs nothing twice when applied again (two processes migrating at once)', async () => {
    const again = await Promise.all([
      runMigrationsLocked(dataSource),
      runMigrationsLocked(dataSource),
    ]);
    expect(again.flat()).toEqual([]);
  });

  it('reverts every migration cleanly, leaving an empty schema', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigrationLocked(dataSource);
    const executed = await dataSource.query('SELECT count(*)::int AS n FROM migrations');
    expect(executed[0].n).toBe(0);
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    const functions = await dataSource.query(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proname LIKE 'pmd_%'`,
    );
    expect(functions).toEqual([]);
    const types = await dataSource.query(
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(types).toEqual([]);
  });
});

describe('Kosovo’s Mondays off of 2026–2027 (AddKosovoHolidayMondays)', () => {
  const kosovo = new CountryProfile(loadCountryProfile('kosovo'));
  const MONDAYS = ['2026-05-11', '2027-01-04', '2027-12-27'];
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    // The template: every migration applied, the database recorded as Kosovo's.
    db = await createTestDatabase();
    dataSource = createDataSource(testConfig({ DATABASE_URL: db.url }), 'pmd-holiday-test');
    await dataSource.initialize();
  });
  afterEach(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const days = async (): Promise<Map<string, string>> =>
    new Map(
      (
        (await dataSource.query(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, name FROM public_holidays
           WHERE day BETWEEN '2026-01-01' AND '2027-12-31' ORDER BY day`,
        )) as { day: string; name: string }[]
      ).map((r) => [r.day, r.name]),
    );

  async function migrate(direction: 'up' | 'down'): Promise<void> {
    const runner = dataSource.createQueryRunner();
    try {
      await new AddMondays()[direction](runner);
    } finally {
      await runner.release();
    }
  }

  it('gives a Kosovo database every day off the profile’s rule gives in 2026 and 2027', async () => {
    const held = await days();
    const rule = [...kosovo.holidays(2026).keys(), ...kosovo.holidays(2027).keys()];
    // The rule moves holidays on Saturdays and Sundays ([6, 7]) to the next working day.
    expect(kosovo.data.workingDays.nextWorkingDayWhenOn).toEqual([6, 7]);
    expect(rule).toEqual(expect.arrayContaining(MONDAYS));
    expect([...held.keys()].sort()).toEqual([...rule].sort());
    for (const day of MONDAYS) {
      expect([day, new Date(`${day}T00:00:00Z`).getUTCDay()]).toEqual([day, 1]);
      expect(held.get(day)).toMatch(/\(e hëna pas së shtunës\)$/);
    }
  });

  it('down() removes the days it added and nothing else; up() again adds them once', async () => {
    const all = await days();
    await migrate('down');
    const without = await days();
    expect([...without.keys()]).toEqual([...all.keys()].filter((d) => !MONDAYS.includes(d)));
    for (const [day, name] of without) expect(all.get(day)).toBe(name);
    await migrate('up');
    expect(await days()).toEqual(all);
  });

  it('keeps a day an administrator added already, and leaves it on down()', async () => {
    await migrate('down');
    await dataSource.query(
      `INSERT INTO public_holidays (day, name) VALUES ('2027-01-04', 'Added at /staff/holidays')`,
    );
    await migrate('up');
    const held = await days();
    expect(held.get('2027-01-04')).toBe('Added at /staff/holidays');
    expect(held.has('2026-05-11')).toBe(true);
    expect(held.has('2027-12-27')).toBe(true);
    await migrate('down');
    const after = await days();
    expect(after.get('2027-01-04')).toBe('Added at /staff/holidays');
    expect(after.has('2026-05-11')).toBe(false);
    expect(after.has('2027-12-27')).toBe(false);
  });

  it('adds nothing on an installation of another country, or for a year its calendar lacks', async () => {
    await migrate('down');
    await dataSource.query(`UPDATE installation_country SET code = 'AL'`);
    const before = await days();
    await migrate('up');
    expect(await days()).toEqual(before);
    await migrate('down');
    expect(await days()).toEqual(before);

    await dataSource.query(`UPDATE installation_country SET code = 'XK'`);
    await dataSource.query(`DELETE FROM holiday_years WHERE year = 2027`);
    await migrate('up');
    const held = await days();
    expect(held.has('2026-05-11')).toBe(true);
    expect(held.has('2027-01-04')).toBe(false);
    expect(held.has('2027-12-27')).toBe(false);
  });
});
