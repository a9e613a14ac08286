import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
  Response,
  chromium,
} from 'playwright-core';
import { TestAccount, freshTotpCode } from '../../support/staff';
import { TestServer, startTestServer } from '../../support/test-server';

/** Debian's Chromium (`apt-get install chromium`): playwright-core downloads no browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** The phone of the journey's community member. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
};

/** A staff member's office screen. */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
};

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'browser');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The real app listening on a loopback port, for a real browser. */
export interface BrowserServer extends TestServer {
  baseUrl: string;
  url(path: string): string;
}

export async function startBrowserServer(env: Record<string, string> = {}): Promise<BrowserServer> {
  const server = await startTestServer(env);
  await server.app.listen(0, '127.0.0.1');
  const { port } = server.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return Object.assign(server, { baseUrl, url: (path: string) => `${baseUrl}${path}` });
}

/** A full-page screenshot kept as a test artifact (test/artifacts/browser/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The audited tabs, and whether any finding fails them (not only serious and critical ones). */
const audited = new WeakMap<Page, AxeLevel>();

/**
 * From now on, every page this tab loads through `go`, `andLoad` or `submit` (and so `signIn`)
 * is checked with axe-core before the test goes on.
 */
export function auditEveryPage(page: Page, level: AxeLevel = 'serious'): Page {
  audited.set(page, level);
  return page;
}

/** Opens a URL; on an audited tab, checks the page that loaded. */
export async function go(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  if (audited.has(page)) await expectAccessible(page, audited.get(page));
  return response;
}

/** Runs `action` (a click, a key press) and waits for the page it leads to. */
export async function andLoad(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
  if (audited.has(page)) await expectAccessible(page, audited.get(page));
}

/** Submits the form of `button` and waits for the page that answers. */
export function submit(button: Locator): Promise<void> {
  return andLoad(button.page(), () => button.click());
}

/** Signs in through the real pages: email and password, then the authenticator's code. */
export async function signIn(page: Page, server: BrowserServer, staff: TestAccount): Promise<void> {
  await go(page, server.url('/staff/login'));
  await page.fill('#email', staff.email);
  await page.fill('#password', staff.password);
  await submit(page.locator('main button[type=submit]'));
  expectPath(page, '/staff/login/totp');
  await page.fill('#code', await freshTotpCode(server, staff));
  await submit(page.locator('main button[type=submit]'));
  // A community mediator's home is their own reports.
  expectPath(page, staff.role === 'mediator' ? '/staff/partner' : '/staff');
}

export function expectPath(page: Page, path: string): void {
  const actual = new URL(page.url()).pathname;
  if (actual !== path)
    throw new Error(`expected to be on ${path}, but the browser is on ${page.url()}`);
}

/** The text a person sees on the page, whitespace collapsed. */
export async function visibleText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------- axe-core ---

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA rules only (not best practices). */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};

export interface AxeFinding {
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The WCAG 2.1 AA violations axe-core finds on the page as it is now: the serious and critical
 * ones, or with `any` every one (minor and moderate too).
 * axe is evaluated through the DevTools protocol: the pages' CSP (`script-src 'self'`) forbids
 * the inline script a `<script>` tag would need, and must not be loosened for a test.
 */
/** Which findings fail a page: serious and critical ones (the default), or any at all. */
export type AxeLevel = 'serious' | 'any';

export async function axeViolations(
  page: Page,
  level: AxeLevel = 'serious',
): Promise<AxeFinding[]> {
  if (!SCRIPTLESS.has(page.context())) return runAxe(page, page.url(), level);
  // A page without JavaScript cannot run axe itself (the browser runs no script in it, not
  // even axe's timers): its DOM as it stands is checked in a scratch tab of the same size,
  // with the same styles and without the page's own scripts, as the reporter's phone shows it.
  const origin = new URL(page.url()).origin;
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace('<head>', `<head><base href="${origin}/">`);
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser to open a scratch tab in');
  const scratch = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const copy = await scratch.newPage();
    await copy.setContent(html, { waitUntil: 'load' });
    return await runAxe(copy, page.url(), level);
  } finally {
    await scratch.close();
  }
}

async function runAxe(page: Page, url: string, level: AxeLevel): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (options) =>
      (globalThis as unknown as { axe: { run(o: unknown): Promise<AxeResults> } }).axe.run(options),
    AXE_OPTIONS as unknown as Record<string, unknown>,
  );
  return results.violations
    .filter((v) => level === 'any' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      url,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.url}: [${f.impact}] ${f.rule} (${f.help}) at ${f.targets.join(', ')}`)
    .join('\n');
}

/** Fails with a readable list when axe finds a violation (serious or critical, or any) on the page. */
export async function expectAccessible(page: Page, level: AxeLevel = 'serious'): Promise<void> {
  const findings = await axeViolations(page, level);
  if (findings.length > 0) {
    throw new Error(
      `Accessibility violations (WCAG 2.1 AA, ${level === 'any' ? 'any impact' : 'serious or critical'}):\n${describeFindings(findings)}`,
    );
  }
}

/** The contexts opened with JavaScript switched off. */
const SCRIPTLESS = new WeakSet<BrowserContext>();

/** A fresh context (no cache, no cookies) with the given device and language. */
export async function newContext(
  browser: Browser,
  device: BrowserContextOptions,
  locale: string,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, locale, ...extra });
  if (extra.javaScriptEnabled === false) SCRIPTLESS.add(context);
  return context;
}

/**
 * Script errors and console errors of a page from now on: a CSP refusal (an inline script or
 * style that slipped into a template) shows up here.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // A page answered with 400 or 404 (a form with errors, the missing favicon) logs a
    // network error too: that is HTTP doing its job, not a defect of the page.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`${page.url()}: ${message.text()}`);
    }
  });
  return errors;
}
