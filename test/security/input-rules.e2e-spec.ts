import { LOCALES, Locale, installationProfile, isOfferedLocale, translate } from '@app/core';
import { csrfFrom, multipart, rows, submitReport, validReport } from '../cases/case-fixtures';
import { TestServer, startTestServer } from '../support/test-server';
import { localCode } from '../support/country-codes';

/** The language a request asking for `language` is answered in: the default if not offered. */
const answered = (language: Locale): Locale =>
  isOfferedLocale(language) ? language : (installationProfile().languages.default as Locale);

interface Problem {
  status: number;
  code: string;
  errors: { field: string; code: string; message: string }[];
}

describe('Incident dates and text lengths are checked as a person reads them (issue 14, item 15)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  const caseCount = async () =>
    (await rows<{ n: number }>(server, 'SELECT count(*)::int AS n FROM cases'))[0].n;
  const file = (body: Record<string, unknown>, language = 'en') =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: body,
      headers: { 'accept-language': language },
    });

  it.each(['0001-01-01', '1000-06-15', '1899-12-31', '1989-12-31'])(
    'refuses the incident date %s with a 400 naming the field, in every language',
    async (incidentDate) => {
      const before = await caseCount();
      for (const language of LOCALES) {
        const res = await file(validReport({ incidentDate }), language);
        expect(res.statusCode).toBe(400);
        const problem = res.json() as Problem;
        expect(problem.errors).toEqual([
          {
            field: 'incidentDate',
            code: 'isDateNotBefore',
            // A language the profile does not offer is answered in the default language.
            message: translate(answered(language), 'validation.isDateNotBefore', {
              0: '1990-01-01',
            }),
          },
        ]);
        expect(problem.errors[0].message).toContain('1990-01-01');
      }
      expect(await caseCount()).toBe(before);
    },
  );

  it('accepts the earliest date and a recent one', async () => {
    expect((await file(validReport({ incidentDate: '1990-01-01' }))).statusCode).toBe(201);
    expect((await file(validReport({ incidentDate: '2026-01-15' }))).statusCode).toBe(201);
  });

  it.each([
    ['a letter with 5,000 combining accents', 'a' + '\u0301'.repeat(5000)],
    ['combining accents only', '\u0301'.repeat(400)],
    ['zero-width spaces only', '\u200b'.repeat(400)],
    ['zero-width joiners only', '\u200d'.repeat(400)],
    ['invisible characters and marks mixed', '\u200b\u0301\u200d\u2060\ufeff'.repeat(100)],
    ['a few letters padded with zero-width spaces', 'abcd' + '\u200b'.repeat(100)],
  ])('refuses a description made of %s', async (_, description) => {
    const before = await caseCount();
    const res = await file(validReport({ description }));
    expect(res.statusCode).toBe(400);
    const problem = res.json() as Problem;
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].field).toBe('description');
    expect(['isLength', 'hasLetters']).toContain(problem.errors[0].code);
    expect(problem.errors[0].message).not.toMatch(/validation\./);
    expect(await caseCount()).toBe(before);
  });

  it('explains the missing letters in every language', async () => {
    for (const language of LOCALES) {
      const res = await file(validReport({ description: '\u200b'.repeat(40) }), language);
      expect(res.statusCode).toBe(400);
      expect((res.json() as Problem).errors).toEqual([
        {
          field: 'description',
          code: 'hasLetters',
          message: translate(answered(language), 'validation.hasLetters', { 0: 10 }),
        },
      ]);
    }
  });

  it('accepts a normal description with accents, precomposed or not', async () => {
    const precomposed = await file(
      validReport({ description: 'Mësuesja e ndau vajzën time në një klasë të veçantë.' }),
    );
    expect(precomposed.statusCode).toBe(201);
    const decomposed = await file(
      validReport({
        description: 'Uc\u030citeljica je odvojila moju c\u0301erku u posebno odeljenje.',
      }),
    );
    expect(decomposed.statusCode).toBe(201);
  });

  it('refuses a description over the maximum in stored characters, even when it reads shorter', async () => {
    const res = await file(validReport({ description: 'e\u0301'.repeat(5001) }));
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'description', code: 'isLength' }),
    ]);
  });

  it('applies the rule to the other free texts of a report (helper and contact names)', async () => {
    const helper = await file(
      validReport({ helper: { kind: 'mediator', name: '\u200b\u200d\u0301' } }),
    );
    expect(helper.statusCode).toBe(400);
    expect((helper.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'helper.name', code: 'hasLetters' }),
    ]);
    const contact = await file(
      validReport({ anonymous: false, contact: { name: '\u200b', email: 'x@example.org' } }),
    );
    expect(contact.statusCode).toBe(400);
    expect((contact.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'contact.name', code: 'hasLetters' }),
    ]);
  });

  it("applies the rule to a reporter's message as well", async () => {
    const filed = await submitReport(server);
    const send = (body: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/follow-up/messages',
        payload: { reference: filed.reference, receiptCode: filed.receiptCode, body },
      });
    for (const body of ['\u200b\u200d', '\u0301'.repeat(50)]) {
      const res = await send(body);
      expect(res.statusCode).toBe(400);
      expect((res.json() as Problem).errors).toEqual([
        expect.objectContaining({ field: 'body', code: 'hasLetters' }),
      ]);
    }
    expect((await send('Faleminderit, e kuptova.')).statusCode).toBe(201);
  });

  it('refuses the same on the web form, with the message beside the field', async () => {
    const before = await caseCount();
    const page = await csrfFrom(server, '/report?lang=en');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart([
      ['idempotencyKey', key],
      ['description', '\u200b'.repeat(50)],
      ['incidentDate', '0001-01-01'],
      ['municipality', localCode('municipality', 'peje')],
      ['primaryArea', 'civil_registration'],
      ['grounds', 'discrimination'],
      ['perpetratorKind', 'public_institution'],
      ['community', localCode('community', 'egyptian')],
      ['reporterRole', 'victim'],
      ['anonymous', 'yes'],
      ['preferredLanguage', 'en'],
      ['helperKind', 'none'],
    ]);
    const res = await server.app.inject({
      method: 'POST',
      url: `/report?_csrf=${encodeURIComponent(page.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
    expect(res.statusCode).toBe(400);
    // The form says what to do in plain words, one message per question.
    expect(res.body).toContain(
      translate('en', 'report.error.incidentDateEarly', { date: '1990-01-01' }),
    );
    expect(res.body).toContain(translate('en', 'report.error.description'));
    expect(await caseCount()).toBe(before);
  });
});
