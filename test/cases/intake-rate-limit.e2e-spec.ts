import { LOCALES, installationProfile, isOfferedLocale } from '@app/core';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import { csrfFrom, multipart, rows, validReport } from './case-fixtures';

const LIMIT = 2;

/** The report form as a browser fills it in (one answer per field, grounds repeated). */
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
    ['preferredLanguage', 'sq'],
    ['helperKind', 'none'],
  ];
}

async function countCases(server: TestServer): Promise<number> {
  const [row] = await rows<{ n: number }>(server, 'SELECT count(*)::int AS n FROM cases');
  return row.n;
}

/**
 * Only accepted reports count against the per-address intake limit: people behind one carrier
 * or NGO address who get a form wrong are not refused for it.
 */
describe('The intake rate limit counts accepted reports only', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      INTAKE_RATE_LIMIT: String(LIMIT),
      INTAKE_RATE_WINDOW_SECONDS: '3000',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  async function sendForm(answers: [string, string][], language: string, address: string) {
    const page = await csrfFrom(server, `/report?lang=${language}`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart([['idempotencyKey', key], ...answers]);
    return server.app.inject({
      method: 'POST',
      url: `/report?_csrf=${encodeURIComponent(page.token)}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
      remoteAddress: address,
    });
  }

  const api = (payload: object, address: string, language = 'en') =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/cases?lang=${language}`,
      payload,
      headers: { 'accept-language': language },
      remoteAddress: address,
    });

  it('lets a valid API report through after more invalid ones than the limit', async () => {
    const address = '10.20.0.1';
    for (let i = 0; i < LIMIT * 3; i += 1) {
      const invalid = await api(validReport({ description: 'short' }), address);
      expect(invalid.statusCode).toBe(400);
    }
    const before = await countCases(server);
    expect((await api(validReport(), address)).statusCode).toBe(201);
    expect((await api(validReport(), address)).statusCode).toBe(201);
    expect(await countCases(server)).toBe(before + LIMIT);

    const refused = await api(validReport(), address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThan(2900);
    // The wait in whole minutes, rounded up: 3000 s is 50 minutes.
    const minutes = Math.ceil(seconds / 60);
    expect(refused.json().detail).toBe(`Too many requests. Try again in ${minutes} minutes.`);
    expect(await countCases(server)).toBe(before + LIMIT);
  });

  it('lets a valid form through after more invalid ones than the limit, from the same address', async () => {
    const address = '10.20.0.2';
    for (let i = 0; i < LIMIT * 3; i += 1) {
      const invalid = await sendForm(formAnswers('too short'), 'en', address);
      expect(invalid.statusCode).toBe(400);
    }
    const before = await countCases(server);
    for (let i = 0; i < LIMIT; i += 1) {
      const filed = await sendForm(
        formAnswers('They refused to register my newborn son at the civil registry office.'),
        'en',
        address,
      );
      expect(filed.statusCode).toBeLessThan(400);
    }
    expect(await countCases(server)).toBe(before + LIMIT);
  });

  it.each(LOCALES.map((l) => [l]))(
    'refuses the form over the limit in %s with the wait in minutes and keeps what was typed',
    async (language) => {
      const address = `10.20.1.${LOCALES.indexOf(language) + 1}`;
      for (let i = 0; i < LIMIT; i += 1) {
        expect((await api(validReport(), address)).statusCode).toBe(201);
      }
      const typed = `The clerk at the office sent us away twice (${language}).`;
      const refused = await sendForm(formAnswers(typed), language, address);
      expect(refused.statusCode).toBe(429);
      const minutes = Math.ceil(Number(refused.headers['retry-after']) / 60);
      expect(minutes).toBeGreaterThanOrEqual(49);
      const said: Record<string, string> = {
        sq: `Provoni përsëri pas ${minutes} minutash.`,
        sr: `Pokušajte ponovo za ${minutes} minuta.`,
        en: `Try again in ${minutes} minutes.`,
        'sr-Cyrl': `Покушајте поново за ${minutes} минута.`,
        rom: `Zumav palem pale ${minutes} minutura.`,
      };
      // A language the profile does not offer gets the default language's page.
      const words =
        said[isOfferedLocale(language) ? language : installationProfile().languages.default];
      expect(refused.body).toContain(words);
      expect(refused.body).not.toMatch(/\d{3,} (seconds|sekond|sekundi)/);
      expect(refused.body).toContain(typed);
    },
  );
});
