import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LOCALES, Locale, installationDate } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import { assignedCase, makeTeam, outboxOf, referral, step } from '../workflow/workflow-fixtures';
import {
  BrowserServer,
  PHONE,
  expectPath,
  launchBrowser,
  newContext,
  startBrowserServer,
  submit,
  watchErrors,
} from './support/browser';

/**
 * Romani and Serbian Cyrillic readers see their language on every public page and in every
 * state of it: the page is opened in each offered language, and no sentence of more than three
 * words shown in `rom` or `sr-Cyrl` may appear in another language's rendering of the same page
 * (the words people typed, names and codes aside). `<html lang>` names the language shown.
 */

/** What the reporter and the expert typed: the same in every language, not interface text. */
const TYPED = [
  'The municipal clerk refused to register my daughter without an extra fee.',
  'Place the child back in a mixed class and train the staff.',
  'A school moved the Roma pupils of one grade to a separate class in a side building.',
];

type State = (page: Page, locale: Locale) => Promise<void>;

/** Sentences of a page's visible text: lines, cut after . ! ? : ; */
function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?:;])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Words that are interface language: no codes, numbers, dates or e-mail addresses. */
function words(sentence: string): string[] {
  return sentence
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w))
    .filter((w) => !/\d|@|^PMD-/.test(w));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

describe('public pages in Romani and Serbian Cyrillic', () => {
  let server: BrowserServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let filed: { reference: string; receiptCode: string };
  // Wrong codes are tried on a case of their own: they lock the case they are tried on.
  let locked: { reference: string; receiptCode: string };
  let referralLink: string;

  beforeAll(async () => {
    server = await startBrowserServer({ INTAKE_RATE_LIMIT: '10000' });
    browser = await launchBrowser();
    filed = await submitReport(server, validReport({ description: TYPED[0] }));
    locked = await submitReport(server, validReport({ description: TYPED[0] }));
    const team = await makeTeam(server);
    const referred = await assignedCase(server, team, { description: TYPED[0] });
    await step(server, team.as.expert, referred.id, {
      to: 'referred',
      referrals: [referral(server)],
    });
    const mail = (await outboxOf(server, referred.id)).find((m) => m.template === 'referral_sent');
    if (!mail) throw new Error('no referral_sent email');
    referralLink = new URL(mail.params.responseUrl).pathname;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function pageIn(locale: Locale): Promise<Page> {
    const context = await newContext(browser, PHONE, locale);
    contexts.push(context);
    return context.newPage();
  }

  function threeDaysAgo(): string {
    const d = new Date(`${installationDate(server.clock.now())}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 3);
    return d.toISOString().slice(0, 10);
  }

  async function signIn(page: Page, locale: Locale, reference: string, code: string) {
    await page.goto(server.url(`/follow-up?lang=${locale}`));
    await page.fill('#f-reference', reference);
    await page.fill('#f-receiptCode', code);
    await submit(page.locator('main form button[type=submit]'));
  }

  const STATES: Record<string, State> = {
    home: async (page, locale) => {
      await page.goto(server.url(`/?lang=${locale}`));
    },
    'report form': async (page, locale) => {
      await page.goto(server.url(`/report?lang=${locale}`));
    },
    'report form with the errors of an empty submission': async (page, locale) => {
      await page.goto(server.url(`/report?lang=${locale}`));
      await submit(page.locator('form.report-step button[value=next]'));
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
    },
    'report confirmation': async (page, locale) => {
      // The report step by step, to its confirmation.
      const next = () => submit(page.locator('form.report-step button[value=next]'));
      await page.goto(server.url(`/report?lang=${locale}`));
      await page.fill('#f-description', TYPED[0]);
      await next();
      await page.fill('#f-incidentDate', threeDaysAgo());
      await page.selectOption('#f-municipality', 'ferizaj');
      await page.check('input[name=primaryArea][value=civil_registration]');
      await next();
      await page.check('input[name=grounds][value=discrimination]');
      await page.selectOption('#f-perpetratorKind', 'municipality');
      await next();
      await page.check('input[name=community][value=egyptian]');
      await page.check('input[name=reporterRole][value=victim]');
      await next();
      await page.check('input[name=anonymous][value=yes]');
      await next();
      await next();
      await submit(page.locator('form.report-step button[value=send]'));
      expect(await page.locator('#reference').isVisible()).toBe(true);
    },
    'follow-up sign-in': async (page, locale) => {
      await page.goto(server.url(`/follow-up?lang=${locale}`));
    },
    'follow-up sign-in with a wrong code': async (page, locale) => {
      await signIn(page, locale, locked.reference, '0000 0000 0000 0000');
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
    },
    'follow-up case page': async (page, locale) => {
      await signIn(page, locale, filed.reference, filed.receiptCode);
      expectPath(page, '/follow-up/case');
    },
    help: async (page, locale) => {
      await page.goto(server.url(`/help?lang=${locale}`));
    },
    'privacy notice': async (page, locale) => {
      await page.goto(server.url(`/privacy?lang=${locale}`));
    },
    'accessibility statement': async (page, locale) => {
      await page.goto(server.url(`/accessibility?lang=${locale}`));
    },
    contact: async (page, locale) => {
      await page.goto(server.url(`/contact?lang=${locale}`));
    },
    'public statistics': async (page, locale) => {
      await page.goto(server.url(`/statistics?lang=${locale}`));
    },
    'unknown page': async (page, locale) => {
      const res = await page.goto(server.url(`/no-such-page?lang=${locale}`));
      expect(res?.status()).toBe(404);
    },
    'invalid referral link': async (page, locale) => {
      await page.goto(server.url(`/referrals/respond/${'A'.repeat(43)}?lang=${locale}`));
    },
    "institution's referral page": async (page, locale) => {
      await page.goto(server.url(`${referralLink}?lang=${locale}`));
      expect(await page.locator('main form').count()).toBeGreaterThan(0);
    },
  };

  it.each(Object.keys(STATES).map((name) => [name]))(
    '%s: no sentence of another language in rom or sr-Cyrl',
    async (name) => {
      const shown = {} as Record<Locale, string>;
      for (const locale of LOCALES) {
        const page = await pageIn(locale);
        const errors = watchErrors(page);
        await STATES[name](page, locale);
        expect({ locale, lang: await page.getAttribute('html', 'lang') }).toEqual({
          locale,
          lang: locale,
        });
        let text = await page.locator('body').innerText();
        for (const typed of TYPED) text = text.split(typed).join('\n');
        shown[locale] = text;
        expect(errors).toEqual([]);
      }
      for (const locale of ['rom', 'sr-Cyrl'] as const) {
        const others = LOCALES.filter((l) => l !== locale).map((l) => normalise(shown[l]));
        const shared = sentences(shown[locale])
          .filter((sentence) => words(sentence).length > 3)
          .filter((sentence) => others.some((other) => other.includes(normalise(sentence))));
        expect({ locale, page: name, shared }).toEqual({ locale, page: name, shared: [] });
      }
    },
  );
});
