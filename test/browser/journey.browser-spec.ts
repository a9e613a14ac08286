import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { installationTimeZone, installationDate, installationYear } from '@app/core';
import { addContactPoint } from '../support/case-workflow';
import { TestStaff, createStaff } from '../support/staff';
import {
  BrowserServer,
  DESKTOP,
  PHONE,
  andLoad,
  auditEveryPage,
  expectAccessible,
  expectPath,
  go,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  startBrowserServer,
  submit,
  visibleText,
  watchErrors,
} from './support/browser';
import { photoPng } from './support/photo';

/**
 * The whole journey of one case, in order, in a real browser: each step is a test that starts
 * where the previous one left off (jest runs a file's tests in order), with a screenshot of
 * what the person saw and axe-core run on every page they visit.
 */

const DESCRIPTION =
  'Në shkollën e lagjes sonë në Prizren, mësuesja i uli fëmijët romë veçmas në fund të klasës ' +
  'dhe nuk u dha libra si fëmijëve të tjerë. Kjo ndodhi gjatë gjithë javës.';
const QUESTION = 'A mund të na tregoni nëse kishte dëshmitarë dhe nëse e keni njoftuar drejtorin?';
const ANSWER_SR = 'Da, dve druge majke su videle šta se desilo. Direktoru smo se žalili usmeno.';
const SUMMARY =
  'Roma pupils seated apart and given no books in a Prizren primary school; reporter confirms two witnesses.';

/** `YYYY-MM-DDTHH:mm` now in Kosovo, as a `datetime-local` field takes it. */
function installationWallTimeNow(now: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: installationTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return parts.replace(' ', 'T');
}

function daysAfter(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('the journey of a case, in a real browser', () => {
  let server: BrowserServer;
  let browser: Browser;
  let admin: TestStaff;
  let expert: TestStaff;
  let member: TestStaff;
  let contactPointId: string;

  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let reporter: Page;
  let adminPage: Page;
  let expertPage: Page;

  /** What the steps hand on to each other. */
  const state = { reference: '', receiptCode: '', caseId: '', meetingId: '' };

  /** A person's browser: every page it loads is checked with axe-core, and watched for errors. */
  async function open(device: typeof PHONE, locale: string): Promise<Page> {
    const context = await newContext(browser, device, locale);
    contexts.push(context);
    const page = auditEveryPage(await context.newPage());
    pageErrors.push(watchErrors(page));
    return page;
  }

  async function caseRow(): Promise<{ status: string; assignee_id: string | null }> {
    const [row] = (await server.app
      .get(DataSource)
      .query('SELECT status, assignee_id FROM cases WHERE id = $1', [state.caseId])) as {
      status: string;
      assignee_id: string | null;
    }[];
    return row;
  }

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    admin = await createStaff(server, {
      role: 'administrator',
      name: 'Arta Administratore',
      locale: 'sq',
    });
    expert = await createStaff(server, {
      role: 'legal_expert',
      name: 'Besnik Ekspert',
      locale: 'en',
    });
    member = await createStaff(server, {
      role: 'technical_group_member',
      name: 'Milica Članica',
      locale: 'sr',
      institutionCode: 'ombudsperson',
    });
    // The institution directory's contact point the Group's referral goes to.
    contactPointId = await addContactPoint(server, {
      institutionCode: 'ministry_education',
      unit: 'Department of pre-university education (demo)',
      email: 'pre-university.demo@example.org',
    });
  });

  afterEach(() => {
    // No script error and no CSP refusal on any page of the step.
    expect(pageErrors.flat()).toEqual([]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('1. on a phone, a community member files an anonymous case in Albanian with a photo, and keeps the reference and receipt code', async () => {
    reporter = await open(PHONE, 'sq');
    await go(reporter, server.url('/'));
    expect(await reporter.getAttribute('html', 'lang')).toBe('sq');
    await screenshot(reporter, '01-home-phone-sq');

    await andLoad(reporter, () => reporter.locator('main a[href="/report"]').first().click());
    expectPath(reporter, '/report');

    // One question group per page; "Continue" sends each on.
    const next = () => submit(reporter.locator('form.report-step button[value=next]'));
    await reporter.fill('#f-description', DESCRIPTION);
    await next();
    await reporter.selectOption('#f-municipality', 'prizren');
    await reporter.fill('#f-incidentDate', daysAfter(installationDate(server.clock.now()), -3));
    await reporter.check('input[name=primaryArea][value=education]');
    await next();
    await reporter.selectOption('#f-perpetratorKind', 'school');
    await reporter.check('input[name=grounds][value=segregation]');
    await reporter.check('input[name=grounds][value=discrimination]');
    await next();
    await reporter.check('input[name=community][value=roma]');
    await reporter.check('input[name=reporterRole][value=on_behalf_of_victim]');
    await reporter.check('input[name=helperKind][value=none]');
    await next();
    await reporter.check('input[name=anonymous][value=yes]');
    await next();
    await reporter.setInputFiles('#f-evidence', {
      name: 'klasa.png',
      mimeType: 'image/png',
      buffer: photoPng(),
    });
    // The form as filled in (its state changed since it loaded).
    await expectAccessible(reporter);
    await screenshot(reporter, '02-report-form-filled-phone-sq');
    await next();
    expectPath(reporter, '/report/steps');
    expect(await visibleText(reporter)).toContain('klasa.png');

    await submit(reporter.locator('form.report-step button[value=send]'));
    expectPath(reporter, '/report/steps');
    state.reference = (await reporter.locator('#reference').innerText()).trim();
    state.receiptCode = (await reporter.locator('#receipt-code').innerText()).trim();
    expect(state.reference).toMatch(/^PMD-\d{4}-\d{5}$/);
    expect(state.receiptCode.replace(/\D/g, '')).toHaveLength(16);
    expect(await visibleText(reporter)).toContain(state.reference);
    await screenshot(reporter, '03-confirmation-phone-sq');

    const [row] = (await server.app.get(DataSource).query(
      `SELECT c.id, c.status, c.anonymous, c.preferred_locale,
                (SELECT count(*)::int FROM case_evidence e WHERE e.case_id = c.id) AS evidence
           FROM cases c WHERE c.reference = $1`,
      [state.reference],
    )) as {
      id: string;
      status: string;
      anonymous: boolean;
      preferred_locale: string;
      evidence: number;
    }[];
    expect(row).toMatchObject({
      status: 'submitted',
      anonymous: true,
      preferred_locale: 'sq',
      evidence: 1,
    });
    state.caseId = row.id;
  });

  it('2. an administrator signs in with password and TOTP, finds the case in the triage queue and assigns it to a legal expert', async () => {
    adminPage = await open(DESKTOP, 'sq');
    await signIn(adminPage, server, admin);

    await go(adminPage, server.url('/staff/cases/triage'));
    const link = adminPage.locator('table a', { hasText: state.reference });
    await expect(link.count()).resolves.toBe(1);
    await screenshot(adminPage, '04-triage-queue');
    await andLoad(adminPage, () => link.click());
    expectPath(adminPage, `/staff/cases/${state.caseId}`);
    // The photo arrived with the case.
    expect(await adminPage.locator('#evidence ~ ul a').innerText()).toContain('klasa.png');

    // Triage starts (submitted → in review), then the legal expert is named.
    const startReview = adminPage.locator('details.action', {
      has: adminPage.locator('input[name=to][value=in_review]'),
    });
    await startReview.locator('summary').click();
    await submit(startReview.locator('button[type=submit]'));
    expect(new URL(adminPage.url()).search).toBe('?done=transition');
    await expect(caseRow()).resolves.toMatchObject({ status: 'in_review' });

    const assign = adminPage.locator('details.action', {
      has: adminPage.locator('input[name=to][value=assigned]'),
    });
    await assign.locator('summary').click();
    await assign.locator('select[name=assigneeId]').selectOption(expert.id);
    await submit(assign.locator('button[type=submit]'));
    await expect(caseRow()).resolves.toEqual({ status: 'assigned', assignee_id: expert.id });
    expect(await adminPage.locator('.facts').first().innerText()).toContain(expert.name);
    await screenshot(adminPage, '05-case-assigned');
  });

  it('3. the legal expert asks the reporter a question; the reporter answers from the follow-up page in Serbian', async () => {
    expertPage = await open(DESKTOP, 'en');
    await signIn(expertPage, server, expert);
    await go(expertPage, server.url('/staff/cases/mine'));
    await andLoad(expertPage, () =>
      expertPage.locator('table a', { hasText: state.reference }).click(),
    );
    await expertPage.fill('#f-message-body', QUESTION);
    await submit(expertPage.locator('form[action$="/messages"] button[type=submit]'));
    expect(new URL(expertPage.url()).search).toBe('?done=message');
    expect(await expertPage.locator('.messages').first().innerText()).toContain(QUESTION);
    await screenshot(expertPage, '06-expert-asks');

    // The reporter, on the same phone, switches the site to Serbian and signs in to the case.
    await go(reporter, server.url('/follow-up'));
    await andLoad(reporter, () => reporter.locator('a[hreflang=sr]').click());
    expect(await reporter.getAttribute('html', 'lang')).toBe('sr');
    await reporter.fill('#f-reference', state.reference);
    await reporter.fill('#f-receiptCode', state.receiptCode);
    await submit(reporter.locator('main form button[type=submit]'));
    expectPath(reporter, '/follow-up/case');
    expect(await reporter.getAttribute('html', 'lang')).toBe('sr');
    expect(await visibleText(reporter)).toContain(QUESTION);

    await reporter.fill('#f-body', ANSWER_SR);
    await submit(reporter.locator('form[action="/follow-up/messages"] button[type=submit]'));
    expect(await reporter.locator('.notice').innerText()).toContain('Vaša poruka je poslata.');
    expect(await visibleText(reporter)).toContain(ANSWER_SR);
    await screenshot(reporter, '07-follow-up-answer-phone-sr');

    await andLoad(expertPage, () => expertPage.reload());
    expect(await expertPage.locator('.messages').first().innerText()).toContain(ANSWER_SR);
  });

  it('4. the expert puts the case on a meeting agenda; a Technical Group member reads it without identity; the administrator records attendance and a referral', async () => {
    // The administrator plans the meeting for today.
    await go(adminPage, server.url('/staff/meetings'));
    await adminPage.fill('#scheduledAt', installationWallTimeNow(server.clock.now()));
    await adminPage.fill('#place', 'Zyra për Qeverisje të Mirë, Prishtinë');
    await submit(adminPage.locator('form[action="/staff/meetings"] button[type=submit]'));
    state.meetingId = /\/staff\/meetings\/([0-9a-f-]{36})/.exec(adminPage.url())?.[1] ?? '';
    expect(state.meetingId).not.toBe('');

    // The legal expert adds the case to its agenda, proposing a referral.
    await go(expertPage, server.url('/staff/meetings'));
    await andLoad(expertPage, () =>
      expertPage.locator(`a[href="/staff/meetings/${state.meetingId}"]`).click(),
    );
    await expertPage.fill('#reference', state.reference);
    await expertPage.fill('#summary', SUMMARY);
    await expertPage.selectOption('#proposedDecision', 'refer');
    await expertPage.selectOption('#proposedInstitutionCode', 'ministry_education');
    await submit(expertPage.locator('#add-item button[type=submit]'));
    expect(new URL(expertPage.url()).search).toBe('?done=item_added');
    await expect(caseRow()).resolves.toMatchObject({ status: 'technical_group' });
    await screenshot(expertPage, '08-expert-agenda-item');

    // The administrator publishes the agenda to the members.
    await go(adminPage, server.url(`/staff/meetings/${state.meetingId}`));
    await submit(adminPage.locator(`form[action$="/publish"] button[type=submit]`));
    expect(new URL(adminPage.url()).search).toBe('?done=published');

    // A Technical Group member reads the agenda on a phone, in Serbian.
    const memberPage = await open(PHONE, 'sr');
    await signIn(memberPage, server, member);
    await go(memberPage, server.url('/staff/meetings'));
    await andLoad(memberPage, () =>
      memberPage.locator(`a[href="/staff/meetings/${state.meetingId}"]`).click(),
    );
    await andLoad(memberPage, () =>
      memberPage.locator(`a[href="/staff/meetings/${state.meetingId}/agenda"]`).click(),
    );
    const agenda = await visibleText(memberPage);
    expect(agenda).toContain(state.reference);
    expect(agenda).toContain(SUMMARY);
    // Never who reported, nor what only the case's handlers read: the reporter's own words,
    // the conversation with them, the evidence, the way to follow the case.
    for (const hidden of [DESCRIPTION, QUESTION, ANSWER_SR, 'klasa.png', state.receiptCode]) {
      expect(agenda).not.toContain(hidden);
    }
    expect(await memberPage.locator(`a[href^="/staff/cases/"]`).count()).toBe(0);
    expect(await memberPage.locator(`form[action$="/identity"]`).count()).toBe(0);
    await screenshot(memberPage, '09-member-agenda-phone-sr');
    const refused = await go(memberPage, server.url(`/staff/cases/${state.caseId}`));
    expect([403, 404]).toContain(refused?.status());

    // At the meeting: attendance, the meeting held, the Group's referral decision.
    await go(adminPage, server.url(`/staff/meetings/${state.meetingId}`));
    await adminPage.check(`#attendance input[name=present][value="${member.id}"]`);
    await submit(adminPage.locator('form[action$="/attendance"] button[type=submit]'));
    expect(new URL(adminPage.url()).search).toBe('?done=attendance');
    await submit(adminPage.locator('form[action$="/held"] button[type=submit]'));
    expect(new URL(adminPage.url()).search).toBe('?done=held');

    const decision = adminPage.locator(`#decide-${state.caseId}`);
    await decision.locator('input[name=kind][value=refer]').check();
    await decision
      .locator('textarea[name=text]')
      .fill('The Group refers the case to the Ministry of Education for action at the school.');
    // The first of the referral blocks (a decision may refer to more than one institution).
    const referral = decision
      .locator('fieldset')
      .filter({ has: adminPage.locator('select[name=institutionCode]') })
      .first();
    await referral.locator('select[name=institutionCode]').selectOption('ministry_education');
    await referral
      .locator('textarea[name=recommendation]')
      .fill('Seat all pupils together and give every pupil the same books within 30 days.');
    await referral
      .locator('textarea[name=summary]')
      .fill('A primary school seats the Roma pupils of one grade apart from the other pupils.');
    await referral
      .locator('input[name=responseDueDate]')
      .fill(daysAfter(installationDate(server.clock.now()), 30));
    await referral.locator('select[name=contactPointId]').selectOption(contactPointId);
    await submit(decision.locator('button[type=submit]'));
    expect(new URL(adminPage.url()).search).toBe('?done=decision');
    await expect(caseRow()).resolves.toMatchObject({ status: 'referred' });
    await screenshot(adminPage, '10-meeting-decision');

    await go(adminPage, server.url(`/staff/cases/${state.caseId}`));
    const referrals = await adminPage.locator('#referrals-title + ul').innerText();
    expect(referrals).toMatch(/Ministr/);
    expect(referrals).toContain('pre-university.demo@example.org');
    await screenshot(adminPage, '11-case-referred');
  });

  it("5. the public statistics page shows the case in this year's figures", async () => {
    const year = String(installationYear(server.clock.now()));
    await go(reporter, server.url('/statistics?lang=sq'));
    expect(await reporter.getAttribute('html', 'lang')).toBe('sq');
    // The yearly summary table (the first tables are the charts' own, of one column each).
    const summary = reporter
      .locator('table.stat-table', { has: reporter.locator('thead th:nth-child(10)') })
      .first();
    const row = summary.locator('tbody tr', {
      has: reporter.locator(`th:text-matches("^${year}")`),
    });
    await expect(row.count()).resolves.toBe(1);
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    // Columns: reported, open, referred, resolved, not discrimination, closed, decided,
    // meetings held, median days. A count below the public threshold (3) is hidden as "x",
    // the year's total too when it is that small, so no single case can be picked out.
    const [reported, open, referred, , , , , meetingsHeld] = cells;
    expect({ reported, open, referred, meetingsHeld }).toEqual({
      reported: 'x',
      open: '0',
      referred: 'x',
      meetingsHeld: '1',
    });
    await screenshot(reporter, '12-statistics-phone-sq');
  });
});
