import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { revertLastMigrationLocked, runMigrationsLocked } from '@app/core';
import { createDataSource } from '../config/database';
import { MIGRATIONS } from '../migrations';
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
