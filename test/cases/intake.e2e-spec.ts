import { CaseNotifications } from '@app/cases';
import { FieldCipher, installationReferencePrefix, isOfferedLocale, translate } from '@app/core';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import { IDENTITY, identifiedReport, rows, submitReport, validReport } from './case-fixtures';

async function countCases(server: TestServer): Promise<number> {
  const [row] = await rows<{ n: number }>(server, 'SELECT count(*)::int AS n FROM cases');
  return row.n;
}

/** A language besides the default: Serbian in Kosovo, Romani where Serbian is not offered. */
const SECOND_LANGUAGE = isOfferedLocale('sr') ? 'sr' : 'rom';

describe('Case intake through the JSON API', () => {
  let server: TestServer;
  /** A listener that fails the intake transaction on demand (an outage inside the transaction). */
  let failInsideTransaction = false;

  beforeAll(async () => {
    // The per-client limit has its own test below; here every report comes from one address.
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000' });
    // Listeners are wired where the app is composed; this one is made to fail on demand.
    const listener = server.app.get(CaseNotifications, { strict: false });
    const afterSubmitted = listener.afterSubmitted.bind(listener);
    jest.spyOn(listener, 'afterSubmitted').mockImplementation(async (manager, event) => {
      if (failInsideTransaction) throw new Error('listener failed');
      await afterSubmitted(manager, event);
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('files an anonymous report: 201 with id, reference, status and a 16-digit receipt code kept only as an argon2id hash', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: validReport(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    const year = new Date().getFullYear();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(
        new RegExp(`^${installationReferencePrefix()}-(${year}|${year + 1})-\\d{5}$`),
      ),
      status: 'submitted',
      receiptCode: expect.stringMatching(/^\d{16}$/),
      submittedAt: expect.any(String),
      evidenceCount: 0,
      alreadyReceived: false,
    });

    const [stored] = await rows(server, 'SELECT * FROM cases WHERE id = $1', [body.id]);
    expect(stored).toMatchObject({
      reference: body.reference,
      status: 'submitted',
      anonymous: true,
      community: 'roma',
      primary_area: 'education',
      municipality: localCode('municipality', 'prizren'),
      incident_date: expect.anything(),
      contact_name_enc: null,
      contact_email_enc: null,
      contact_phone_enc: null,
      consent_contact: false,
      filed_with_help: false,
      version: 1,
    });
    expect(String(stored.receipt_code_hash)).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(body.receiptCode);

    const grounds = await rows(
      server,
      'SELECT ground FROM case_grounds WHERE case_id = $1 ORDER BY ground',
      [body.id],
    );
    expect(grounds).toEqual([{ ground: 'discrimination' }, { ground: 'segregation' }]);
    const history = await rows(
      server,
      'SELECT actor_kind, from_status, to_status, public FROM case_history WHERE case_id = $1',
      [body.id],
    );
    expect(history).toEqual([
      { actor_kind: 'reporter', from_status: null, to_status: 'submitted', public: true },
    ]);
    const mail = await rows(server, 'SELECT id FROM notification_outbox WHERE case_id = $1', [
      body.id,
    ]);
    expect(mail).toEqual([]);
  });

  it('files an identified report whose stored row holds no plaintext name, email or phone', async () => {
    const body = await submitReport(
      server,
      identifiedReport({
        consentToShareIdentity: true,
        helper: { kind: 'organisation', name: 'Voice of Roma, Ashkali and Egyptians' },
        gender: 'female',
        ageGroup: '30_44',
        preferredLanguage: SECOND_LANGUAGE,
      }),
    );
    const [stored] = await rows<Record<string, string | boolean>>(
      server,
      'SELECT * FROM cases WHERE id = $1',
      [body.id],
    );
    const wholeRow = JSON.stringify(stored);
    for (const value of Object.values(IDENTITY)) expect(wholeRow).not.toContain(value);
    expect(wholeRow).not.toContain('drita');

    // Encrypted with AES-256-GCM under a key id, bound to this case.
    const cipher = server.app.get(FieldCipher);
    expect(String(stored.contact_email_enc)).toMatch(/^v1\.dev1\./);
    expect(cipher.decrypt(String(stored.contact_name_enc), body.id)).toBe(IDENTITY.name);
    expect(cipher.decrypt(String(stored.contact_email_enc), body.id)).toBe(IDENTITY.email);
    expect(cipher.decrypt(String(stored.contact_phone_enc), body.id)).toBe(IDENTITY.phone);
    expect(() => cipher.decrypt(String(stored.contact_email_enc), 'another-case')).toThrow();
    expect(stored).toMatchObject({
      anonymous: false,
      consent_contact: true,
      consent_share_identity: true,
      filed_with_help: true,
      helper_kind: 'organisation',
      gender: 'female',
      age_group: '30_44',
      preferred_locale: SECOND_LANGUAGE,
    });

    // The acknowledgement is in the outbox of the same transaction, its address encrypted.
    const mail = await rows<Record<string, unknown>>(
      server,
      'SELECT * FROM notification_outbox WHERE case_id = $1',
      [body.id],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      template: 'case_received',
      locale: SECOND_LANGUAGE,
      status: 'pending',
    });
    // The link only: not even the reference, since others may read the reporter's inbox.
    expect(mail[0].params).toEqual({ followUpUrl: `${server.config.app.publicUrl}/follow-up` });
    expect(JSON.stringify(mail[0])).not.toContain(IDENTITY.email);
  });

  it('keeps a report that does not say who the reporter is to the events as "not recorded"', async () => {
    const filed = await submitReport(server, validReport({ reporterRole: undefined }));
    const [stored] = await rows<{ reporter_role: string }>(
      server,
      'SELECT reporter_role FROM cases WHERE reference = $1',
      [filed.reference],
    );
    expect(stored.reporter_role).toBe('not_recorded');
  });

  it('writes no email when the reporter gave an email but did not agree to be contacted', async () => {
    const body = await submitReport(server, identifiedReport({ consentToContact: false }));
    expect(
      await rows(server, 'SELECT id FROM notification_outbox WHERE case_id = $1', [body.id]),
    ).toEqual([]);
  });

  it('uses the request language for emails unless the report names one', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: identifiedReport(),
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    const [stored] = await rows(server, 'SELECT preferred_locale FROM cases WHERE id = $1', [
      res.json().id,
    ]);
    expect(stored.preferred_locale).toBe('en');
  });

  it('never writes the description, contact details or receipt code to the logs', async () => {
    const description = 'A unique description that must never be logged, about a clinic.';
    const body = await submitReport(server, identifiedReport({ description }));
    const logs = server.logs.text();
    expect(logs).toContain('/api/v1/cases');
    expect(logs).not.toContain(description);
    expect(logs).not.toContain(body.receiptCode);
    for (const value of Object.values(IDENTITY)) expect(logs).not.toContain(value);
  });

  it('numbers references per year without gaps, also when reports arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => submitReport(server, validReport())),
    );
    const [{ max }] = await rows<{ max: number }>(server, 'SELECT max(seq)::int AS max FROM cases');
    const seqs = results.map((r) => Number(r.reference.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs[7] - seqs[0]).toBe(7);
    expect(seqs[7]).toBe(max);
    const all = await rows<{ seq: number }>(server, 'SELECT seq FROM cases ORDER BY seq');
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
  });

  it('stores nothing when the transaction fails, and the next report gets the number it would have had', async () => {
    const before = await countCases(server);
    const outboxCount = 'SELECT count(*)::int AS n FROM notification_outbox';
    const [{ n: emailsBefore }] = await rows<{ n: number }>(server, outboxCount);
    const [{ last }] = await rows<{ last: number }>(
      server,
      'SELECT max(last_seq)::int AS last FROM case_reference_counters',
    );
    failInsideTransaction = true;
    try {
      const failed = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: identifiedReport(),
      });
      expect(failed.statusCode).toBe(500);
      expect(failed.body).not.toContain(IDENTITY.email);
    } finally {
      failInsideTransaction = false;
    }
    expect(await countCases(server)).toBe(before);
    expect(await rows(server, outboxCount)).toEqual([{ n: emailsBefore }]);
    const next = await submitReport(server);
    expect(Number(next.reference.split('-')[2])).toBe(last + 1);
  });

  describe('refuses bad input with 400 problem details listing every field, in the request language', () => {
    async function refusal(payload: unknown, language = 'en') {
      const before = await countCases(server);
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: payload as object,
        headers: { 'accept-language': language },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await countCases(server)).toBe(before);
      return res.json() as {
        code: string;
        detail: string;
        errors: { field: string; code: string; message: string }[];
      };
    }
    const fields = (problem: { errors: { field: string; code: string }[] }) =>
      Object.fromEntries(problem.errors.map((e) => [e.field, e.code]));

    it('lists every missing required field', async () => {
      const problem = await refusal({ anonymous: true }, SECOND_LANGUAGE);
      expect(problem.code).toBe('validation_failed');
      expect(problem.detail).toBe(translate(SECOND_LANGUAGE, 'error.validation_failed'));
      expect(fields(problem)).toEqual({
        community: 'isDefined',
        primaryArea: 'isDefined',
        grounds: 'isDefined',
        municipality: 'isDefined',
        incidentDate: 'isDefined',
        description: 'isDefined',
        perpetratorKind: 'isDefined',
      });
      expect(problem.errors[0].message).toBe(translate(SECOND_LANGUAGE, 'validation.isDefined'));
    });

    it('refuses a description under 20 or over 10,000 characters', async () => {
      const short = await refusal(validReport({ description: 'Too short.' }));
      expect(short.errors).toEqual([
        {
          field: 'description',
          code: 'isLength',
          message: 'Length must be from 20 to 10000 characters.',
        },
      ]);
      const long = await refusal(validReport({ description: 'x'.repeat(10_001) }));
      expect(fields(long)).toEqual({ description: 'isLength' });
    });

    it('refuses an incident date in the future or not a date', async () => {
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const future = await refusal(validReport({ incidentDate: tomorrow }), 'sq');
      expect(future.errors).toEqual([
        {
          field: 'incidentDate',
          code: 'isDateNotInFuture',
          message: 'Data nuk mund të jetë në të ardhmen.',
        },
      ]);
      expect(fields(await refusal(validReport({ incidentDate: '2025-02-30' })))).toEqual({
        incidentDate: 'isISO8601',
      });
    });

    it('refuses codes that are not in the reference data and an empty list of grounds', async () => {
      const problem = await refusal(
        validReport({ municipality: 'belgrade', community: 'x', grounds: ['racism', 'nope'] }),
      );
      expect(fields(problem)).toEqual({
        municipality: 'isKnownCode',
        community: 'isKnownCode',
        'grounds.1': 'isKnownCode',
      });
      expect(fields(await refusal(validReport({ grounds: [] })))).toEqual({
        grounds: 'arrayMinSize',
      });
    });

    it('refuses unknown fields', async () => {
      const problem = await refusal(validReport({ status: 'resolved', receiptCode: '1' }));
      expect(fields(problem)).toEqual({
        status: 'whitelistValidation',
        receiptCode: 'whitelistValidation',
      });
    });

    it('refuses contact details on an anonymous report, and an identified report without any', async () => {
      expect(fields(await refusal(validReport({ contact: { email: 'a@b.org' } })))).toEqual({
        contact: 'notWithAnonymous',
      });
      expect(fields(await refusal(validReport({ anonymous: false })))).toEqual({
        contact: 'contactRequired',
      });
      expect(
        fields(
          await refusal(
            validReport({
              anonymous: false,
              contact: { email: 'not-an-email', phone: 'ring me' },
            }),
          ),
        ),
      ).toEqual({ 'contact.email': 'isEmail', 'contact.phone': 'isPhone' });
    });

    it('refuses wrong types, a wrong language and an incomplete helper', async () => {
      const problem = await refusal(
        validReport({
          anonymous: 'no',
          grounds: 'racism',
          preferredLanguage: 'de',
          helper: { kind: 'lawyer' },
        }),
      );
      expect(fields(problem)).toMatchObject({
        anonymous: 'isBoolean',
        preferredLanguage: 'isIn',
        'helper.kind': 'isIn',
        'helper.name': 'isDefined',
      });
      expect(problem.errors.filter((e) => e.field === 'grounds').map((e) => e.code)).toContain(
        'isArray',
      );
    });

    it('refuses a body that is not JSON', async () => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: '{"community": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('malformed_body');
    });
  });

  describe('with an Idempotency-Key', () => {
    it('answers a repeated submission with the first case, without its code, and files one case', async () => {
      const before = await countCases(server);
      const headers = { 'idempotency-key': 'retry-after-timeout-1' };
      const payload = validReport({ description: 'Repeated because the phone lost its signal.' });
      const first = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload,
        headers,
      });
      const again = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload,
        headers,
      });
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      const { receiptCode, ...rest } = first.json();
      expect(receiptCode).toMatch(/^\d{16}$/);
      expect(first.json().alreadyReceived).toBe(false);
      expect(again.json()).toEqual({ ...rest, alreadyReceived: true });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(await countCases(server)).toBe(before + 1);
      // Only what the repeat needs is kept: never the code.
      const [key] = await rows(server, 'SELECT response FROM idempotency_keys WHERE key = $1', [
        'retry-after-timeout-1',
      ]);
      expect(JSON.stringify(key.response)).not.toContain(receiptCode);
    });

    it('creates one case when the same submission arrives twice at once (a double click)', async () => {
      const before = await countCases(server);
      const headers = { 'idempotency-key': 'double-click-1' };
      const payload = validReport({
        description: 'Sent twice at the same moment by a double click.',
      });
      const [a, b] = await Promise.all([
        server.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers }),
        server.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(a.json().reference).toBe(b.json().reference);
      expect(await countCases(server)).toBe(before + 1);
    });

    it('refuses the same key with another body (409) and a malformed key (400)', async () => {
      const headers = { 'idempotency-key': 'reused-key-1' };
      await submitReport(server, validReport(), headers);
      const other = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: validReport({ municipality: localCode('municipality', 'gjilan') }),
        headers,
      });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('idempotency_key_reused');
      const malformed = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: validReport(),
        headers: { 'idempotency-key': 'spaces are not allowed' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().errors).toEqual([
        expect.objectContaining({ field: 'Idempotency-Key', code: 'isIdempotencyKey' }),
      ]);
    });

    it('forgets a key after 24 hours', async () => {
      const headers = { 'idempotency-key': 'old-key-1' };
      const first = await submitReport(server, validReport(), headers);
      await rows(
        server,
        `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old-key-1'`,
      );
      const later = await submitReport(server, validReport(), headers);
      expect(later.id).not.toBe(first.id);
    });
  });

  it('keeps the history append-only in the database', async () => {
    const body = await submitReport(server);
    await expect(
      rows(server, `UPDATE case_history SET to_status = 'resolved' WHERE case_id = $1`, [body.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      rows(server, 'DELETE FROM case_history WHERE case_id = $1', [body.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('The intake rate limit per client', () => {
  it('answers 429 with Retry-After once a client passes the limit', async () => {
    const server = await startTestServer({
      INTAKE_RATE_LIMIT: '2',
      INTAKE_RATE_WINDOW_SECONDS: '600',
    });
    try {
      await submitReport(server);
      await submitReport(server);
      const third = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: validReport(),
      });
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(500);
      expect(third.json().code).toBe('rate_limited');
      // Another client is not affected.
      const other = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: validReport(),
        remoteAddress: '10.1.2.3',
      });
      expect(other.statusCode).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('lets reports through while Redis is unreachable (the limiter fails open)', async () => {
    const server = await startTestServer({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: identifiedReport(),
      });
      expect(res.statusCode).toBe(201);
      const warning = server.logs
        .entries()
        .find((e) => e.msg === 'rate limiter unavailable, request allowed');
      expect(warning).toMatchObject({ level: 'warn', bucket: 'intake' });
      expect(server.logs.text()).not.toContain(IDENTITY.email);
    } finally {
      await server.close();
    }
  });
});
