import { DataSource, QueryFailedError } from 'typeorm';
import { PREPARED_STATEMENTS_MAX, PreparedStatements } from '@app/core';
import { createDataSource } from '../../config/database';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-env';

/** The statements prepared on the data source's one connection, by their text. */
async function preparedTexts(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`,
  )) as { statement: string }[];
  return rows.map((r) => r.statement);
}

describe('PreparedStatements (the hottest statements, prepared on each connection)', () => {
  let db: TestDatabase;
  const open: DataSource[] = [];

  /** One connection, so what the statements did to it can be read back on it. */
  async function statements(prepared = true) {
    const config = testConfig({
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '1',
      DATABASE_PREPARED_STATEMENTS: String(prepared),
    });
    const dataSource = await createDataSource(config, 'pmd-test').initialize();
    open.push(dataSource);
    return { dataSource, statements: new PreparedStatements(dataSource, config) };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(open.map((d) => d.destroy()));
    await db?.drop();
  });

  it('prepares a statement once on the connection and answers every call with its rows', async () => {
    const { dataSource, statements: prepared } = await statements();
    const text = `SELECT $1::int + 1 AS next, $2::text AS word`;
    expect(await prepared.query(text, [1, 'a'])).toEqual([{ next: 2, word: 'a' }]);
    expect(await prepared.query(text, [41, 'b'])).toEqual([{ next: 42, word: 'b' }]);
    expect(await preparedTexts(dataSource)).toEqual([text]);
  });

  it('runs every statement unprepared when DATABASE_PREPARED_STATEMENTS is false', async () => {
    const { dataSource, statements: prepared } = await statements(false);
    expect(await prepared.query(`SELECT $1::int AS n`, [7])).toEqual([{ n: 7 }]);
    expect(await preparedTexts(dataSource)).toEqual([]);
  });

  it('answers unprepared when the connection lost its statement (a pooler between)', async () => {
    const { dataSource, statements: prepared } = await statements();
    const text = `SELECT $1::int * 2 AS twice`;
    expect(await prepared.query(text, [2])).toEqual([{ twice: 4 }]);
    // What a pooler in transaction mode does: the next call lands where the name is unknown.
    await dataSource.query('DEALLOCATE ALL');
    expect(await prepared.query(text, [3])).toEqual([{ twice: 6 }]);
  });

  it('answers unprepared when a change to a table made the plan stale', async () => {
    const { dataSource, statements: prepared } = await statements();
    await dataSource.query(`CREATE TABLE prepared_probe (a int, b int)`);
    await dataSource.query(`INSERT INTO prepared_probe VALUES (1, 2)`);
    const text = `SELECT * FROM prepared_probe WHERE a = $1`;
    expect(await prepared.query(text, [1])).toEqual([{ a: 1, b: 2 }]);
    // A migration changes the row type under the plan (0A000 "cached plan must not change
    // result type").
    await dataSource.query(`ALTER TABLE prepared_probe ADD COLUMN c int DEFAULT 3`);
    expect(await prepared.query(text, [1])).toEqual([{ a: 1, b: 2, c: 3 }]);
  });

  it('fails as TypeORM does, without the values in the error', async () => {
    const { statements: prepared } = await statements();
    const failure = prepared.query(`SELECT 1 / $1::int AS quotient`, [0]);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '22012' }, parameters: [] });
  });

  it(`prepares no more than ${PREPARED_STATEMENTS_MAX} statements; the ones past them run unprepared`, async () => {
    const { dataSource, statements: prepared } = await statements();
    for (let i = 0; i < PREPARED_STATEMENTS_MAX + 5; i++) {
      expect(await prepared.query(`SELECT $1::int + ${i} AS n`, [1])).toEqual([{ n: 1 + i }]);
    }
    const texts = await preparedTexts(dataSource);
    expect(texts).toHaveLength(PREPARED_STATEMENTS_MAX);
    expect(texts).not.toContain(`SELECT $1::int + ${PREPARED_STATEMENTS_MAX} AS n`);
  });
});
