import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  FieldCipher,
  bindMigrationConfig,
  revertLastMigrationLocked,
  runMigrationsLocked,
} from '@app/core';
import { PersonalDataEraser } from '@app/cases';
import { createServer } from '../../apps/server/src/bootstrap';
import { reencryptCommand } from '../../apps/server/src/cli/reencrypt.command';
import { createDataSource } from '../../config/database';
import { MIGRATIONS } from '../../migrations';
import { identifiedReport, submitReport, validReport } from '../cases/case-fixtures';
import { assignCase, staffCall } from '../support/case-workflow';
import { LogCapture } from '../support/log-capture';
import { FORM, createStaff, form, loginAs } from '../support/staff';
import { TestClock } from '../support/test-clock';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-env';
import type { TestServer } from '../support/test-server';

const OLD = `hold1:${randomBytes(32).toString('base64')}`;
const NEW = `hnew2:${randomBytes(32).toString('base64')}`;
const HELPER = 'Mediatori Besnik Unique-Helper';

/** Every column of a case row, as text. */
async function caseRowText(dataSource: DataSource, id: string): Promise<string> {
  const [row] = (await dataSource.query(
    `SELECT to_jsonb(c)::text AS t FROM cases c WHERE id = $1`,
    [id],
  )) as { t: string }[];
  return row.t;
}

describe("The mediator's name is sealed like the contact details (issue 14, item 16)", () => {
  let db: TestDatabase;
  let server: TestServer | undefined;
  const redisPrefix = `t-helper-${randomBytes(4).toString('hex')}`;

  async function start(keys: string, active: string): Promise<TestServer> {
    const config = testConfig({
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: redisPrefix,
      FIELD_ENCRYPTION_KEYS: keys,
      FIELD_ENCRYPTION_ACTIVE_KEY_ID: active,
      INTAKE_RATE_LIMIT: '1000',
    });
    const app: NestFastifyApplication = await createServer({
      config,
      logDestination: new LogCapture(),
      clock: new TestClock(),
    });
    return {
      app,
      config,
      db,
      logs: new LogCapture(),
      clock: new TestClock(),
      close: () => app.close(),
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('stores no clear name, shows it to the staff who may see it and to no one else', async () => {
    server = await start(OLD, 'hold1');
    const filed = await submitReport(
      server,
      identifiedReport({ helper: { kind: 'mediator', name: HELPER } }),
    );
    const dataSource = server.app.get(DataSource);
    const text = await caseRowText(dataSource, filed.id);
    expect(text).not.toContain('Unique-Helper');
    const [row] = (await dataSource.query(`SELECT helper_name_enc FROM cases WHERE id = $1`, [
      filed.id,
    ])) as { helper_name_enc: string }[];
    expect(FieldCipher.keyIdOf(row.helper_name_enc)).toBe('hold1');
    expect(server.app.get(FieldCipher).decrypt(row.helper_name_enc, filed.id)).toBe(HELPER);
    // Bound to its case: the value copied to another case does not open.
    expect(() =>
      server!.app.get(FieldCipher).decrypt(row.helper_name_enc, randomBytes(8).toString('hex')),
    ).toThrow();

    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const expertUser = await createStaff(server, { role: 'legal_expert' });
    const expert = await loginAs(server, expertUser);
    const other = await loginAs(server, await createStaff(server, { role: 'legal_expert' }));
    await assignCase(server, admin, filed.id, expertUser.id);

    for (const allowed of [admin, expert]) {
      const identity = await staffCall<{ helperName: string | null }>(
        server,
        allowed,
        'POST',
        `/api/v1/cases/${filed.id}/identity`,
      );
      expect(identity.helperName).toBe(HELPER);
    }
    const page = await server.app.inject({
      method: 'POST',
      url: `/staff/cases/${filed.id}/identity`,
      headers: { cookie: expert.cookie, 'content-type': FORM },
      payload: form({ _csrf: expert.csrf }),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(HELPER);
    // The case page without the audited action does not show it.
    const plain = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${filed.id}`,
      headers: { cookie: expert.cookie },
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain('Unique-Helper');
    const refused = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${filed.id}/identity`,
      headers: other.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Unique-Helper');
  });

  it('is re-encrypted by `reencrypt` with the new key and erased with the personal data', async () => {
    server = await start(OLD, 'hold1');
    const filed = await submitReport(
      server,
      validReport({ helper: { kind: 'organisation', name: HELPER } }),
    );
    await server.close();

    server = await start(`${OLD},${NEW}`, 'hnew2');
    const output: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    try {
      await reencryptCommand.run(server.app, {});
    } finally {
      spy.mockRestore();
    }
    expect(output.join('')).toMatch(/^cases\.helper_name_enc\t[1-9]\d*$/m);
    const dataSource = server.app.get(DataSource);
    const [row] = (await dataSource.query(`SELECT helper_name_enc FROM cases WHERE id = $1`, [
      filed.id,
    ])) as { helper_name_enc: string }[];
    expect(FieldCipher.keyIdOf(row.helper_name_enc)).toBe('hnew2');
    expect(server.app.get(FieldCipher).decrypt(row.helper_name_enc, filed.id)).toBe(HELPER);

    const eraser = server.app.get(PersonalDataEraser);
    await dataSource.transaction((manager) => eraser.erase(manager, filed.id, new Date()));
    const [erased] = (await dataSource.query(
      `SELECT helper_name_enc, helper_kind FROM cases WHERE id = $1`,
      [filed.id],
    )) as { helper_name_enc: string | null; helper_kind: string }[];
    expect(erased).toEqual({ helper_name_enc: null, helper_kind: 'organisation' });
  });
});

describe('The migration seals the clear helper names already stored', () => {
  const SEAL = 'SealHelperNames1796100000001';
  const before = MIGRATIONS.slice(
    0,
    MIGRATIONS.findIndex((m) => m.name === SEAL),
  );
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterEach(async () => {
    await db.drop();
  });

  /** A database at the schema before the sealing, with cases that hold clear names. */
  async function databaseWithClearNames(count: number): Promise<string[]> {
    const config = testConfig({ DATABASE_URL: db.url });
    const dataSource = bindMigrationConfig(
      new DataSource({
        ...createDataSource(config).options,
        migrations: before,
      } as ConstructorParameters<typeof DataSource>[0]),
      config,
    );
    await dataSource.initialize();
    try {
      await runMigrationsLocked(dataSource);
      const ids: string[] = [];
      for (let seq = 1; seq <= count; seq++) {
        const [row] = (await dataSource.query(
          `INSERT INTO cases (id, reference, year, seq, status, submitted_at, community, primary_area,
             municipality, perpetrator_kind, reporter_role, incident_date, description,
             preferred_locale, anonymous, filed_with_help, helper_kind, helper_name, receipt_code_hash, version)
           VALUES (gen_random_uuid(), 'PMD-2026-' || lpad($1::int::text, 5, '0'), 2026, $1::int, 'submitted', now(),
             'roma', 'education', 'prizren', 'school', 'victim', '2026-01-15',
             'A report filed before helper names were sealed.', 'sq', true, $2, $3, $4, 'hash', 1)
           RETURNING id`,
          [
            seq,
            seq % 3 !== 0,
            seq % 3 !== 0 ? 'mediator' : null,
            seq % 3 !== 0 ? `${HELPER} ${seq}` : null,
          ],
        )) as { id: string }[];
        ids.push(row.id);
      }
      return ids;
    } finally {
      await dataSource.destroy();
    }
  }

  async function checkSealed(ids: string[], keys: string, active: string): Promise<void> {
    const config = testConfig({
      DATABASE_URL: db.url,
      FIELD_ENCRYPTION_KEYS: keys,
      FIELD_ENCRYPTION_ACTIVE_KEY_ID: active,
    });
    const dataSource = createDataSource(config);
    await dataSource.initialize();
    try {
      const columns = (await dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND column_name LIKE 'helper%'`,
      )) as { column_name: string }[];
      expect(columns.map((c) => c.column_name).sort()).toEqual(['helper_kind', 'helper_name_enc']);
      const cipher = new FieldCipher(config.security.encryptionKeys, active);
      for (const [index, id] of ids.entries()) {
        expect(await caseRowText(dataSource, id)).not.toContain('Unique-Helper');
        const [row] = (await dataSource.query(`SELECT helper_name_enc FROM cases WHERE id = $1`, [
          id,
        ])) as { helper_name_enc: string | null }[];
        const seq = index + 1;
        if (seq % 3 === 0) expect(row.helper_name_enc).toBeNull();
        else expect(cipher.decrypt(row.helper_name_enc ?? '', id)).toBe(`${HELPER} ${seq}`);
      }
    } finally {
      await dataSource.destroy();
    }
  }

  it('leaves no clear name after `npm run migration:run`, sealed with the configured key', async () => {
    const ids = await databaseWithClearNames(7);
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'migration:run'], {
      cwd: join(__dirname, '../..'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        FIELD_ENCRYPTION_KEYS: NEW,
        FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'hnew2',
      },
      timeout: 240_000,
    });
    expect(stdout).toContain(SEAL);
    await checkSealed(ids, NEW, 'hnew2');
  }, 300_000);

  it('seals through the migrator, and reverting gives the names back', async () => {
    const ids = await databaseWithClearNames(3);
    const config = testConfig({ DATABASE_URL: db.url });
    // Up to the sealing only, so that reverting once undoes exactly it.
    const dataSource = bindMigrationConfig(
      new DataSource({
        ...createDataSource(config).options,
        migrations: [...before, MIGRATIONS[before.length]],
      } as ConstructorParameters<typeof DataSource>[0]),
      config,
    );
    await dataSource.initialize();
    try {
      const applied = await runMigrationsLocked(dataSource);
      expect(applied.map((m) => m.name)).toEqual([SEAL]);
      const keys = [...config.security.encryptionKeys.entries()]
        .map(([id, key]) => `${id}:${key.toString('base64')}`)
        .join(',');
      await checkSealed(ids, keys, config.security.activeEncryptionKeyId);
      await revertLastMigrationLocked(dataSource);
      const names = (await dataSource.query(`SELECT helper_name FROM cases ORDER BY seq`)) as {
        helper_name: string | null;
      }[];
      expect(names.map((n) => n.helper_name)).toEqual([`${HELPER} 1`, `${HELPER} 2`, null]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses to run without the keys rather than leave names in clear', async () => {
    await databaseWithClearNames(2);
    const config = testConfig({ DATABASE_URL: db.url });
    // A data source made without the platform's configuration cannot reach the keys.
    const bare = new DataSource(createDataSource(config).options);
    await bare.initialize();
    try {
      await expect(runMigrationsLocked(bare)).rejects.toThrow(/FIELD_ENCRYPTION_KEYS/);
      const [row] = (await bare.query(
        `SELECT count(*)::int AS n FROM cases WHERE helper_name IS NOT NULL`,
      )) as { n: number }[];
      expect(row.n).toBe(2);
    } finally {
      await bare.destroy();
    }
  });
});
