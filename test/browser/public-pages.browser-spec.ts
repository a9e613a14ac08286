import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { installationDate } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import {
  BrowserServer,
  PHONE,
  andLoad,
  auditEveryPage,
  axeViolations,
  expectAccessible,
  expectPath,
  go,
  launchBrowser,
  newContext,
  screenshot,
  startBrowserServer,
  submit,
  visibleText,
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
    const d = new Date(`${installationDate(server.clock.now())}T12:00:00Z`);
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

    it('the first step of the report, empty and then with the error of an empty answer', async () => {
      const page = await phonePage('sq');
      const errors = watchErrors(page);
      await page.goto(server.url('/report'));
      await expectAccessible(page);
      await submit(page.locator('form.report-step button[value=next]'));
      const summary = page.locator('.error-summary');
      expect(await summary.isVisible()).toBe(true);
      // Every error in the summary links to a field that exists on the page.
      const targets = await summary
        .locator('a')
        .evaluateAll((links) => links.map((a) => (a as unknown as { hash: string }).hash));
      expect(targets).toEqual(['#f-description']);
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

  it('the report can be completed and sent with the keyboard alone', async () => {
    // en-US: the date field takes month, day, year as typed digits.
    const page = auditEveryPage(await phonePage('en-US'), 'any');
    const errors = watchErrors(page);
    const keys = page.keyboard;
    // Playwright turns on the interception of file pickers when the first listener is added, and
    // that reaches the browser asynchronously: added only together with the key press, it can
    // arrive after the picker opened (seen on a busy machine), and the event never comes.
    page.on('filechooser', () => undefined);
    await go(page, server.url('/report'));

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
        if (there) {
          await expectVisibleFocus(selector);
          return;
        }
        await keys.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    }

    /**
     * The focused element shows a ring of at least 2 px whose colour has a contrast of 3:1 or
     * more with what is behind it (WCAG 2.2, 2.4.13 / 1.4.11).
     */
    async function expectVisibleFocus(selector: string): Promise<void> {
      const ring = await page.evaluate(() => {
        type El = { parentElement: El | null };
        const g = globalThis as unknown as {
          document: { activeElement: El | null };
          getComputedStyle(e: El): Record<string, string>;
        };
        const focused = g.document.activeElement!;
        const style = g.getComputedStyle(focused);
        let behind = 'rgb(255, 255, 255)';
        for (let e: El | null = focused.parentElement; e; e = e.parentElement) {
          const bg = g.getComputedStyle(e).backgroundColor;
          if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
            behind = bg;
            break;
          }
        }
        return {
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          color: style.outlineColor,
          behind,
        };
      });
      const luminance = (rgb: string) => {
        const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [light, dark] = [luminance(ring.color), luminance(ring.behind)].sort((a, b) => b - a);
      const contrast = (light + 0.05) / (dark + 0.05);
      expect({ selector, visible: ring.style !== 'none' && ring.width >= 2 }).toEqual({
        selector,
        visible: true,
      });
      expect({ selector, contrastAtLeast3: contrast >= 3 }).toEqual({
        selector,
        contrastAtLeast3: true,
      });
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

    /** Enter on "Continue" (or "Send"), and the next page. */
    async function press(button: 'next' | 'send'): Promise<void> {
      await tabTo(`form.report-step button[value=${button}]`);
      await andLoad(page, () => keys.press('Enter'));
    }

    await tabTo('#f-description');
    await keys.type('At the health centre the nurse refused to register my Roma neighbours.');
    await press('next');
    await selectByTyping('#f-municipality', 'Gjilan', 'gjilan');
    await tabTo('#f-incidentDate');
    const [year, month, day] = threeDaysAgo().split('-');
    await keys.type(`${month}${day}${year}`);
    expect(await page.inputValue('#f-incidentDate')).toBe(threeDaysAgo());
    // Continue without the area: the error summary takes the focus.
    await press('next');
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    await chooseByArrows('primaryArea', 'health');
    await press('next');
    await selectByTyping('#f-perpetratorKind', 'Health', 'health_facility');
    await tabTo('input[name=grounds][value=discrimination]');
    await keys.press('Space');
    await press('next');
    await chooseByArrows('community', 'ashkali');
    await chooseByArrows('reporterRole', 'witness');
    await press('next');
    // Nothing is chosen for the reporter: the arrows choose.
    expect(await page.locator('input[name=anonymous]:checked').count()).toBe(0);
    await chooseByArrows('anonymous', 'yes');
    await press('next');
    // Space on the file field opens the phone's file picker, where a photo is chosen.
    await tabTo('#f-evidence');
    const [picker] = await Promise.all([page.waitForEvent('filechooser'), keys.press('Space')]);
    await picker.setFiles({ name: 'qendra.png', mimeType: 'image/png', buffer: photoPng() });
    await press('next');
    expect(await visibleText(page)).toContain('qendra.png');
    await press('send');

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

  describe.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('the report step by step %s', (mode, javaScriptEnabled) => {
    const tag = javaScriptEnabled ? 'js' : 'nojs';

    async function reporterPage(locale: string): Promise<Page> {
      // Every step and error state: no axe finding at any impact.
      return auditEveryPage(await phonePage(locale, { javaScriptEnabled }), 'any');
    }

    const next = (page: Page) => submit(page.locator('form.report-step button[value=next]'));

    it('a named report, with a deliberate error corrected without retyping', async () => {
      const page = await reporterPage('sq');
      const errors = watchErrors(page);
      await go(page, server.url('/report'));
      expect(await page.locator('.step-progress').innerText()).toBe('Hapi 1 nga 7');
      await screenshot(page, `steps-${tag}-1-what`);
      const description = 'Në komunë nuk më lanë të regjistroj fëmijën pa pagesë shtesë.';
      await page.fill('#f-description', description);
      await next(page);

      // The deliberate error: no municipality.
      await page.fill('#f-incidentDate', threeDaysAgo());
      await page.check('input[name=primaryArea][value=civil_registration]');
      await next(page);
      const summary = page.locator('.error-summary');
      expect(await summary.innerText()).toContain('Zgjidhni komunën ku ndodhi');
      expect(await page.locator('.error-summary:focus').count()).toBe(1);
      expect(await page.getAttribute('#f-municipality', 'aria-describedby')).toBe(
        'e-municipality-1',
      );
      await screenshot(page, `steps-${tag}-2-where-error`);
      // What was typed and chosen is still there: only the municipality is chosen now.
      expect(await page.inputValue('#f-incidentDate')).toBe(threeDaysAgo());
      expect(await page.isChecked('input[name=primaryArea][value=civil_registration]')).toBe(true);
      await page.selectOption('#f-municipality', 'ferizaj');
      await next(page);

      await screenshot(page, `steps-${tag}-3-who`);
      await page.selectOption('#f-perpetratorKind', 'municipality');
      await page.check('input[name=grounds][value=discrimination]');
      await next(page);
      await screenshot(page, `steps-${tag}-4-you`);
      await page.check('input[name=community][value=egyptian]');
      await page.check('input[name=reporterRole][value=victim]');
      await next(page);
      await screenshot(page, `steps-${tag}-5-contact`);
      await page.check('input[name=anonymous][value=no]');
      await next(page);
      expect(await page.locator('.step-progress').innerText()).toBe('Hapi 5 nga 7');
      await screenshot(page, `steps-${tag}-5-details`);
      await page.fill('#f-contactName', 'Drita');
      await page.fill('#f-contactPhone', '+383 44 123 456');
      await page.check('#f-consentToContact');
      await next(page);
      await screenshot(page, `steps-${tag}-6-evidence`);
      await next(page);
      await screenshot(page, `steps-${tag}-7-check`);
      const check = await visibleText(page);
      for (const text of [
        description,
        'Ferizaj',
        'Drita',
        '+383 44 123 456',
        'Dua të më kontaktoni',
      ])
        expect(check).toContain(text);

      // "Change" goes to the question and comes back to the check.
      await submit(page.locator('button[value=change-where]').first());
      expect(await page.inputValue('#f-municipality')).toBe('ferizaj');
      await next(page);
      expect(await page.locator('h1').innerText()).toBe(
        'Kontrolloni përgjigjet para se t’i dërgoni',
      );

      await submit(page.locator('form.report-step button[value=send]'));
      const reference = (await page.locator('#reference').innerText()).trim();
      expect(reference).toMatch(/^PMD-\d{4}-\d{5}$/);
      await expect(caseByReference(reference)).resolves.toMatchObject({
        anonymous: false,
        municipality: 'ferizaj',
        community: 'egyptian',
        evidence: 0,
      });
      await screenshot(page, `steps-${tag}-8-done`);
      expect(errors).toEqual([]);
    });

    it('an anonymous report with evidence, kept across an error without choosing the files again', async () => {
      const page = await reporterPage('en');
      const errors = watchErrors(page);
      await go(page, server.url('/report'));
      await page.fill('#f-description', 'The shop guard followed only us and asked us to leave.');
      await next(page);
      await page.selectOption('#f-municipality', 'peje');
      await page.fill('#f-incidentDate', threeDaysAgo());
      await page.check('input[name=primaryArea][value=goods_and_services]');
      await next(page);
      await page.selectOption('#f-perpetratorKind', 'business');
      await page.check('input[name=grounds][value=harassment]');
      await next(page);
      await page.check('input[name=community][value=roma]');
      await page.check('input[name=reporterRole][value=witness]');
      await next(page);
      await page.check('input[name=anonymous][value=yes]');
      await next(page);
      await page.setInputFiles('#f-evidence', [
        { name: 'guard.png', mimeType: 'image/png', buffer: photoPng() },
        { name: 'receipt.png', mimeType: 'image/png', buffer: photoPng(32, 32) },
      ]);
      await expectAccessible(page, 'any');
      await next(page);
      expect(await visibleText(page)).toContain('guard.png, receipt.png');

      // The deliberate error after the files: the description made too short.
      await submit(page.locator('button[value=change-what]').first());
      await page.fill('#f-description', 'Too short');
      await next(page);
      expect(await page.locator('.error-summary').innerText()).toContain(
        'Tell us what happened, in at least 20 letters',
      );
      expect(await page.locator('.error-summary:focus').count()).toBe(1);
      await screenshot(page, `steps-${tag}-anonymous-error`);
      await page.fill('#f-description', 'The shop guard followed only us and asked us to leave.');
      await next(page);
      // Back at the check, the files are still attached: none was chosen again.
      expect(await visibleText(page)).toContain('guard.png, receipt.png');
      expect(await visibleText(page)).toContain('I want to stay anonymous');
      await screenshot(page, `steps-${tag}-anonymous-check`);
      await submit(page.locator('form.report-step button[value=send]'));
      const reference = (await page.locator('#reference').innerText()).trim();
      await expect(caseByReference(reference)).resolves.toMatchObject({
        anonymous: true,
        municipality: 'peje',
        evidence: 2,
      });
      if (!javaScriptEnabled) {
        // The print button is shown by script only: still hidden proves no script ran.
        expect(await page.locator('[data-print]').isHidden()).toBe(true);
      }
      expect(errors).toEqual([]);
      void mode;
    });

    it.each(['sr', 'sr-Cyrl', 'rom'])(
      'in %s too: an anonymous report with evidence, an error corrected, the files kept',
      async (locale) => {
        const page = await reporterPage(locale);
        const errors = watchErrors(page);
        await go(page, server.url(`/report?lang=${locale}`));
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        await page.fill(
          '#f-description',
          'Na shkolla e fëmijëve tanë u ndanë në klasë të veçantë.',
        );
        await next(page);
        await page.selectOption('#f-municipality', 'gjilan');
        await page.fill('#f-incidentDate', threeDaysAgo());
        await page.check('input[name=primaryArea][value=education]');
        await next(page);
        await page.selectOption('#f-perpetratorKind', 'school');
        await page.check('input[name=grounds][value=segregation]');
        await next(page);
        await page.check('input[name=community][value=egyptian]');
        await next(page);
        await page.check('input[name=anonymous][value=yes]');
        await next(page);
        await page.setInputFiles('#f-evidence', [
          { name: 'class.png', mimeType: 'image/png', buffer: photoPng() },
        ]);
        await next(page);
        // The deliberate error: the description made too short, in the page's language.
        await submit(page.locator('button[value=change-what]').first());
        await page.fill('#f-description', 'Kratko');
        await next(page);
        const summary = await page.locator('.error-summary').innerText();
        expect(summary).not.toContain('Tell us what happened');
        expect(summary).toMatch(/20/);
        expect(await page.locator('.error-summary:focus').count()).toBe(1);
        await screenshot(page, `steps-${tag}-${locale}-error`);
        await page.fill(
          '#f-description',
          'Na shkolla e fëmijëve tanë u ndanë në klasë të veçantë.',
        );
        await next(page);
        expect(await visibleText(page)).toContain('class.png');
        await submit(page.locator('form.report-step button[value=send]'));
        const reference = (await page.locator('#reference').innerText()).trim();
        await expect(caseByReference(reference)).resolves.toMatchObject({
          anonymous: true,
          municipality: 'gjilan',
          evidence: 1,
        });
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        await screenshot(page, `steps-${tag}-${locale}-done`);
        expect(errors).toEqual([]);
      },
    );
  });

  describe('page weight and first paint on a phone, with an empty cache', () => {
    const BUDGET_BYTES = 150 * 1024;
    /** Each step of the report, with everything it loads. */
    const STEP_BUDGET_BYTES = 50 * 1024;

    type Entry = { name: string; bytes: number; encoding: string };

    /** Every transfer of the page as loaded (a cached one counts its body). */
    async function transfers(page: Page): Promise<Entry[]> {
      return page.evaluate(() => {
        const perf = (
          globalThis as unknown as {
            performance: {
              getEntriesByType(type: string): {
                name: string;
                transferSize: number;
                encodedBodySize: number;
                decodedBodySize: number;
              }[];
            };
          }
        ).performance;
        // transferSize is 0 for an entry served from a cache; its body size is the floor then.
        return [...perf.getEntriesByType('navigation'), ...perf.getEntriesByType('resource')].map(
          (e) => ({
            name: e.name,
            bytes: e.transferSize || e.encodedBodySize,
            encoding: e.encodedBodySize < e.decodedBodySize ? 'compressed' : 'identity',
          }),
        );
      });
    }

    async function firstPaintMs(page: Page): Promise<number | undefined> {
      return page.evaluate(() => {
        const perf = (
          globalThis as unknown as {
            performance: { getEntriesByType(type: string): { name: string; startTime: number }[] };
          }
        ).performance;
        const paint = perf.getEntriesByType('paint').find((e) => e.name === 'first-paint');
        return paint ? Math.round(paint.startTime) : undefined;
      });
    }

    it.each(['/', '/report'])(
      '%s transfers at most 150 KB with everything it loads',
      async (path) => {
        // A new context has an empty cache: every byte of the page, its styles, scripts and
        // fonts crosses the network, as on a reporter's first visit.
        const page = await phonePage('sq');
        const response = await page.goto(server.url(path), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        const entries = await transfers(page);
        // The page itself and at least its stylesheet were measured, each a real transfer.
        expect(entries.some((e) => e.name.endsWith('/static/css/app.css'))).toBe(true);
        for (const entry of entries) expect(entry.bytes).toBeGreaterThan(0);
        const total = entries.reduce((sum, e) => sum + e.bytes, 0);
        expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
      },
    );

    it('each step of the report weighs at most 50 KB; its first paint on slow 3G with a 4× slower CPU is logged', async () => {
      const page = await phonePage('sq');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      // WebPageTest's "3G Slow" profile (400 kbit/s down and up, 400 ms round trip), the usual
      // yardstick of "slow 3G". Chrome DevTools' preset of the same name adds 2 s to every
      // request, so no page that needs its stylesheet could paint in under 4 s there; the first
      // step is measured under it too, below, for the record.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1000) / 8,
        uploadThroughput: (400 * 1000) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const figures: { step: string; bytes: number; firstPaintMs?: number; encodings: string[] }[] =
        [];
      async function measure(step: string): Promise<void> {
        const entries = await transfers(page);
        const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
        figures.push({
          step,
          bytes,
          firstPaintMs: await firstPaintMs(page),
          encodings: [...new Set(entries.map((e) => e.encoding))],
        });
        expect([step, bytes <= STEP_BUDGET_BYTES]).toEqual([step, true]);
        // The page itself crossed the network compressed.
        expect([step, entries[0].encoding]).toEqual([step, 'compressed']);
      }
      const next = () => submit(page.locator('form.report-step button[value=next]'));
      await page.goto(server.url('/report'), { waitUntil: 'load' });
      await measure('1 what');
      await page.fill('#f-description', 'Në shkollë fëmijët tanë i ulën veç në fund të klasës.');
      await next();
      await measure('2 where');
      await page.selectOption('#f-municipality', 'prizren');
      await page.fill('#f-incidentDate', threeDaysAgo());
      await page.check('input[name=primaryArea][value=education]');
      await next();
      await measure('3 who');
      await page.selectOption('#f-perpetratorKind', 'school');
      await page.check('input[name=grounds][value=segregation]');
      await next();
      await measure('4 you');
      await page.check('input[name=community][value=roma]');
      await page.check('input[name=reporterRole][value=victim]');
      await next();
      await measure('5 contact');
      await page.check('input[name=anonymous][value=no]');
      await next();
      await measure('5 contact details');
      await page.fill('#f-contactEmail', 'drita@example.org');
      await next();
      await measure('6 evidence');
      await next();
      await measure('7 check');
      // The first step again, on a fresh page under Chrome DevTools' "Slow 3G" preset.
      const devtools = await phonePage('sq');
      const devtoolsCdp = await devtools.context().newCDPSession(devtools);
      await devtoolsCdp.send('Network.enable');
      await devtoolsCdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 2000,
        downloadThroughput: (500 * 1000 * 0.8) / 8,
        uploadThroughput: (500 * 1000 * 0.8) / 8,
      });
      await devtoolsCdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await devtools.goto(server.url('/report'), { waitUntil: 'load' });
      const devtoolsPaint = await firstPaintMs(devtools);
      // eslint-disable-next-line no-console
      console.log(
        `Step 1 on DevTools' "Slow 3G" (2 s per request), 4× CPU: first paint ${devtoolsPaint ?? '?'} ms`,
      );
      // eslint-disable-next-line no-console
      console.log(
        `Report steps on slow 3G (400 ms, 400 kbit/s), 4× CPU (bytes with everything each loads; first paint ms):\n${figures
          .map(
            (f) =>
              `  ${f.step}: ${(f.bytes / 1024).toFixed(1)} KB (${f.encodings.join('/')}), first paint ${f.firstPaintMs ?? '?'} ms`,
          )
          .join('\n')}`,
      );
    });
  });
});
