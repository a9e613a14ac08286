import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStaff } from '../support/staff';
import {
  BrowserServer,
  PHONE,
  andLoad,
  axeViolations,
  describeFindings,
  expectPath,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  startBrowserServer,
  watchErrors,
} from './support/browser';

/** The neutral site of the quick exit; the browser answers it itself (no network in tests). */
const NEUTRAL = 'https://neutral.example/weather';

/**
 * The help, privacy, accessibility and contact pages and the quick exit, in a real browser on
 * a phone: axe-core finds no violation of any impact, and "Leave this site quickly" works with
 * JavaScript (history replaced, Shift three times) and without (a plain link).
 */
describe('help pages and the quick exit in a real browser', () => {
  let server: BrowserServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startBrowserServer({ QUICK_EXIT_URL: NEUTRAL });
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
    await context.route(`${NEUTRAL}**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>',
      }),
    );
    return context.newPage();
  }

  async function expectNoViolation(page: Page): Promise<void> {
    const findings = await axeViolations(page, 'any');
    if (findings.length > 0) throw new Error(describeFindings(findings));
  }

  const PAGES = ['/help', '/privacy', '/accessibility', '/contact'];

  describe.each(['sq', 'sr', 'en', 'rom'])('in %s at 360×740', (locale) => {
    it.each(PAGES)('%s has no axe-core violation of any impact', async (path) => {
      const page = await phonePage(locale);
      const errors = watchErrors(page);
      const response = await page.goto(server.url(`${path}?lang=${locale}`));
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      await expectNoViolation(page);
      await screenshot(page, `help${path.replace('/', '-')}-phone-${locale}`);
      expect(errors).toEqual([]);
    });
  });

  it('the administrators’ contacts page, and its refusal, have no violation at 360×740', async () => {
    const page = await phonePage('en');
    const errors = watchErrors(page);
    await signIn(page, server, await createStaff(server, { role: 'administrator' }));
    await page.goto(server.url('/staff/contacts'));
    await expectNoViolation(page);
    await page.fill('#nameSq', 'X');
    await page.fill('#website', 'not a site');
    // Sent from the keyboard, as on a phone: Enter in the last field typed.
    await andLoad(page, () => page.press('#website', 'Enter'));
    expect(await page.locator('.error-summary').isVisible()).toBe(true);
    await expectNoViolation(page);
    await screenshot(page, 'help-admin-contacts-refused-phone-en');
    // No quick exit for staff: a plain Shift pressed three times does nothing here.
    expect(await page.locator('[data-quick-exit]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  describe('Leave this site quickly', () => {
    it('is the second stop of the keyboard, after "Skip to content", and visible', async () => {
      const page = await phonePage('en');
      await page.goto(server.url('/help?lang=en'));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.getAttribute('href')).toBe(NEUTRAL);
      expect(await focused.isVisible()).toBe(true);
      expect(await page.locator('[data-quick-exit-hint]').isVisible()).toBe(true);
    });

    it('with JavaScript, replaces the page in the history: Back does not bring it up', async () => {
      const page = await phonePage('en');
      const errors = watchErrors(page);
      await page.goto(server.url('/privacy?lang=en'));
      await andLoad(page, () => page.click('[data-quick-exit]'));
      expect(page.url()).toBe(NEUTRAL);
      await page.goBack();
      expect(page.url()).toBe('about:blank');
      expect(errors).toEqual([]);
    });

    it('with JavaScript, answers Shift pressed three times', async () => {
      const page = await phonePage('rom');
      await page.goto(server.url('/help?lang=rom'));
      // Another key in between starts the count again.
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await page.keyboard.press('a');
      await page.keyboard.press('Shift');
      expectPath(page, '/help');
      await andLoad(page, async () => {
        await page.keyboard.press('Shift');
        await page.keyboard.press('Shift');
      });
      expect(page.url()).toBe(NEUTRAL);
      await page.goBack();
      expect(page.url()).toBe('about:blank');
    });

    it('without JavaScript, is a plain link to the neutral site', async () => {
      const page = await phonePage('sq', { javaScriptEnabled: false });
      await page.goto(server.url('/contact'));
      // The Shift hint needs the script: still hidden proves no script ran.
      expect(await page.locator('[data-quick-exit-hint]').isHidden()).toBe(true);
      expect(await page.locator('[data-quick-exit]').isVisible()).toBe(true);
      await andLoad(page, () => page.click('[data-quick-exit]'));
      expect(page.url()).toBe(NEUTRAL);
      await screenshot(page, 'help-quick-exit-no-javascript-neutral-site');
    });
  });
});
