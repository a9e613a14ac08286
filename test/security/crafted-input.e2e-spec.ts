import { DataSource } from 'typeorm';
import { isOfferedLocale } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import { CookieJar, FORM, StaffLogin, createStaff, loginAs, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** A language besides the default and English: Serbian where the profile offers it, else Romani. */
const SECOND = isOfferedLocale('sr')
  ? {
      language: 'sr' as const,
      tooDeep: 'Telo zahteva je ugnježdeno dublje od 32 nivoa.',
      badRequest: 'Neispravan zahtev',
    }
  : {
      language: 'rom' as const,
      tooDeep: 'O mangipe si but hor: maj but sar 32 nivelja, jekh ande aver.',
      badRequest: 'Bilačho mangipe',
    };

/**
 * Crafted input that made the server answer 500: JSON nested 50,000 deep (the transformer
 * recursed until the stack ran out), malformed ids in paths (PostgreSQL refused them, 22P02) and
 * 20-digit page numbers (out of range for PostgreSQL, 22003). Each is now a 4xx problem in the
 * caller's language, refused before any query.
 */

const DEPTH = 50_000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"contact":'.repeat(DEPTH) + '{}' + '}'.repeat(DEPTH);

/** Ids a loose check (`/^[0-9a-f-]{36}$/`) let through to PostgreSQL, and other malformed ones. */
const MALFORMED_IDS = [
  '-'.repeat(36),
  'a'.repeat(36),
  '0000000000000000000000000000000000ab',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
];

const HUGE_PAGE = '99999999999999999999';

describe('Crafted input is refused with a 4xx problem, never a 5xx', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: StaffLogin;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', LOGIN_RATE_LIMIT: '1000' });
    db = server.app.get(DataSource);
    // Staff read in their own language: this administrator reads Serbian (Romani where Serbian
    // is not offered).
    admin = await loginAs(
      server,
      await createStaff(server, { role: 'administrator', locale: SECOND.language }),
    );
    caseId = (await submitReport(server)).id;
  });
  afterAll(async () => {
    await server.close();
  });

  /** No request of a test may have failed unexpectedly (the filter logs those as errors). */
  let logsBefore = 0;
  beforeEach(() => {
    logsBefore = server.logs.raw.length;
  });
  afterEach(() => {
    const failed = server.logs
      .entries()
      .slice(logsBefore)
      .filter((e) => e.msg === 'request failed');
    expect(failed).toEqual([]);
  });

  const caseCount = async () =>
    ((await db.query(`SELECT count(*)::int AS n FROM cases`)) as { n: number }[])[0].n;

  describe('JSON nested 50,000 deep', () => {
    it('is refused on POST /api/v1/cases with 400 body_too_deep, in the caller’s language, and stores nothing', async () => {
      const before = await caseCount();
      for (const [payload, language, detail] of [
        [deepArray, 'en', 'The request body is nested more than 32 levels deep.'],
        [deepObject, SECOND.language, SECOND.tooDeep],
      ]) {
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers: { 'content-type': 'application/json', 'accept-language': language },
          payload,
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 400, code: 'body_too_deep', detail });
      }
      expect(await caseCount()).toBe(before);
    });

    it('is refused on the form routes (public report, follow-up sign-in, staff sign-in) with 400', async () => {
      const jar = new CookieJar();
      const csrf = await visitorCsrf(server, jar);
      for (const url of ['/report', '/follow-up', '/staff/login']) {
        const res = await server.app.inject({
          method: 'POST',
          url,
          headers: {
            cookie: jar.header(),
            'x-csrf-token': csrf,
            'content-type': 'application/json',
            'accept-language': 'en',
          },
          payload: deepObject,
        });
        expect([url, res.statusCode]).toEqual([url, 400]);
        expect(res.json()).toMatchObject({ code: 'body_too_deep' });
      }
    });

    it('is refused on staff routes too, while a body within the limit still reaches validation', async () => {
      const deep = await server.app.inject({
        method: 'POST',
        url: '/api/v1/staff-users',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: deepArray,
      });
      expect(deep.statusCode).toBe(400);
      expect(deep.json()).toMatchObject({ code: 'body_too_deep' });

      // 32 levels (the report object and 31 nested arrays) are read and judged field by field.
      const withinLimit = JSON.stringify(validReport()).replace(
        '"grounds":["discrimination","segregation"]',
        `"grounds":${'['.repeat(31)}${']'.repeat(31)}`,
      );
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        payload: withinLimit,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('a malformed id in the path', () => {
    it('answers 404 like an unknown id on evidence downloads, referral documents and referral links', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const bad of MALFORMED_IDS) {
        for (const [method, url, code] of [
          ['GET', `/api/v1/cases/${caseId}/evidence/${bad}`, 'evidence_not_found'],
          ['GET', `/staff/cases/${caseId}/evidence/${bad}`, 'evidence_not_found'],
          [
            'GET',
            `/api/v1/cases/${caseId}/referrals/${unknown}/documents/${bad}`,
            'evidence_not_found',
          ],
          [
            'GET',
            `/staff/cases/${caseId}/referrals/${unknown}/documents/${bad}`,
            'evidence_not_found',
          ],
          ['POST', `/api/v1/cases/${caseId}/referrals/${bad}/link`, 'referral_not_found'],
          ['POST', `/staff/cases/${caseId}/referrals/${bad}/link`, 'referral_not_found'],
          ['GET', `/api/v1/cases/${bad}/evidence/${unknown}`, 'case_not_found'],
        ] as const) {
          const res = await server.app.inject({
            method,
            url,
            headers: { ...admin.headers, 'accept-language': 'en' },
          });
          expect([url, res.statusCode]).toEqual([url, 404]);
          if (url.startsWith('/api/')) expect(res.json()).toMatchObject({ status: 404, code });
        }
      }
      // The same answer as an id that is well formed but unknown.
      const unknownEvidence = await server.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/evidence/${unknown}`,
        headers: admin.headers,
      });
      expect(unknownEvidence.statusCode).toBe(404);
      expect(unknownEvidence.json()).toMatchObject({ code: 'evidence_not_found' });
    });

    it('answers 404 on staff accounts and meetings alike (one rule for every id in a path)', async () => {
      for (const bad of MALFORMED_IDS) {
        for (const [url, code] of [
          [`/api/v1/staff-users/${bad}/link`, 'staff_user_not_found'],
          [`/api/v1/staff-users/${bad}/deactivate`, 'staff_user_not_found'],
          [`/api/v1/meetings/${bad}/publish`, 'not_found'],
          [`/api/v1/notifications/${bad}/retry`, 'not_found'],
        ]) {
          const res = await server.app.inject({
            method: 'POST',
            url,
            headers: {
              ...admin.headers,
              'content-type': 'application/json',
              'accept-language': 'sq',
            },
            payload: '{}',
          });
          expect([url, res.statusCode]).toEqual([url, 404]);
          expect(res.json()).toMatchObject({ code });
        }
      }
      const page = await server.app.inject({
        method: 'GET',
        url: `/staff/meetings/${'-'.repeat(36)}`,
        headers: { cookie: admin.cookie, 'accept-language': 'en' },
      });
      expect(page.statusCode).toBe(404);
    });
  });

  describe('a page number of 20 digits', () => {
    it('is refused with 400 naming the field on the meeting and dead-letter lists, in the caller’s language', async () => {
      for (const url of ['/api/v1/meetings', '/api/v1/notifications/dead']) {
        for (const page of [HUGE_PAGE, '100001', `-${HUGE_PAGE}`]) {
          const res = await server.app.inject({
            method: 'GET',
            url: `${url}?page=${page}`,
            headers: { cookie: admin.cookie },
          });
          expect([url, page, res.statusCode]).toEqual([url, page, 400]);
          expect(res.json()).toMatchObject({
            code: 'validation_failed',
            title: SECOND.badRequest,
            errors: [expect.objectContaining({ field: 'page' })],
          });
        }
      }
    });

    it('is refused with a 400 page on the staff pages of meetings and dead letters', async () => {
      for (const url of ['/staff/meetings', '/staff/notifications']) {
        const res = await server.app.inject({
          method: 'GET',
          url: `${url}?page=${HUGE_PAGE}`,
          headers: { cookie: admin.cookie, 'accept-language': 'en' },
        });
        expect([url, res.statusCode]).toEqual([url, 400]);
        expect(res.headers['content-type']).toContain('text/html');
      }
    });

    it('still serves a page within the bound', async () => {
      for (const url of ['/api/v1/meetings?page=100000', '/api/v1/notifications/dead?page=3']) {
        const res = await server.app.inject({
          method: 'GET',
          url,
          headers: { cookie: admin.cookie },
        });
        expect([url, res.statusCode]).toEqual([url, 200]);
      }
    });
  });

  it('answers forms with repeated, bracketed or prototype keys below 500', async () => {
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    for (const payload of [
      `reference=a&reference=b&receiptCode=1&_csrf=${csrf}`,
      `__proto__[x]=1&constructor[prototype][x]=1&constructor=1&_csrf=${csrf}`,
    ]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { cookie: jar.header(), 'content-type': FORM },
        payload,
      });
      expect(res.statusCode).toBeLessThan(500);
    }
  });

  it('refuses JSON with prototype keys, or a nested `constructor` key (it broke the transformer), with 400', async () => {
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    for (const url of ['/api/v1/cases', '/api/v1/follow-up', '/staff/login']) {
      for (const [payload, field] of [
        ['{"__proto__":{"isAdmin":true}}', undefined],
        ['{"constructor":{"prototype":{"isAdmin":true}}}', undefined],
        ['{"contact":{"constructor":[null]}}', 'contact.constructor'],
        ['{"grounds":[{"constructor":"x"}]}', 'grounds.0.constructor'],
      ] as const) {
        const res = await server.app.inject({
          method: 'POST',
          url,
          headers: {
            cookie: jar.header(),
            'x-csrf-token': csrf,
            'content-type': 'application/json',
            'accept-language': 'en',
          },
          payload,
        });
        expect([url, payload, res.statusCode]).toEqual([url, payload, 400]);
        if (field) {
          expect(res.json()).toMatchObject({
            code: 'validation_failed',
            errors: [{ field, code: 'whitelistValidation', message: 'This field is not known.' }],
          });
        }
      }
    }
  });
});
