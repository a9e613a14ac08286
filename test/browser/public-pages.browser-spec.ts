import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { kosovoDate } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import {
  BrowserServer,
  PHONE,
  andLoad,
  axeViolations,
  expectAccessible,
  expectPath,
  launchBrowser,
  newContext,
  screenshot,
  startBrowserServer,
  submit,
  watchErrors,
} from './support/browser';
import { photoPng } from './support/photo';

/**
 * The public pages a reporter meets, checked with axe-core in each language and state, the
 * report form filed by keyboard alone and with JavaScript switched off, and the weight of
 * the first pages on a phone.
 */
describe('public pages in a real browser', () => {
  let server: BrowserServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function phonePage(locale: string, extra = {}): Promise<Page> {
    const context = await newContext(browser, PHONE, locale, extra);
    contexts.push(context);
    return context.newPage();
  }

  function threeDaysAgo(): string {
    const d = new Date(`${kosovoDate(server.clock.now())}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 3);
    return d.toISOString().slice(0, 10);
  }

  async function caseByReference(reference: string): Promise<Record<string, unknown>> {
    const [row] = (await server.app.get(DataSource).query(
      `SELECT c.status, c.anonymous, c.incident_date::text AS incident_date, c.municipality,
              c.primary_area, c.community, c.perpetrator_kind, c.reporter_role,
              array(SELECT g.ground FROM case_grounds g WHERE g.case_id = c.id ORDER BY g.ground)
                AS grounds,
              (SELECT count(*)::int FROM case_evidence e WHERE e.case_id = c.id) AS evidence
         FROM cases c WHERE c.reference = $1`,
      [reference],
    )) as Record<string, unknown>[];
    return row;
  }

  describe('accessibility (axe-core, WCAG 2.1 AA: nothing serious or critical)', () => {
    it('the checker itself finds a field without a label on a page without a language', async () => {
      // Guards every other check here: an axe that silently ran nothing would pass them all.
      const page = await phonePage('en');
      await page.setContent(
        '<!doctype html><html><head><title>Broken</title></head><body><main><input type="text"></main></body></html>',
      );
      const rules = (await axeViolations(page)).map((finding) => finding.rule);
      expect(rules).toEqual(expect.arrayContaining(['html-has-lang', 'label']));
    });

    it.each(['sq', 'sr', 'sr-Cyrl', 'en', 'rom'])('the home page in %s', async (locale) => {
      const page = await phonePage(locale);
      const errors = watchErrors(page);
      await page.goto(server.url(`/?lang=${locale}`));
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      await expectAccessible(page);
      expect(errors).toEqual([]);
    });

    it('the report form, empty and then with the errors of an empty submission', async () => {
      const page = await phonePage('sq');
      const errors = watchErrors(page);
      await page.goto(server.url('/report'));
      await expectAccessible(page);
      await submit(page.locator('form.report-form button[type=submit]'));
      const summary = page.locator('.error-summary');
      expect(await summary.isVisible()).toBe(true);
      // Every error in the summary links to a field that exists on the page.
      const targets = await summary
        .locator('a')
        .evaluateAll((links) => links.map((a) => (a as unknown as { hash: string }).hash));
      expect(targets.length).toBeGreaterThan(3);
      for (const hash of targets) expect(await page.locator(hash).count()).toBe(1);
      await expectAccessible(page);
      await screenshot(page, 'a11y-report-errors-phone-sq');
      expect(errors).toEqual([]);
    });

    it('the follow-up sign-in, its wrong-code error and the case page', async () => {
      const filed = await submitReport(server, validReport({ incidentDate: threeDaysAgo() }));
      const page = await phonePage('en');
      const errors = watchErrors(page);
      await page.goto(server.url('/follow-up'));
      await expectAccessible(page);

      await page.fill('#f-reference', filed.reference);
      await page.fill('#f-receiptCode', '0000 0000 0000 0000');
      await submit(page.locator('main form button[type=submit]'));
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      await expectAccessible(page);

      await page.fill('#f-reference', filed.reference);
      await page.fill('#f-receiptCode', filed.receiptCode);
      await submit(page.locator('main form button[type=submit]'));
      expectPath(page, '/follow-up/case');
      await expectAccessible(page);
      expect(errors).toEqual([]);
    });

    it('the public statistics, an unknown page and an invalid referral link', async () => {
      const page = await phonePage('sr');
      const errors = watchErrors(page);
      await page.goto(server.url('/statistics'));
      await expectAccessible(page);
      const missing = await page.goto(server.url('/no-such-page'));
      expect(missing?.status()).toBe(404);
      await expectAccessible(page);
      await page.goto(server.url(`/referrals/respond/${'A'.repeat(43)}`));
      await expectAccessible(page);
      expect(errors).toEqual([]);
    });
  });

  it('the report form can be completed and sent with the keyboard alone', async () => {
    // en-US: the date field takes month, day, year as typed digits.
    const page = await phonePage('en-US');
    const errors = watchErrors(page);
    const keys = page.keyboard;
    // Playwright turns on the interception of file pickers when the first listener is added, and
    // that reaches the browser asynchronously: added only together with the key press, it can
    // arrive after the picker opened (seen on a busy machine), and the event never comes.
    page.on('filechooser', () => undefined);
    await page.goto(server.url('/report'));

    /** Tab (forwards) until the focused element matches `selector`; no mouse, no script. */
    async function tabTo(selector: string): Promise<void> {
      for (let presses = 0; presses < 250; presses++) {
        const there = await page.evaluate(
          (s) =>
            (
              globalThis as unknown as {
                document: { activeElement: { matches(s: string): boolean } | null };
              }
            ).document.activeElement?.matches(s) ?? false,
          selector,
        );
        if (there) return;
        await keys.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    }

    async function chooseByArrows(name: string, value: string): Promise<void> {
      await tabTo(`input[name=${name}]`);
      for (let presses = 0; presses < 20; presses++) {
        if (await page.locator(`input[name=${name}][value=${value}]:focus`).count()) break;
        await keys.press('ArrowDown');
      }
      await keys.press('Space');
      expect(await page.isChecked(`input[name=${name}][value=${value}]`)).toBe(true);
    }

    async function selectByTyping(selector: string, text: string, value: string): Promise<void> {
      await tabTo(selector);
      await keys.type(text);
      expect(await page.inputValue(selector)).toBe(value);
    }

    await tabTo('#f-description');
    await keys.type('At the health centre the nurse refused to register my Roma neighbours.');
    await tabTo('#f-incidentDate');
    const [year, month, day] = threeDaysAgo().split('-');
    await keys.type(`${month}${day}${year}`);
    expect(await page.inputValue('#f-incidentDate')).toBe(threeDaysAgo());
    await selectByTyping('#f-municipality', 'Gjilan', 'gjilan');
    await chooseByArrows('primaryArea', 'health');
    await tabTo('input[name=grounds][value=discrimination]');
    await keys.press('Space');
    await selectByTyping('#f-perpetratorKind', 'Health', 'health_facility');
    await chooseByArrows('community', 'ashkali');
    await chooseByArrows('reporterRole', 'witness');
    // Anonymous, no helper and the page's language are already chosen by default.
    expect(await page.isChecked('input[name=anonymous][value=yes]')).toBe(true);
    // Space on the file field opens the phone's file picker, where a photo is chosen.
    await tabTo('#f-evidence');
    const [picker] = await Promise.all([page.waitForEvent('filechooser'), keys.press('Space')]);
    await picker.setFiles({ name: 'qendra.png', mimeType: 'image/png', buffer: photoPng() });

    await tabTo('form.report-form button[type=submit]');
    await andLoad(page, () => keys.press('Enter'));
    const reference = (await page.locator('#reference').innerText()).trim();
    expect(reference).toMatch(/^PMD-\d{4}-\d{5}$/);
    await expect(caseByReference(reference)).resolves.toEqual({
      status: 'submitted',
      anonymous: true,
      incident_date: threeDaysAgo(),
      municipality: 'gjilan',
      primary_area: 'health',
      community: 'ashkali',
      perpetrator_kind: 'health_facility',
      reporter_role: 'witness',
      grounds: ['discrimination'],
      evidence: 1,
    });
    await screenshot(page, 'keyboard-confirmation-phone-en');
    expect(errors).toEqual([]);
  });

  it('the report form is sent with JavaScript switched off, and the confirmation needs none', async () => {
    const page = await phonePage('sq', { javaScriptEnabled: false });
    await page.goto(server.url('/report'));
    await page.fill(
      '#f-description',
      'Në komunë nuk më lanë të regjistroj fëmijën pa pagesë shtesë.',
    );
    await page.fill('#f-incidentDate', threeDaysAgo());
    await page.selectOption('#f-municipality', 'ferizaj');
    await page.check('input[name=primaryArea][value=civil_registration]');
    await page.check('input[name=grounds][value=discrimination]');
    await page.selectOption('#f-perpetratorKind', 'municipality');
    await page.check('input[name=community][value=egyptian]');
    await page.check('input[name=reporterRole][value=victim]');
    await submit(page.locator('form.report-form button[type=submit]'));

    const reference = (await page.locator('#reference').innerText()).trim();
    expect(reference).toMatch(/^PMD-\d{4}-\d{5}$/);
    expect((await page.locator('#receipt-code').innerText()).replace(/\D/g, '')).toHaveLength(16);
    // The print button is shown by script only: still hidden proves no script ran.
    expect(await page.locator('[data-print]').isHidden()).toBe(true);
    await expect(caseByReference(reference)).resolves.toMatchObject({
      status: 'submitted',
      municipality: 'ferizaj',
      community: 'egyptian',
      evidence: 0,
    });
    await screenshot(page, 'no-javascript-confirmation-phone-sq');
  });

  describe('page weight on a phone, with an empty cache', () => {
    const BUDGET_BYTES = 150 * 1024;

    it.each(['/', '/report'])(
      '%s transfers at most 150 KB with everything it loads',
      async (path) => {
        // A new context has an empty cache: every byte of the page, its styles, scripts and
        // fonts crosses the network, as on a reporter's first visit.
        const page = await phonePage('sq');
        const response = await page.goto(server.url(path), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        const entries = await page.evaluate(() => {
          const perf = (
            globalThis as unknown as {
              performance: {
                getEntriesByType(type: string): {
                  name: string;
                  transferSize: number;
                  encodedBodySize: number;
                }[];
              };
            }
          ).performance;
          // transferSize is 0 for an entry served from a cache; its body size is the floor then.
          return [...perf.getEntriesByType('navigation'), ...perf.getEntriesByType('resource')].map(
            (e) => ({ name: e.name, bytes: e.transferSize || e.encodedBodySize }),
          );
        });
        // The page itself and at least its stylesheet were measured, each a real transfer.
        expect(entries.some((e) => e.name.endsWith('/static/css/app.css'))).toBe(true);
        for (const entry of entries) expect(entry.bytes).toBeGreaterThan(0);
        const total = entries.reduce((sum, e) => sum + e.bytes, 0);
        expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
      },
    );
  });
});
