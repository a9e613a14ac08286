import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/core';
import {
  csrfFrom,
  identifiedReport,
  multipart,
  submitReport,
  validReport,
} from '../cases/case-fixtures';
import { CookieJar, FORM, createStaff, form, loginAs, visitorCsrf } from '../support/staff';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';

const LIMIT = 4096;

/** SQL and HTML that must end up stored as typed and shown as text, never run. */
const SQL = "Robert'); DROP TABLE cases; -- and ' OR '1'='1";
const HTML = '<script>alert("xss")</script><img src=x onerror=alert(1)> & "quotes"';

function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

describe('Request bodies over the limit, malformed bodies and injection strings', () => {
  let server: TestServer;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer({ BODY_LIMIT_BYTES: String(LIMIT), INTAKE_RATE_LIMIT: '1000' });
    db = server.app.get(DataSource);
  });
  afterAll(async () => {
    await server.close();
  });

  const caseCount = async () =>
    ((await db.query(`SELECT count(*)::int AS n FROM cases`)) as { n: number }[])[0].n;

  it('answers 413 problem details to a JSON or form body over BODY_LIMIT_BYTES, on every kind of route', async () => {
    const before = await caseCount();
    const big = 'x'.repeat(LIMIT + 1);
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    const requests = [
      {
        url: '/api/v1/cases',
        type: 'application/json',
        body: JSON.stringify(validReport({ description: big })),
      },
      {
        url: '/api/v1/follow-up',
        type: 'application/json',
        body: JSON.stringify({ reference: big }),
      },
      {
        url: '/api/v1/follow-up/messages',
        type: 'application/json',
        body: JSON.stringify({ body: big }),
      },
      { url: '/api/v1/staff-users', type: 'application/json', body: JSON.stringify({ name: big }) },
      { url: '/staff/login', type: FORM, body: form({ email: big, password: 'x', _csrf: csrf }) },
      { url: '/follow-up', type: FORM, body: form({ reference: big, _csrf: csrf }) },
    ];
    for (const r of requests) {
      const res = await server.app.inject({
        method: 'POST',
        url: r.url,
        headers: { 'content-type': r.type, cookie: jar.header(), 'accept-language': 'en' },
        payload: r.body,
      });
      expect([r.url, res.statusCode, res.headers['content-type']]).toEqual([
        r.url,
        413,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(res.json()).toMatchObject({ status: 413, code: 'body_too_large' });
    }
    expect(await caseCount()).toBe(before);
  });

  it('answers 400 malformed_body to broken JSON, on public and staff routes alike', async () => {
    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    for (const [url, headers] of [
      ['/api/v1/cases', {}],
      ['/api/v1/follow-up', {}],
      ['/api/v1/follow-up/messages', {}],
      ['/api/v1/follow-up/withdraw', {}],
      ['/api/v1/staff-users', admin.headers],
    ] as const) {
      for (const body of ['{"community": "roma",', '{not json}', '[1, 2', '"\\u12"']) {
        const res = await server.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/json', 'accept-language': 'en' },
          payload: body,
        });
        expect([url, body, res.statusCode]).toEqual([url, body, 400]);
        expect(res.json()).toMatchObject({ code: 'malformed_body' });
      }
    }
  });

  it('answers 415 to a body of a type the route does not read', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'content-type': 'application/xml' },
      payload: '<case/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses text the database cannot store (NUL, half surrogates) with 400 naming the field, in JSON and in the multipart form', async () => {
    const before = await caseCount();
    const json = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'accept-language': 'en' },
      payload: validReport({
        contact: undefined,
        description: 'A long enough text\u0000 with NUL',
      }),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({
      errors: [{ field: 'description', code: 'unsupportedCharacters' }],
    });
    const surrogate = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: identifiedReport({ contact: { name: 'Half \ud800 a pair' } }),
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json()).toMatchObject({
      errors: [{ field: 'contact.name', code: 'unsupportedCharacters' }],
    });

    const sendForm = async (description: string) => {
      const page = await csrfFrom(server, '/report');
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const answers: [string, string][] = [
        ['idempotencyKey', key],
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
        ['preferredLanguage', 'en'],
        ['helperKind', 'none'],
        ['helperName', ''],
      ];
      const upload = multipart(answers);
      return server.app.inject({
        method: 'POST',
        url: `/report?_csrf=${encodeURIComponent(page.token)}`,
        headers: { ...upload.headers, cookie: page.cookie, 'accept-language': 'en' },
        payload: upload.payload,
      });
    };
    const refused = await sendForm('They refused to register my son \u0000 at the office.');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'unsupported_characters' });
    expect(await caseCount()).toBe(before);
    // The same form without the NUL character is filed.
    const filed = await sendForm('They refused to register my son at the office.');
    expect(filed.statusCode).toBe(200);
    expect(await caseCount()).toBe(before + 1);
  });

  it('stores SQL and HTML exactly as typed, and every page shows them as text', async () => {
    const description = `${SQL} ${HTML} happened at school`;
    const filed = await submitReport(
      server,
      identifiedReport({
        description,
        contact: { name: `${HTML} ${SQL}`, email: 'injection.reporter@example.org' },
        helper: { kind: 'organisation', name: HTML },
      }),
    );
    const [row] = (await db.query(
      `SELECT id, description, helper_name_enc, contact_name_enc FROM cases WHERE id = $1`,
      [filed.id],
    )) as { id: string; description: string; helper_name_enc: string; contact_name_enc: string }[];
    expect(row.description).toBe(description);
    expect(server.app.get(FieldCipher).decrypt(row.helper_name_enc, row.id)).toBe(HTML);
    expect(server.app.get(FieldCipher).decrypt(row.contact_name_enc, row.id)).toBe(
      `${HTML} ${SQL}`,
    );
    // The statement in the text did nothing.
    expect(await caseCount()).toBeGreaterThan(0);

    // The reporter's message on the follow-up page.
    const message = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/messages',
      payload: { reference: filed.reference, receiptCode: filed.receiptCode, body: HTML },
    });
    expect(message.statusCode).toBe(201);
    const signIn = await csrfFrom(server, '/follow-up');
    const session = await server.app.inject({
      method: 'POST',
      url: '/follow-up',
      headers: { cookie: signIn.cookie, 'content-type': FORM },
      payload: form({
        reference: filed.reference,
        receiptCode: filed.receiptCode,
        _csrf: signIn.token,
      }),
    });
    expect(session.statusCode).toBe(303);
    const cookie = [
      signIn.cookie,
      ...([] as string[]).concat(session.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
    ].join('; ');
    const followUp = await server.app.inject({
      method: 'GET',
      url: '/follow-up/case',
      headers: { cookie },
    });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.body).toContain(escaped(HTML));
    expect(followUp.body).not.toContain('<script>alert');
    expect(followUp.body).not.toContain('<img src=x');

    // The staff case page with the description, and the reporter's identity shown on request.
    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const staffPage = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${filed.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).toContain(escaped(SQL));
    expect(staffPage.body).toContain(escaped(HTML));
    expect(staffPage.body).not.toContain('<script>alert');
    const identity = await server.app.inject({
      method: 'POST',
      url: `/staff/cases/${filed.id}/identity`,
      headers: { cookie: admin.cookie, 'content-type': FORM },
      payload: form({ _csrf: admin.csrf }),
    });
    expect(identity.statusCode).toBe(200);
    expect(identity.body).toContain(escaped(`${HTML} ${SQL}`));
    expect(identity.body).not.toContain('<script>alert');
    expect(identity.body).not.toContain('<img src=x');
  });
});
