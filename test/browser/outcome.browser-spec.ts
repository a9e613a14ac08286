import { until } from '../support/wait';
import { readFile } from 'node:fs/promises';
import type { AxeResults } from 'axe-core';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installationDate } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import { assignCase, transition } from '../support/case-workflow';
import { pdfText } from '../support/pdf-text';
import { createStaff, loginAs } from '../support/staff';
import {
  BrowserServer,
  PHONE,
  expectPath,
  launchBrowser,
  newContext,
  screenshot,
  startBrowserServer,
  submit,
  visibleText,
  watchErrors,
} from './support/browser';

/**
 * The receipt a reporter keeps and the outcome they are told, on a 360×740 phone, with
 * JavaScript and without: the receipt is downloaded, the code copied (with JavaScript), and the
 * follow-up page of a decided case shows the legal expert's message and where to turn.
 */

const OUTCOME =
  'We found that the clinic refused you because of your community. It apologised and trained its staff.';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core violation, at any impact (WCAG 2.1 A/AA), of the page as it is now. */
async function expectNoAxeViolation(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: unknown): Promise<AxeResults> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  const found = results.violations.map(
    (v) => `[${v.impact}] ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect([page.url(), found]).toEqual([page.url(), []]);
}

describe('the receipt and the outcome, on a phone', () => {
  let server: BrowserServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startBrowserServer({ FOLLOW_UP_RATE_LIMIT: '1000' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function phone(javaScript: boolean): Promise<{ page: Page; errors: string[] }> {
    const context = await newContext(browser, PHONE, 'en', {
      javaScriptEnabled: javaScript,
      acceptDownloads: true,
      ...(javaScript ? { permissions: ['clipboard-read', 'clipboard-write'] } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: watchErrors(page) };
  }

  /**
   * axe on the page as its person sees it. axe is a script: on a page without JavaScript it
   * cannot run, so the DOM that page shows (its scripts left out, the same styles) is audited
   * in a twin tab of the same size that may run axe.
   */
  async function audit(page: Page, javaScript: boolean): Promise<void> {
    if (javaScript) return expectNoAxeViolation(page);
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    const twin = await (await newContext(browser, PHONE, 'en')).newPage();
    contexts.push(twin.context());
    const url = server.url('/__audited-without-javascript');
    await twin.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await twin.goto(url);
    await expectNoAxeViolation(twin);
  }

  /**
   * Files an anonymous report through the report form and stops on its confirmation.
   * (The only part of this file that knows the report form's fields.)
   */
  async function fileReport(page: Page): Promise<{ reference: string; code: string }> {
    await page.goto(server.url('/report?lang=en'));
    const date = new Date(`${installationDate(server.clock.now())}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 2);
    // The report step by step: what, where and when, who, about you, contact, evidence, check.
    const next = () => submit(page.locator('form.report-step button[value=next]'));
    await page.fill(
      '#f-description',
      'At the clinic they told us to wait outside until all others were seen.',
    );
    await next();
    await page.selectOption('#f-municipality', 'ferizaj');
    await page.fill('#f-incidentDate', date.toISOString().slice(0, 10));
    await page.check('input[name=primaryArea][value=health]');
    await next();
    await page.selectOption('#f-perpetratorKind', 'health_facility');
    await page.check('input[name=grounds][value=discrimination]');
    await next();
    await page.check('input[name=community][value=ashkali]');
    await page.check('input[name=reporterRole][value=victim]');
    await next();
    await page.check('input[name=anonymous][value=yes]');
    await next();
    await next();
    await submit(page.locator('form.report-step button[value=send]'));
    expectPath(page, '/report/steps');
    return {
      reference: (await page.locator('#reference').innerText()).trim(),
      code: (await page.locator('#receipt-code').innerText()).trim(),
    };
  }

  /** "Download your receipt": the browser's download, its file read back as text. */
  async function downloadReceipt(page: Page): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#receipt-form button[type=submit]').click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await pdfText(await readFile(path)) };
  }

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
    const tag = javaScript ? 'js' : 'nojs';

    it(`keeps the receipt ${mode}: downloaded, copied when scripts run, skipped on a shared phone`, async () => {
      const { page, errors } = await phone(javaScript);
      const filed = await fileReport(page);
      expect(filed.reference).toMatch(/^PMD-\d{4}-\d{5}$/);
      await audit(page, javaScript);
      await screenshot(page, `outcome-01-confirmation-${tag}`);

      const copy = page.locator('[data-copy=receipt-code]');
      if (javaScript) {
        await copy.click();
        // The clipboard answers after the click: the status is written when it has.
        await until(
          async () => (await page.locator('#copy-status').innerText()) === 'The code was copied.',
          'the copy status',
        );
        await expect(
          page.evaluate(() =>
            (
              globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
            ).navigator.clipboard.readText(),
          ),
        ).resolves.toBe(filed.code);
        await expectNoAxeViolation(page);
      } else {
        // No script ran: no copy button; the code is plain text on the page, to select.
        expect(await copy.isHidden()).toBe(true);
        expect(await visibleText(page)).toContain(filed.code);
      }

      const receipt = await downloadReceipt(page);
      expect(receipt.name).toBe(`receipt-${filed.reference}.pdf`);
      expect(receipt.text).toContain(filed.reference);
      expect(receipt.text).toContain(filed.code);
      expect(receipt.text).toContain('Receipt of your report');
      expect(receipt.text).not.toContain('clinic');
      // A download leaves the confirmation where it was.
      expect(await page.locator('#reference').innerText()).toBe(filed.reference);

      await page.locator('details.shared-phone summary').click();
      expect(await visibleText(page)).toContain('Write the case reference and the code on paper');
      await audit(page, javaScript);
      await screenshot(page, `outcome-02-shared-phone-${tag}`);
      expect(errors).toEqual([]);
    });

    it(`shows the decision, its message and where to turn on the follow-up page ${mode}`, async () => {
      const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
      const expertUser = await createStaff(server, { role: 'legal_expert' });
      const expert = await loginAs(server, expertUser);
      const filed = await submitReport(
        server,
        validReport({ primaryArea: 'health', perpetratorKind: 'health_facility' }),
      );
      await assignCase(server, admin, filed.id, expertUser.id);
      await transition(server, expert, filed.id, { to: 'resolved', outcomeMessage: OUTCOME });

      const { page, errors } = await phone(javaScript);
      await page.goto(server.url('/follow-up?lang=en'));
      await page.fill('#f-reference', filed.reference);
      await page.fill('#f-receiptCode', filed.receiptCode);
      await submit(page.locator('main form button[type=submit]'));
      expectPath(page, '/follow-up/case');
      const text = await visibleText(page);
      expect(text).toContain('The decision on your case');
      expect(text).toContain(OUTCOME);
      expect(text).toContain('If you disagree');
      for (const name of [
        'Ombudsperson Institution of Kosovo',
        'Basic Courts',
        'Free Legal Aid Agency',
      ]) {
        expect(text).toContain(name);
      }
      await expect(page.locator('#disagree a[href="https://oik-rks.org/"]').count()).resolves.toBe(
        1,
      );
      await audit(page, javaScript);
      await screenshot(page, `outcome-03-follow-up-decided-${tag}`);
      expect(errors).toEqual([]);
    });
  }
});
