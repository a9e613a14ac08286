import {
  LOCALES,
  installationProfile,
  installationReferencePrefix,
  isOfferedLocale,
  offeredLocales,
} from '@app/core';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import {
  csrfFrom,
  elfExecutable,
  multipart,
  png,
  rows,
  submitReport,
  uploadedFiles,
  validReport,
  walkReportSteps,
} from './case-fixtures';

/** The answers of a filled-in report form, as a browser sends them (empty fields included). */
function formAnswers(overrides: Record<string, string | string[]> = {}): [string, string][] {
  const answers: Record<string, string | string[]> = {
    description: 'They refused to register my newborn son at the civil registry office.',
    incidentDate: '2026-02-03',
    municipality: localCode('municipality', 'peje'),
    primaryArea: 'civil_registration',
    grounds: ['discrimination', 'harassment'],
    perpetratorKind: 'public_institution',
    community: localCode('community', 'egyptian'),
    reporterRole: 'victim',
    anonymous: 'yes',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    preferredLanguage: 'sq',
    helperKind: 'none',
    helperName: '',
    ...overrides,
  };
  return Object.entries(answers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]),
  );
}

/** The installation's default language (Albanian on both profiles). */
const DEFAULT_LOCALE = installationProfile().languages.default as (typeof LOCALES)[number];
/** The installation's case references: `PMD-2026-00042` (the profile's prefix). */
const REFERENCE = new RegExp(`^${installationReferencePrefix()}-\\d{4}-\\d{5}$`);

async function countCases(server: TestServer): Promise<number> {
  const [row] = await rows<{ n: number }>(server, 'SELECT count(*)::int AS n FROM cases');
  return row.n;
}

describe('The public pages', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', FOLLOW_UP_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Opens the report form like a browser and sends it back as multipart. */
  async function sendForm(
    answers: [string, string][],
    files: Parameters<typeof multipart>[1] = [],
    options: { csrf?: boolean; language?: string; idempotencyKey?: string } = {},
  ) {
    const page = await csrfFrom(
      server,
      `/report${options.language ? `?lang=${options.language}` : ''}`,
    );
    const key =
      options.idempotencyKey ?? /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart([['idempotencyKey', key], ...answers], files);
    const url =
      options.csrf === false ? '/report' : `/report?_csrf=${encodeURIComponent(page.token)}`;
    return server.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
  }

  describe('render in every offered language', () => {
    const expected = {
      sq: {
        home: 'Çfarë është diskriminimi?',
        report: 'Përshkruani çfarë ndodhi',
        area: 'Arsimi',
        follow: 'Kodi i pranimit',
      },
      sr: {
        home: 'Šta je diskriminacija?',
        report: 'Opišite šta se dogodilo',
        area: 'Obrazovanje',
        follow: 'Kod potvrde',
      },
      en: {
        home: 'What is discrimination?',
        report: 'Describe what happened',
        area: 'Education',
        follow: 'Receipt code',
      },
      // Serbian Cyrillic is the Serbian Latin text transliterated, labels included.
      'sr-Cyrl': {
        home: 'Шта је дискриминација?',
        report: 'Опишите шта се догодило',
        area: 'Образовање',
        follow: 'Код потврде',
      },
      // Romani is complete on public pages: no Albanian shows.
      rom: {
        home: 'So si diskriminacija?',
        report: 'Phen so ulo',
        area: 'Sikljovipe',
        follow: 'Kodi e primimasko',
      },
    } as const;

    it('are the profile’s languages', () => {
      const offered = installationProfile().languages.offered;
      expect(offeredLocales()).toEqual(
        offered.flatMap((l) => (l === 'sr' ? ['sr', 'sr-Cyrl'] : [l])),
      );
    });

    // A language the profile does not offer gets the default language's pages.
    it.each(LOCALES.map((l) => [l]))('%s', async (asked) => {
      const locale = isOfferedLocale(asked) ? asked : DEFAULT_LOCALE;
      const home = await server.app.inject({ method: 'GET', url: `/?lang=${asked}` });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain(`<html lang="${locale}">`);
      expect(home.body).toContain(expected[locale].home);

      const report = await server.app.inject({ method: 'GET', url: `/report?lang=${asked}` });
      expect(report.statusCode).toBe(200);
      expect(report.body).toContain(`<html lang="${locale}">`);
      expect(report.body).toContain(expected[locale].report);
      expect(report.body).not.toMatch(/\b(report|form|follow)\.[a-z_.]+\b(?![-\w]*\.)/);
      // The areas are asked on the second step, in the same language.
      const first = await csrfFrom(server, `/report?lang=${asked}`);
      const hidden = [
        ...first.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g),
      ].map((m) => [m[1], m[2]] as [string, string]);
      const step = multipart([
        ...hidden,
        ['description', 'They refused to register my newborn son at the registry.'],
        ['go', 'next'],
      ]);
      const second = await server.app.inject({
        method: 'POST',
        url: `/report/steps?_csrf=${encodeURIComponent(first.token)}&lang=${asked}`,
        payload: step.payload,
        headers: { ...step.headers, cookie: first.cookie },
      });
      expect(second.statusCode).toBe(200);
      expect(second.body).toContain(`<html lang="${locale}">`);
      expect(second.body).toContain(expected[locale].area);
      expect(second.body).not.toMatch(/\b(report|form|follow)\.[a-z_.]+\b(?![-\w]*\.)/);

      const followUp = await server.app.inject({ method: 'GET', url: `/follow-up?lang=${asked}` });
      expect(followUp.statusCode).toBe(200);
      expect(followUp.body).toContain(expected[locale].follow);
    });

    it('keeps Serbian Cyrillic as the language a reporter asks to be written in, where offered', async () => {
      if (!isOfferedLocale('sr-Cyrl')) {
        // Not offered: asked for through the API, it is refused by name, and no step offers it.
        const refused = await server.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          payload: validReport({ preferredLanguage: 'sr-Cyrl' }),
        });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().errors).toEqual([
          expect.objectContaining({ field: 'preferredLanguage', code: 'isIn' }),
        ]);
        const aboutYou = await walkReportSteps(server, 'sr-Cyrl', reportSteps());
        expect(aboutYou).toContain(`<html lang="${DEFAULT_LOCALE}">`);
        expect(aboutYou).not.toContain('value="sr-Cyrl"');
        for (const locale of offeredLocales()) {
          expect(aboutYou).toMatch(new RegExp(`<option value="${locale}" lang="${locale}"`));
        }
        return;
      }
      const filed = await submitReport(server, validReport({ preferredLanguage: 'sr-Cyrl' }));
      const [stored] = await rows<{ preferred_locale: string }>(
        server,
        'SELECT preferred_locale FROM cases WHERE reference = $1',
        [filed.reference],
      );
      expect(stored.preferred_locale).toBe('sr-Cyrl');
      // The step "about you" offers it among the languages to be written in.
      const aboutYou = await walkReportSteps(server, 'sr-Cyrl', reportSteps());
      expect(aboutYou).toMatch(/<option value="sr-Cyrl" lang="sr-Cyrl"[^>]*>Српски<\/option>/);
    });

    it('honours Accept-Language and defaults to Albanian', async () => {
      const serbian = await server.app.inject({
        method: 'GET',
        url: '/report',
        headers: { 'accept-language': 'sr-Latn-RS,sr;q=0.9' },
      });
      // Serbian where the profile offers it; else the default language.
      if (isOfferedLocale('sr')) {
        expect(serbian.body).toContain('<html lang="sr">');
        expect(serbian.body).toContain('Korak 1 od 7');
      } else {
        expect(serbian.body).toContain(`<html lang="${DEFAULT_LOCALE}">`);
        expect(serbian.body).toContain('Hapi 1 nga 7');
      }
      const romani = await server.app.inject({
        method: 'GET',
        url: '/report',
        headers: { 'accept-language': 'rom;q=0.9, de;q=0.5' },
      });
      expect(romani.body).toContain(
        `<html lang="${isOfferedLocale('rom') ? 'rom' : DEFAULT_LOCALE}">`,
      );
      const none = await server.app.inject({
        method: 'GET',
        url: '/report',
        headers: { 'accept-language': 'de' },
      });
      expect(none.body).toContain('<html lang="sq">');
    });
  });

  it('works without JavaScript: no inline script, the steps post multipart with their CSRF token', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/report' });
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page.body).toMatch(
      /<form method="post" action="\/report\/steps\?_csrf=[^"]+" enctype="multipart\/form-data"/,
    );
    expect(page.body).toMatch(/<input type="hidden" name="draft" value="[0-9a-f-]{36}">/);
  });

  it('files a report with a photo in one form post and shows the reference and receipt code once', async () => {
    const before = await countCases(server);
    const res = await sendForm(
      formAnswers(),
      [{ filename: 'registry.png', content: png(), contentType: 'image/png' }],
      {
        language: 'en',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const reference = /id="reference">([A-Z0-9-]+)</.exec(res.body)?.[1];
    expect(reference).toMatch(REFERENCE);
    const code = /id="receipt-code">(\d{4} \d{4} \d{4} \d{4})</.exec(res.body)?.[1];
    expect(reference).toBeDefined();
    expect(code).toBeDefined();
    expect(res.body).toContain('Write down or print the case reference and the receipt code now.');
    expect(res.body).toContain('Files attached: 1');
    expect(await countCases(server)).toBe(before + 1);

    const [stored] = await rows(
      server,
      'SELECT id, anonymous, municipality, preferred_locale FROM cases WHERE reference = $1',
      [reference],
    );
    expect(stored).toMatchObject({
      anonymous: true,
      municipality: localCode('municipality', 'peje'),
      preferred_locale: 'sq',
    });
    const evidence = await rows(
      server,
      'SELECT id, original_name, media_type FROM case_evidence WHERE case_id = $1',
      [stored.id],
    );
    expect(evidence).toEqual([
      { id: expect.any(String), original_name: 'registry.png', media_type: 'image/png' },
    ]);
    const id = String(evidence[0].id);
    expect(await uploadedFiles(server)).toContain(`${id.slice(0, 2)}/${id}`);

    // The code works on the follow-up API, with or without its spaces.
    const followUp = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference, receiptCode: code },
    });
    expect(followUp.statusCode).toBe(200);
  });

  it('files one case when the same form is sent twice (double click or reload)', async () => {
    const before = await countCases(server);
    const answers = formAnswers({
      description: 'A reload sent this form a second time by accident.',
    });
    const first = await sendForm(answers, [], { idempotencyKey: 'form-key-1' });
    const second = await sendForm(answers, [], { idempotencyKey: 'form-key-1' });
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const reference = (body: string) => /id="reference">([^<]+)</.exec(body)?.[1];
    expect(reference(second.body)).toBe(reference(first.body));
    expect(first.body).toContain('id="receipt-code"');
    expect(second.body).not.toContain('id="receipt-code"');
    expect(second.body).toContain('Ky raport është pranuar tashmë');
    expect(await countCases(server)).toBe(before + 1);
    const changed = await sendForm(
      formAnswers({ municipality: localCode('municipality', 'gjakove') }),
      [],
      {
        idempotencyKey: 'form-key-1',
      },
    );
    expect(changed.statusCode).toBe(409);
    expect(changed.body).toContain('Ky formular është dërguar tashmë');
  });

  it('refuses a form post without its CSRF token (403) and stores nothing', async () => {
    const before = await countCases(server);
    const filesBefore = await uploadedFiles(server);
    const res = await sendForm(formAnswers(), [{ filename: 'a.png', content: png() }], {
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(await countCases(server)).toBe(before);
    expect(await uploadedFiles(server)).toEqual(filesBefore);
  });

  it('shows the form again with every error, the answers kept and escaped, and keeps no file', async () => {
    const before = await countCases(server);
    const filesBefore = await uploadedFiles(server);
    const res = await sendForm(
      formAnswers({
        description: '<script>x</script>',
        grounds: [],
        municipality: '',
        anonymous: 'no',
        contactEmail: 'not-an-email',
      }),
      [{ filename: 'photo.png', content: png() }],
      { language: 'en' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Check these fields');
    for (const field of ['description', 'grounds', 'municipality', 'contactEmail']) {
      expect(res.body).toContain(`href="#f-${field}"`);
      expect(res.body).toContain(`id="f-${field}"`);
    }
    // One plain message per question, never "label: message".
    expect(res.body).toContain('>Tell us what happened, in at least 20 letters</a>');
    expect(res.body).toContain('>Choose at least one kind of treatment</a>');
    expect(res.body).toContain('>Choose the municipality where it happened</a>');
    expect(res.body).toContain('&lt;script&gt;x&lt;/script&gt;</textarea>');
    expect(res.body).not.toContain('<script>x</script>');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toMatch(/value="no" checked/);
    expect(res.body).toContain('The files were not kept because the form had errors.');
    expect(await countCases(server)).toBe(before);
    expect(await uploadedFiles(server)).toEqual(filesBefore);
  });

  it('shows the form again with 415 when a file is an executable in disguise', async () => {
    const before = await countCases(server);
    const filesBefore = await uploadedFiles(server);
    const res = await sendForm(formAnswers(), [
      { filename: 'fine.png', content: png() },
      { filename: 'photo.jpg', content: elfExecutable(), contentType: 'image/jpeg' },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('Ky lloj skedari nuk pranohet.');
    expect(res.body).toContain('They refused to register my newborn son');
    expect(await countCases(server)).toBe(before);
    expect(await uploadedFiles(server)).toEqual(filesBefore);
  });

  it('drops contact details typed before choosing to stay anonymous', async () => {
    const res = await sendForm(
      formAnswers({
        anonymous: 'yes',
        contactName: 'Typed Then Changed Mind',
        contactEmail: 'changed@example.org',
      }),
    );
    expect(res.statusCode).toBe(200);
    const reference = /id="reference">([^<]+)</.exec(res.body)?.[1];
    const [stored] = await rows(server, 'SELECT * FROM cases WHERE reference = $1', [reference]);
    expect(stored).toMatchObject({
      anonymous: true,
      contact_name_enc: null,
      contact_email_enc: null,
    });
  });

  describe('follow-up pages', () => {
    async function signIn(reference: string, receiptCode: string, language: string | null = 'en') {
      const page = await csrfFrom(server, language ? `/follow-up?lang=${language}` : '/follow-up');
      const res = await server.app.inject({
        method: 'POST',
        url: '/follow-up',
        payload: new URLSearchParams({ _csrf: page.token, reference, receiptCode }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie },
      });
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const session = cookies.find((c) => c.startsWith('pmd_follow_up='));
      return {
        res,
        session,
        cookie: [page.cookie, session?.split(';')[0]].filter(Boolean).join('; '),
      };
    }

    it('opens the case in the language the reporter asked to be written in', async () => {
      const filed = await submitReport(server, validReport({ preferredLanguage: 'rom' }));
      const { res, cookie } = await signIn(filed.reference, filed.receiptCode, null);
      expect(res.headers.location).toBe('/follow-up/case?lang=rom');
      const casePage = await server.app.inject({
        method: 'GET',
        url: res.headers.location as string,
        headers: { cookie },
      });
      expect(casePage.statusCode).toBe(200);
      expect(casePage.body).toContain('<html lang="rom">');
    });

    it('signs in with the code, keeps it out of URLs, and shows status, timeline, messages and evidence', async () => {
      const filed = await submitReport(server);
      const { res, session, cookie } = await signIn(
        filed.reference,
        filed.receiptCode.replace(/(\d{4})/g, '$1 '),
      );
      expect(res.statusCode).toBe(303);
      // The reporter chose English on the sign-in page: the case opens in it.
      expect(res.headers.location).toBe('/follow-up/case');
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Strict/i);
      expect(session).toMatch(/Path=\/follow-up/);
      expect(session).not.toContain(filed.receiptCode);

      const casePage = await server.app.inject({
        method: 'GET',
        url: '/follow-up/case?lang=en',
        headers: { cookie },
      });
      expect(casePage.statusCode).toBe(200);
      expect(casePage.body).toContain(`Case ${filed.reference}`);
      expect(casePage.body).toContain('Received');
      expect(casePage.body).toContain(
        'We received your report. A staff member will look at it soon.',
      );
      expect(casePage.body).not.toContain(filed.receiptCode);

      // A message, through the page.
      const token = /name="_csrf" value="([^"]+)"/.exec(casePage.body)?.[1] ?? '';
      const posted = await server.app.inject({
        method: 'POST',
        url: '/follow-up/messages',
        payload: new URLSearchParams({
          _csrf: token,
          body: 'I have a <b>letter</b> from them.',
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
      expect(posted.statusCode).toBe(303);
      const withMessage = await server.app.inject({
        method: 'GET',
        url: '/follow-up/case?done=message&lang=en',
        headers: { cookie },
      });
      expect(withMessage.body).toContain('Your message was sent.');
      expect(withMessage.body).toContain('I have a &lt;b&gt;letter&lt;/b&gt; from them.');

      // Evidence, through the page (multipart, token in the query).
      const upload = multipart([], [{ filename: 'letter.png', content: png() }]);
      const added = await server.app.inject({
        method: 'POST',
        url: `/follow-up/evidence?_csrf=${encodeURIComponent(token)}`,
        payload: upload.payload,
        headers: { ...upload.headers, cookie },
      });
      expect(added.statusCode).toBe(303);
      const withFile = await server.app.inject({
        method: 'GET',
        url: '/follow-up/case?lang=en',
        headers: { cookie },
      });
      const link = /href="(\/follow-up\/evidence\/[0-9a-f-]{36})"/.exec(withFile.body)?.[1];
      expect(link).toBeDefined();
      const download = await server.app.inject({ method: 'GET', url: link!, headers: { cookie } });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="letter.png"; filename*=UTF-8''letter.png`,
      );
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.rawPayload.equals(png())).toBe(true);

      // Without the session the file is not served.
      expect((await server.app.inject({ method: 'GET', url: link! })).statusCode).toBe(404);

      // Signing out ends the session.
      const out = await server.app.inject({
        method: 'POST',
        url: '/follow-up/sign-out',
        payload: new URLSearchParams({ _csrf: token }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
      expect(out.statusCode).toBe(303);
      const after = await server.app.inject({
        method: 'GET',
        url: '/follow-up/case',
        headers: { cookie },
      });
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toBe('/follow-up?expired=1');
    });

    it('renders the case page in every offered language', async () => {
      const filed = await submitReport(server);
      const { cookie } = await signIn(filed.reference, filed.receiptCode);
      const statuses = {
        sq: 'U pranua',
        sr: 'Primljeno',
        en: 'Received',
        'sr-Cyrl': 'Примљено',
        rom: 'Lilo',
      } as const;
      // A language the profile does not offer is not taken: the page stays in the language the
      // reporter chose before (English, on the sign-in page).
      for (const asked of LOCALES) {
        const locale = isOfferedLocale(asked) ? asked : 'en';
        const page = await server.app.inject({
          method: 'GET',
          url: `/follow-up/case?lang=${asked}`,
          headers: { cookie },
        });
        expect([asked, page.statusCode]).toEqual([asked, 200]);
        expect(page.body).toContain(`<html lang="${locale}">`);
        expect(page.body).toContain(statuses[locale]);
      }
    });

    it('shows the same error for a wrong code and an unknown reference, and keeps the code out of the page', async () => {
      const filed = await submitReport(server);
      const wrong = await signIn(filed.reference, '1111 2222 3333 4444');
      const unknown = await signIn(
        `${installationReferencePrefix()}-2020-88888`,
        filed.receiptCode,
      );
      expect(wrong.res.statusCode).toBe(404);
      expect(unknown.res.statusCode).toBe(404);
      expect(wrong.session).toBeUndefined();
      const message = 'We could not find a case with this reference and receipt code.';
      expect(wrong.res.body).toContain(message);
      expect(unknown.res.body).toContain(message);
      expect(unknown.res.body).not.toContain(filed.receiptCode);
    });

    it('ends a session after 30 idle minutes', async () => {
      const filed = await submitReport(server);
      const { cookie } = await signIn(filed.reference, filed.receiptCode);
      server.clock.advance(29 * 60_000);
      expect(
        (await server.app.inject({ method: 'GET', url: '/follow-up/case', headers: { cookie } }))
          .statusCode,
      ).toBe(200);
      server.clock.advance(29 * 60_000);
      expect(
        (await server.app.inject({ method: 'GET', url: '/follow-up/case', headers: { cookie } }))
          .statusCode,
      ).toBe(200);
      server.clock.advance(31 * 60_000);
      const expired = await server.app.inject({
        method: 'GET',
        url: '/follow-up/case',
        headers: { cookie },
      });
      expect(expired.statusCode).toBe(303);
      const notice = await server.app.inject({
        method: 'GET',
        url: '/follow-up?expired=1&lang=en',
      });
      expect(notice.body).toContain('Your session ended.');
    });
  });
});

/** The steps of a report up to "about you", in the installation's own codes. */
function reportSteps(): Record<string, string>[] {
  return [
    { description: 'They refused to register my newborn son at the registry.' },
    {
      municipality: localCode('municipality', 'peje'),
      incidentDate: '2026-02-03',
      primaryArea: 'health',
    },
    { perpetratorKind: 'school', grounds: 'discrimination' },
  ];
}
