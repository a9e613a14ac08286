import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { textLengthProblem } from '@app/core';
import { SubmittedCaseBody, submitReport, validReport } from '../cases/case-fixtures';
import { concretePath, listRoutes } from '../support/routes';
import {
  CookieJar,
  FORM,
  StaffLogin,
  createStaff,
  form,
  loginAs,
  visitorCsrf,
} from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/**
 * Property-based tests of the public and staff endpoints with generated input (fast-check):
 * whatever arrives, the answer is never a 5xx and nothing invalid is stored. Each property runs
 * about a hundred cases, so the suite stays within seconds; a failure prints the smallest input
 * that breaks it (and its seed, to replay it).
 */

const RUNS = 100;

/** Strings that broke other systems: NUL (PostgreSQL text refuses it), injections, odd Unicode. */
const NASTY = [
  '\u0000',
  'abc\u0000def',
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{ 7*7 }}',
  '${7*7}',
  '\ud800',
  '\u202eexe.jpg',
  '../../etc/passwd',
  '%00',
  ' '.repeat(30),
  'a'.repeat(10_001),
  '😀'.repeat(30),
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 20, maxLength: 60 }),
);

/** Any JSON value, weighted towards the shapes that trip validators. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }),
);

const orGarbage = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyValue });

const isoDay = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A report whose every field is valid, missing, or replaced by something else. */
const reportBody = fc.record(
  {
    community: orGarbage(fc.constantFrom('roma', 'ashkali', 'egyptian', 'other', 'ROMA')),
    primaryArea: orGarbage(fc.constantFrom('education', 'health', 'housing', 'nowhere')),
    grounds: orGarbage(
      fc.uniqueArray(fc.constantFrom('discrimination', 'racism', 'harassment', 'hate_speech'), {
        maxLength: 4,
      }),
    ),
    municipality: orGarbage(fc.constantFrom('prizren', 'prishtine', 'gjakove', 'atlantis')),
    incidentDate: orGarbage(fc.oneof(isoDay, fc.constantFrom('2025-02-29', '2026-13-01'))),
    description: orGarbage(
      fc.oneof(
        fc.string({ minLength: 20, maxLength: 200 }),
        fc.string({ unit: 'grapheme', minLength: 20, maxLength: 80 }),
        fc.constantFrom(...NASTY).map((s) => `${s} happened at the school gate today`),
      ),
    ),
    perpetratorKind: orGarbage(fc.constantFrom('school', 'police', 'employer')),
    reporterRole: orGarbage(fc.constantFrom('victim', 'witness', 'organisation')),
    gender: orGarbage(fc.constantFrom('female', 'male')),
    anonymous: orGarbage(fc.boolean()),
    contact: orGarbage(
      fc.record(
        {
          name: orGarbage(nastyString),
          email: orGarbage(fc.oneof(fc.emailAddress(), nastyString)),
          phone: orGarbage(fc.constantFrom('+383 44 123 456', '044123456', '12', 'call me')),
        },
        { requiredKeys: [] },
      ),
    ),
    consentToContact: orGarbage(fc.boolean()),
    consentToShareIdentity: orGarbage(fc.boolean()),
    preferredLanguage: orGarbage(fc.constantFrom('sq', 'sr', 'en', 'rom', 'de')),
    helper: orGarbage(
      fc.record({
        kind: orGarbage(fc.constantFrom('mediator', 'organisation')),
        name: nastyString,
      }),
    ),
  },
  { requiredKeys: [] },
);

/** Checks every row the tests could have written against the rules of the domain. */
async function invalidRows(db: DataSource): Promise<Record<string, unknown>[]> {
  return (await db.query(`
    SELECT c.reference, 'case' AS what FROM cases c
    WHERE c.personal_data_erased_at IS NULL AND (
         char_length(c.description) NOT BETWEEN 20 AND 10000
      OR c.description <> btrim(c.description)
      OR c.incident_date > (c.submitted_at AT TIME ZONE 'Europe/Belgrade')::date
      OR c.incident_date < DATE '1990-01-01'
      OR c.helper_name_enc NOT LIKE 'v1.%'
      OR c.community NOT IN (SELECT code FROM taxonomy_items WHERE kind = 'community')
      OR c.primary_area NOT IN (SELECT code FROM taxonomy_items WHERE kind = 'area')
      OR c.municipality NOT IN (SELECT code FROM taxonomy_items WHERE kind = 'municipality')
      OR c.perpetrator_kind NOT IN (SELECT code FROM taxonomy_items WHERE kind = 'perpetrator_kind')
      OR c.reporter_role NOT IN (SELECT code FROM taxonomy_items WHERE kind = 'reporter_role')
      OR NOT EXISTS (SELECT 1 FROM case_grounds g WHERE g.case_id = c.id)
      OR NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id)
      OR c.contact_name_enc NOT LIKE 'v1.%' OR c.contact_email_enc NOT LIKE 'v1.%'
      OR c.contact_phone_enc NOT LIKE 'v1.%'
      OR (NOT c.anonymous AND c.contact_name_enc IS NULL AND c.contact_email_enc IS NULL
          AND c.contact_phone_enc IS NULL))
    UNION ALL
    SELECT g.ground, 'ground' FROM case_grounds g
    WHERE g.ground NOT IN (SELECT code FROM taxonomy_items WHERE kind = 'ground')
    UNION ALL
    SELECT m.id::text, 'message' FROM case_messages m
    WHERE char_length(m.body) NOT BETWEEN 1 AND 5000 OR m.body <> btrim(m.body)
    UNION ALL
    SELECT u.id::text, 'staff user' FROM staff_users u
    WHERE u.email <> lower(btrim(u.email)) OR u.email !~ '^[^@\\s]+@[^@\\s]+$'
      OR char_length(btrim(u.name)) = 0
  `)) as Record<string, unknown>[];
}

describe('Generated input never causes a 5xx nor stores invalid data', () => {
  let server: TestServer;
  let db: DataSource;
  let baseline: number;

  beforeAll(async () => {
    server = await startTestServer({
      INTAKE_RATE_LIMIT: '100000',
      FOLLOW_UP_RATE_LIMIT: '100000',
      FOLLOW_UP_MAX_ATTEMPTS: '100',
      LOGIN_RATE_LIMIT: '100000',
    });
    db = server.app.get(DataSource);
    baseline = ((await db.query(`SELECT count(*)::int AS n FROM cases`)) as { n: number }[])[0].n;
  });
  afterAll(async () => {
    await server.close();
  });

  it('intake (POST /api/v1/cases) answers 201 or 400, and every case stored is valid', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(reportBody, fc.constantFrom('sq', 'sr', 'en', 'rom'), async (body, lang) => {
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers: { 'accept-language': lang },
          payload: body,
        });
        expect([201, 400]).toContain(res.statusCode);
        if (res.statusCode === 400) {
          expect(res.json()).toMatchObject({ status: 400, code: expect.any(String) });
        } else {
          created++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(await invalidRows(db)).toEqual([]);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cases`)) as { n: number }[];
    expect(n - baseline).toBe(created);
  });

  it('a valid report with arbitrary text is stored exactly as sent (trimmed), never rewritten', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 20, maxLength: 300 }),
          fc.constantFrom(...NASTY.slice(2, 8)).map((s) => `${s} at the municipality office`),
        ),
        async (description) => {
          const res = await server.app.inject({
            method: 'POST',
            url: '/api/v1/cases',
            payload: validReport({ description }),
          });
          const trimmed = description.trim();
          // Too short in letters as a reader counts them (the platform's one rule).
          if (textLengthProblem(trimmed, 20, 10_000) !== undefined) {
            expect(res.statusCode).toBe(400);
            return;
          }
          expect(res.statusCode).toBe(201);
          const [row] = (await db.query(`SELECT description FROM cases WHERE id = $1`, [
            (res.json() as SubmittedCaseBody).id,
          ])) as { description: string }[];
          expect(row.description).toBe(trimmed);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('follow-up (POST /api/v1/follow-up) answers 200, 400, 404 or 429 to any reference and code', async () => {
    const filed = await submitReport(server);
    const reference = fc.oneof(
      fc.constant(filed.reference),
      fc.constantFrom('PMD-2026-00001', 'PMD-0000-00000', 'pmd-2026-1', 'PMD-2026-99999'),
      anyValue,
    );
    const code = fc.oneof(
      fc.constant(filed.receiptCode),
      fc.stringMatching(/^[0-9]{16}$/),
      fc.stringMatching(/^[0-9 ]{16,24}$/),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({ reference, receiptCode: code }, { requiredKeys: [] }),
        async (body) => {
          const res = await server.app.inject({
            method: 'POST',
            url: '/api/v1/follow-up',
            payload: body,
          });
          expect([200, 400, 404, 429]).toContain(res.statusCode);
          if (res.statusCode === 200)
            expect(res.json()).toMatchObject({ reference: filed.reference });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a reporter’s message (POST /api/v1/follow-up/messages) is 201 and stored literally, or 400', async () => {
    const filed = await submitReport(server);
    await fc.assert(
      fc.asyncProperty(orGarbage(nastyString), async (body) => {
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/v1/follow-up/messages',
          payload: { reference: filed.reference, receiptCode: filed.receiptCode, body },
        });
        expect([201, 400]).toContain(res.statusCode);
        if (res.statusCode === 201) {
          const [row] = (await db.query(`SELECT body FROM case_messages WHERE id = $1`, [
            (res.json() as { id: string }).id,
          ])) as { body: string }[];
          expect(row.body).toBe(String(body).trim());
        }
      }),
      { numRuns: RUNS },
    );
    expect(await invalidRows(db)).toEqual([]);
  });

  it('staff sign-in (POST /staff/login) never answers 5xx to any form', async () => {
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('email', 'password', 'next', '_csrf', 'x'),
          fc.oneof(nastyString, fc.emailAddress()),
          { maxKeys: 4 },
        ),
        fc.boolean(),
        async (fields, withCsrf) => {
          const res = await server.app.inject({
            method: 'POST',
            url: '/staff/login',
            headers: { cookie: jar.header(), 'content-type': FORM },
            payload: form(withCsrf ? { ...fields, _csrf: csrf } : fields),
          });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  });

  describe('staff endpoints, called by an administrator with generated bodies', () => {
    let admin: StaffLogin;
    let ids: string[];

    beforeAll(async () => {
      const adminUser = await createStaff(server, { role: 'administrator' });
      admin = await loginAs(server, adminUser);
      const expert = await createStaff(server, { role: 'legal_expert' });
      const filed = await submitReport(server);
      ids = [expert.id, filed.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid'];
    });

    /** Field names of the staff DTOs, so generated bodies pass validation now and then. */
    const FIELDS = [
      'name',
      'email',
      'role',
      'locale',
      'institutionCode',
      'to',
      'reason',
      'closureReason',
      'assigneeId',
      'expectedVersion',
      'referrals',
      'body',
      'recommendation',
      'summary',
      'responseDueDate',
      'contactEmail',
      'contactEmailRepeat',
      'contactPointId',
      'oneOffConfirmed',
      'unit',
      'date',
      'scheduledAt',
      'location',
      'caseId',
      'decision',
      'year',
      'from',
      'page',
    ];

    it('answers every state-changing route with a non-5xx status', async () => {
      const routes = listRoutes(server.app).filter(
        (r) =>
          r.method !== 'GET' &&
          r.rule?.kind === 'staff' &&
          r.rule.roles.includes('administrator') &&
          !/logout|sign-out/.test(r.path),
      );
      expect(routes.length).toBeGreaterThan(3);
      const value = fc.oneof(
        anyValue,
        fc.constantFrom(...ids),
        fc.constantFrom('legal_expert', 'administrator', 'en', 'in_review', 'closed', 'duplicate'),
        isoDay,
        fc.array(fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 4 }), {
          maxLength: 2,
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.constantFrom(...ids),
          fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
          async (route, id, body) => {
            const res = await server.app.inject({
              method: route.method as 'POST',
              url: concretePath(route.path, id),
              headers: { ...admin.headers, 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            if (res.statusCode >= 500) {
              throw new Error(`${route.method} ${route.path}: ${res.statusCode} ${res.body}`);
            }
          },
        ),
        { numRuns: 200 },
      );
      expect(await invalidRows(db)).toEqual([]);
    });

    it('answers every page and list with any query string with a non-5xx status', async () => {
      const routes = listRoutes(server.app).filter(
        (r) => r.method === 'GET' && !/logout|sign-out|\*/.test(r.path),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.constantFrom(...ids),
          fc.dictionary(
            fc.constantFrom(
              'page',
              'pageSize',
              'from',
              'to',
              'status',
              'year',
              'q',
              'lang',
              'sort',
            ),
            fc.oneof(nastyString, fc.integer().map(String), isoDay),
            { maxKeys: 4 },
          ),
          async (route, id, query) => {
            const search = new URLSearchParams(query as Record<string, string>).toString();
            const res = await server.app.inject({
              method: 'GET',
              url: `${concretePath(route.path, id)}${search ? `?${search}` : ''}`,
              headers: { cookie: admin.cookie },
            });
            if (res.statusCode >= 500) {
              throw new Error(`GET ${route.path}?${search}: ${res.statusCode} ${res.body}`);
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
