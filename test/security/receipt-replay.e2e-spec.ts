import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  FieldCipher,
  LOCALES,
  installationProfile,
  installationReferencePrefix,
  isOfferedLocale,
  translate,
} from '@app/core';
import { csrfFrom, multipart, rows, validReport } from '../cases/case-fixtures';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';

/** The answers of a filled-in report form, as a browser sends them. */
function formAnswers(description: string): [string, string][] {
  return [
    ['description', description],
    ['incidentDate', '2026-02-03'],
    ['municipality', localCode('municipality', 'peje')],
    ['primaryArea', 'civil_registration'],
    ['grounds', 'discrimination'],
    ['perpetratorKind', 'public_institution'],
    ['community', localCode('community', 'egyptian')],
    ['reporterRole', 'victim'],
    ['anonymous', 'yes'],
    ['contactName', ''],
    ['contactEmail', ''],
    ['contactPhone', ''],
    ['preferredLanguage', 'sq'],
    ['helperKind', 'none'],
    ['helperName', ''],
  ];
}

describe('Receipt codes are shown once: a repeated intake answers without them (issue 14, item 10)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  const caseCount = async () =>
    (await rows<{ n: number }>(server, 'SELECT count(*)::int AS n FROM cases'))[0].n;

  /**
   * Every value of every column of idempotency_keys, as text, and whatever any of them
   * decrypts to with the platform's keys under any context a value could be bound to.
   */
  async function everythingStoredFor(key: string, caseId: string): Promise<string[]> {
    const dataSource = server.app.get(DataSource);
    const columns = (await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'idempotency_keys'`,
    )) as { column_name: string }[];
    const [row] = (await dataSource.query(
      `SELECT ${columns.map((c) => `${c.column_name}::text AS "${c.column_name}"`).join(', ')}
       FROM idempotency_keys WHERE key = $1`,
      [key],
    )) as Record<string, string | null>[];
    expect(row).toBeDefined();
    const cipher = server.app.get(FieldCipher);
    const contexts = ['', caseId, key, `idempotency:case_intake:${key}`];
    const found: string[] = [];
    for (const value of Object.values(row)) {
      if (value === null) continue;
      found.push(value);
      // Any part of the value that looks like a sealed field, wherever it sits (JSON included).
      for (const sealed of value.match(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/g) ?? []) {
        for (const context of contexts) {
          try {
            found.push(cipher.decrypt(sealed, context));
          } catch {
            // Not decryptable under this context: nothing there.
          }
        }
      }
    }
    return found;
  }

  it('answers an API repeat with the reference and no code, from the same and another address, and keeps no code', async () => {
    const before = await caseCount();
    const key = 'replay-security-1';
    const payload = validReport({ description: 'Sent again after the phone lost its signal.' });
    const send = (remoteAddress: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload,
        headers: { 'idempotency-key': key },
        remoteAddress,
      });
    const first = await send('198.51.100.10');
    expect(first.statusCode).toBe(201);
    const filed = first.json() as { id: string; reference: string; receiptCode: string };
    expect(filed.receiptCode).toMatch(/^\d{16}$/);

    for (const address of ['198.51.100.10', '203.0.113.99']) {
      const again = await send(address);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers['cache-control']).toBe('no-store');
      expect(again.json()).toEqual({
        id: filed.id,
        reference: filed.reference,
        status: 'submitted',
        submittedAt: expect.any(String),
        evidenceCount: 0,
        alreadyReceived: true,
      });
      expect(again.body).not.toContain(filed.receiptCode);
    }
    expect(await caseCount()).toBe(before + 1);

    const stored = await everythingStoredFor(key, filed.id);
    expect(stored.length).toBeGreaterThan(0);
    for (const value of stored) {
      expect(value).not.toContain(filed.receiptCode);
      expect(value.replace(/\D/g, '')).not.toContain(filed.receiptCode);
    }
  });

  it('refuses to store a code in a kept answer at all (the database allows only the reference and id)', async () => {
    await expect(
      rows(
        server,
        `INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at)
         VALUES ('case_intake', 'forged-1', 'h', '{"reference":"PMD-2026-00001","receiptCode":"1234567890123456"}', now())`,
      ),
    ).rejects.toThrow(/idempotency_keys_response_fields/);
  });

  it('answers Back and resend of the form with the "already received" page, no code, and no second case', async () => {
    // The one-page form carried its own key (pages still open on phones send it).
    const page = await csrfFrom(server, '/report');
    const key = randomUUID();
    const body = multipart([
      ['idempotencyKey', key],
      ...formAnswers('They refused to register my son at the civil registry.'),
    ]);
    // Back and resend sends the very same request: same cookie, token, key and answers.
    const post = (remoteAddress = '198.51.100.20') =>
      server.app.inject({
        method: 'POST',
        url: `/report?_csrf=${encodeURIComponent(page.token)}`,
        payload: body.payload,
        headers: { ...body.headers, cookie: page.cookie },
        remoteAddress,
      });
    const before = await caseCount();
    const done = await post();
    expect(done.statusCode).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    const reference = /id="reference">([^<]+)</.exec(done.body)?.[1];
    const code = /id="receipt-code">([^<]+)</.exec(done.body)?.[1];
    expect(reference).toMatch(new RegExp(`^${installationReferencePrefix()}-\\d{4}-\\d{5}$`));
    expect(code).toBeDefined();
    const digits = (code ?? '').replace(/\D/g, '');
    expect(digits).toHaveLength(16);

    const resent = await post();
    expect(resent.statusCode).toBe(200);
    expect(resent.headers['cache-control']).toBe('no-store');
    expect(resent.body).toContain(reference);
    expect(resent.body).toContain(translate('sq', 'report.already_received.title'));
    expect(resent.body).not.toContain('id="receipt-code"');
    expect(resent.body.replace(/\D/g, '')).not.toContain(digits);
    expect(resent.body).not.toContain(code);
    expect(await caseCount()).toBe(before + 1);

    const stored = await everythingStoredFor(key, '');
    for (const value of stored) expect(value.replace(/\D/g, '')).not.toContain(digits);
  });

  it('says "already received" in all four languages', async () => {
    for (const locale of LOCALES) {
      const page = await csrfFrom(server, `/report?lang=${locale}`);
      const key = randomUUID();
      const body = multipart([
        ['idempotencyKey', key],
        ...formAnswers(`A report sent twice, in the language ${locale}, by a reload.`),
      ]);
      const post = () =>
        server.app.inject({
          method: 'POST',
          url: `/report?_csrf=${encodeURIComponent(page.token)}&lang=${locale}`,
          payload: body.payload,
          headers: { ...body.headers, cookie: page.cookie },
        });
      expect((await post()).statusCode).toBe(200);
      const again = await post();
      expect(again.statusCode).toBe(200);
      // A language the profile does not offer gets the default language's page.
      const shown = isOfferedLocale(locale) ? locale : installationProfile().languages.default;
      const title = translate(shown as typeof locale, 'report.already_received.title');
      expect(again.body).toContain(title);
      expect(again.body).not.toContain('id="receipt-code"');
    }
    // Each language has its own words (Romani included, not the Albanian fallback).
    const titles = LOCALES.map((l) => translate(l, 'report.already_received.title'));
    expect(new Set(titles).size).toBe(LOCALES.length);
  });
});
