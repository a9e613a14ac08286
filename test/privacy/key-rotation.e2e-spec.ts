import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/core';
import { createServer } from '../../apps/server/src/bootstrap';
import { ENCRYPTED_FIELDS } from '../../apps/server/src/cli/encrypted-fields';
import { reencryptCommand } from '../../apps/server/src/cli/reencrypt.command';
import { identifiedReport } from '../cases/case-fixtures';
import { assignCase, staffCall, transition } from '../support/case-workflow';
import { LogCapture } from '../support/log-capture';
import { TestStaff, createStaff, loginAs } from '../support/staff';
import { TestClock } from '../support/test-clock';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-env';
import type { TestServer } from '../support/test-server';
import { localCode } from '../support/country-codes';

const OLD = `old1:${randomBytes(32).toString('base64')}`;
const NEW = `new2:${randomBytes(32).toString('base64')}`;

describe('Key rotation of encrypted fields: add a key, make it active, reencrypt, drop the old one', () => {
  let db: TestDatabase;
  let server: TestServer | undefined;
  const redisPrefix = `t-rot-${randomBytes(4).toString('hex')}`;

  /** The platform on the one database of this test, with the given keys. */
  async function start(keys: string, active: string): Promise<TestServer> {
    const config = testConfig({
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: redisPrefix,
      FIELD_ENCRYPTION_KEYS: keys,
      FIELD_ENCRYPTION_ACTIVE_KEY_ID: active,
    });
    const clock = new TestClock();
    const logs = new LogCapture();
    const app: NestFastifyApplication = await createServer({ config, logDestination: logs, clock });
    return { app, config, db, logs, clock, close: () => app.close() };
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

  const sealedValues = async (app: NestFastifyApplication) => {
    const values: string[] = [];
    for (const f of ENCRYPTED_FIELDS) {
      const rows = (await app
        .get(DataSource)
        .query(`SELECT ${f.column} AS v FROM ${f.table} WHERE ${f.column} IS NOT NULL`)) as {
        v: string;
      }[];
      values.push(...rows.map((r) => `${f.table}.${f.column}:${FieldCipher.keyIdOf(r.v)}`));
    }
    return values;
  };

  async function runReencrypt(app: NestFastifyApplication): Promise<string> {
    const output: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    try {
      await reencryptCommand.run(app, { batch: '2' });
    } finally {
      spy.mockRestore();
    }
    return output.join('');
  }

  it('lists every encrypted column of the schema', async () => {
    server = await start(OLD, 'old1');
    const columns = (await server.app.get(DataSource).query(`
      SELECT table_name || '.' || column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_name LIKE '%\\_enc' OR column_name LIKE '%\\_encrypted')
      ORDER BY 1`)) as { name: string }[];
    expect(columns.map((c) => c.name)).toEqual(
      ENCRYPTED_FIELDS.map((f) => `${f.table}.${f.column}`).sort(),
    );
  });

  it('keeps every value readable through the rotation, and a second run changes nothing', async () => {
    // Data sealed with the old key: contact details, an email, TOTP secrets, a referral
    // contact, a stored idempotent answer.
    server = await start(OLD, 'old1');
    const adminUser: TestStaff = await createStaff(server, { role: 'administrator' });
    const expertUser: TestStaff = await createStaff(server, { role: 'legal_expert' });
    let admin = await loginAs(server, adminUser);
    const body = identifiedReport({ description: 'Sealed with the old key, read with the new.' });
    const first = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'idempotency-key': 'rotation-key-1' },
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const filed = first.json() as { id: string; reference: string; receiptCode: string };
    await assignCase(server, admin, filed.id, expertUser.id);
    await transition(server, admin, filed.id, {
      to: 'referred',
      referrals: [
        {
          institutionCode: localCode('institution', 'ombudsperson'),
          recommendation: 'Please look into the separate class at the school.',
          summary:
            'A school moved the Roma pupils of one grade to a separate class in a side building.',
          responseDueDate: '2099-01-31',
          contactEmail: 'contact.person@ombudsperson.example.org',
          contactEmailRepeat: 'contact.person@ombudsperson.example.org',
          oneOffConfirmed: true,
        },
      ],
    });
    const before = await sealedValues(server.app);
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(before.every((v) => v.endsWith(':old1'))).toBe(true);
    await server.close();

    // Step 1: both keys configured, the new one active; reencrypt.
    server = await start(`${OLD},${NEW}`, 'new2');
    const printed = await runReencrypt(server.app);
    expect(printed).toContain(`${before.length} values re-encrypted with key "new2"`);
    expect(printed).toMatch(/^cases\.contact_name_enc\t1$/m);
    const after = await sealedValues(server.app);
    expect(after).toHaveLength(before.length);
    expect(after.every((v) => v.endsWith(':new2'))).toBe(true);
    expect(await runReencrypt(server.app)).toContain('0 values re-encrypted');
    await server.close();

    // Step 2: the old key removed. Everything still reads.
    server = await start(NEW, 'new2');
    admin = await loginAs(server, adminUser); // the TOTP secret decrypts
    const identity = await staffCall<Record<string, unknown>>(
      server,
      admin,
      'POST',
      `/api/v1/cases/${filed.id}/identity`,
    );
    expect(JSON.stringify(identity)).toContain('drita.unique.reporter@example.org');
    const replay = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'idempotency-key': 'rotation-key-1' },
      payload: body,
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toMatchObject({ reference: filed.reference, alreadyReceived: true });
    expect(replay.json()).not.toHaveProperty('receiptCode');
    const cipher = server.app.get(FieldCipher);
    const outbox = (await server.app
      .get(DataSource)
      .query(`SELECT id, recipient_encrypted FROM notification_outbox`)) as {
      id: string;
      recipient_encrypted: string;
    }[];
    expect(outbox.length).toBeGreaterThan(0);
    for (const row of outbox) {
      expect(cipher.decrypt(row.recipient_encrypted, row.id)).toMatch(/@/);
    }
    const [referral] = (await server.app
      .get(DataSource)
      .query(`SELECT id, contact_email_enc FROM case_referrals`)) as {
      id: string;
      contact_email_enc: string;
    }[];
    expect(cipher.decrypt(referral.contact_email_enc, referral.id)).toBe(
      'contact.person@ombudsperson.example.org',
    );
  });

  it('stops with the key id when a value uses a key that is no longer configured', async () => {
    server = await start(NEW, 'new2');
    const [{ id }] = (await server.app.get(DataSource).query(`SELECT id FROM cases LIMIT 1`)) as {
      id: string;
    }[];
    const foreign = new FieldCipher(new Map([['lost9', randomBytes(32)]]), 'lost9').encrypt(
      'someone',
      id,
    );
    await server.app
      .get(DataSource)
      .query(`UPDATE cases SET contact_name_enc = $2 WHERE id = $1`, [id, foreign]);
    await expect(runReencrypt(server.app)).rejects.toThrow(/key "lost9"/);
  });
});
