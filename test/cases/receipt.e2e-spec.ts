import { formatReceiptCode } from '@app/cases';
import { installationReferencePrefix, isOfferedLocale, offeredLocales } from '@app/core';
import { pdfText } from '../support/pdf-text';
import { localCode, localName } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import { csrfFrom, multipart, rows, submitReport, validReport } from './case-fixtures';

/** Facts of the case that must never reach the receipt. */
const DESCRIPTION = 'The bakery owner shouted at my sister and refused to sell her bread.';
const REPORT = validReport({
  description: DESCRIPTION,
  municipality: localCode('municipality', 'gjilan'),
  primaryArea: 'goods_and_services',
  perpetratorKind: 'business',
});

describe('The receipt a reporter downloads', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ FOLLOW_UP_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Posts the receipt form as the confirmation page does (CSRF cookie and token from a page). */
  async function download(fields: Record<string, string>, options: { lang?: string } = {}) {
    const opened = await csrfFrom(server, '/follow-up');
    return server.app.inject({
      method: 'POST',
      url: `/report/receipt${options.lang ? `?lang=${options.lang}` : ''}`,
      headers: { cookie: opened.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: opened.token, ...fields }).toString(),
    });
  }

  async function attemptsOf(reference: string): Promise<number> {
    const found = await rows<{ attempts: number }>(
      server,
      'SELECT attempts FROM follow_up_client_attempts WHERE reference = $1',
      [reference],
    );
    return found.reduce((sum, row) => sum + row.attempts, 0);
  }

  it('answers the right pair with a PDF attachment holding the reference and the code, in the chosen language, and nothing of the case', async () => {
    const filed = await submitReport(server, REPORT);
    const code = formatReceiptCode(filed.receiptCode);
    const expected = {
      sq: ['Vërtetim i raportit', 'Kodi i pranimit', 'Çfarë ndodh më pas'],
      sr: ['Potvrda o prijavi', 'Kod potvrde', 'Šta se dalje dešava'],
      en: ['Receipt of your report', 'Receipt code', 'What happens next'],
      rom: ['Potvrda e raportesko', 'Kodi e primimasko', 'So ka ovel palal'],
    };
    // Every language the installation offers (Serbian on Kosovo's).
    const offered = Object.entries(expected).filter(([lang]) => isOfferedLocale(lang));
    expect(offered.length).toBe(offeredLocales().length - (isOfferedLocale('sr-Cyrl') ? 1 : 0));
    for (const [lang, texts] of offered) {
      const res = await download({ reference: filed.reference, receiptCode: code }, { lang });
      expect([lang, res.statusCode]).toEqual([lang, 200]);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(
        `attachment; filename="receipt-${filed.reference}.pdf"`,
      );
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const text = await pdfText(res.rawPayload);
      for (const shown of [filed.reference, code, 'http://', '/follow-up', ...texts]) {
        expect([lang, text.includes(shown)]).toEqual([lang, true]);
      }
      for (const fact of [
        DESCRIPTION,
        'bakery',
        'Gjilan',
        'Gnjilane',
        localName('municipality', localCode('municipality', 'gjilan')),
        'roma',
        'Roma',
        '2026-01-15',
      ]) {
        expect([lang, fact, text.includes(fact)]).toEqual([lang, fact, false]);
      }
    }
    // The code typed without spaces is the same code.
    const plain = await download({ reference: filed.reference, receiptCode: filed.receiptCode });
    expect(plain.statusCode).toBe(200);
    expect(await attemptsOf(filed.reference)).toBe(0);
  });

  it('refuses a wrong pair with a page, and counts it as a receipt-code attempt', async () => {
    const filed = await submitReport(server, REPORT);
    const wrong = filed.receiptCode.startsWith('1')
      ? `2${filed.receiptCode.slice(1)}`
      : `1${filed.receiptCode.slice(1)}`;
    const res = await download({ reference: filed.reference, receiptCode: wrong }, { lang: 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('The receipt was not made');
    expect(res.body).not.toContain(wrong);
    expect(res.body).not.toContain(formatReceiptCode(wrong));
    expect(await attemptsOf(filed.reference)).toBe(1);

    // The same limits as a sign-in: enough wrong codes lock this client out of the reference.
    const limit = server.config.cases.followUpMaxAttempts;
    let last = res;
    for (let i = 1; i < limit + 1; i++) {
      server.clock.advance(server.config.cases.followUpBackoffMaxSeconds * 1000);
      last = await download({ reference: filed.reference, receiptCode: wrong }, { lang: 'en' });
    }
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    const locked = await download(
      { reference: filed.reference, receiptCode: formatReceiptCode(filed.receiptCode) },
      { lang: 'en' },
    );
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('text/html');
  });

  it('refuses a form without its CSRF token, and a malformed pair without counting it', async () => {
    const filed = await submitReport(server, REPORT);
    const noToken = await server.app.inject({
      method: 'POST',
      url: '/report/receipt',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        reference: filed.reference,
        receiptCode: filed.receiptCode,
      }).toString(),
    });
    expect(noToken.statusCode).toBe(403);
    const malformed = await download({ reference: filed.reference, receiptCode: '12' });
    expect(malformed.statusCode).toBe(400);
    expect(await attemptsOf(filed.reference)).toBe(0);
  });

  it('puts the receipt form, the copy button and the shared-phone choice on the confirmation page, and its form works as posted', async () => {
    const page = await csrfFrom(server, '/report?lang=en');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart([
      ['idempotencyKey', key],
      ['description', DESCRIPTION],
      ['incidentDate', '2026-02-03'],
      ['municipality', localCode('municipality', 'gjilan')],
      ['primaryArea', 'goods_and_services'],
      ['grounds', 'discrimination'],
      ['perpetratorKind', 'business'],
      ['community', 'roma'],
      ['reporterRole', 'witness'],
      ['anonymous', 'yes'],
      ['preferredLanguage', 'en'],
      ['helperKind', 'none'],
    ]);
    const done = await server.app.inject({
      method: 'POST',
      url: `/report?_csrf=${encodeURIComponent(page.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
    expect(done.statusCode).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    const reference = /id="reference">([^<]+)</.exec(done.body)?.[1] ?? '';
    const code = /id="receipt-code">([^<]+)</.exec(done.body)?.[1] ?? '';
    expect(reference).toMatch(new RegExp(`^${installationReferencePrefix()}-\\d{4}-\\d{5}$`));
    expect(done.body).toContain('action="/report/receipt?lang=en"');
    expect(done.body).toContain(`name="receiptCode" value="${code}"`);
    expect(done.body).toContain('Download your receipt (PDF)');
    expect(done.body).toContain('I am on a shared phone: do not download');
    expect(done.body).toContain('Write the case reference and the code on paper');
    expect(done.body).toMatch(
      /<button type="button" class="secondary" data-copy="receipt-code"[^>]* hidden>/,
    );
    expect(done.body).toContain('src="/static/js/receipt.js" defer');
    expect(done.body).not.toMatch(/<script(?![^>]*src=)/);

    // The form as the page posts it: the page's own cookie and token.
    const setCookie = ([] as string[]).concat(done.headers['set-cookie'] ?? []);
    const cookie = [page.cookie, ...setCookie.map((c) => c.split(';')[0])].join('; ');
    const fields = new URLSearchParams();
    for (const [, name, value] of done.body.matchAll(
      /<input type="hidden" name="(_csrf|reference|receiptCode)" value="([^"]*)">/g,
    )) {
      fields.set(name, value);
    }
    const receipt = await server.app.inject({
      method: 'POST',
      url: '/report/receipt?lang=en',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: fields.toString(),
    });
    expect(receipt.statusCode).toBe(200);
    const text = await pdfText(receipt.rawPayload);
    expect(text).toContain(reference);
    expect(text).toContain(code);
    expect(text).not.toContain('bakery');
  });
});
