import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { identifiedReport, IDENTITY, submitReport, validReport } from '../cases/case-fixtures';
import {
  Group,
  addItem,
  assignedCase,
  call,
  createGroup,
  dueDate,
  expectStatus,
  holdMeeting,
  planMeeting,
} from '../meetings/meeting-fixtures';
import { RegionalReports, StatisticsService } from '@app/statistics';
import { addContactPoint } from '../support/case-workflow';
import { createMediator, createStaff, loginAs, totpCodeAt } from '../support/staff';
import {
  BrowserServer,
  DESKTOP,
  PHONE,
  andLoad,
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

/** Markup a reporter may type; the staff pages must show it as the text it is. */
const HOSTILE =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> ' +
  'Ky përshkrim ka shenja HTML që duhet të shfaqen si tekst.';

/**
 * The back-office pages with axe-core (every page of every role, in the states that change
 * their markup: errors, identity shown, a held meeting, minutes), the enrolment of a new
 * member of staff, and the escaping of what reporters write.
 */
describe('staff pages in a real browser', () => {
  let server: BrowserServer;
  let browser: Browser;
  let group: Group;
  const contexts: BrowserContext[] = [];
  const cases = {
    identified: { id: '', reference: '' },
    hostile: { id: '', reference: '' },
    referred: { id: '', reference: '' },
  };
  const meetings = { held: '', planned: '' };
  let admin: Page;
  let adminErrors: string[];

  async function page(device: typeof PHONE, locale: string): Promise<Page> {
    const context = await newContext(browser, device, locale);
    contexts.push(context);
    return context.newPage();
  }

  async function visit(on: Page, path: string): Promise<void> {
    const response = await on.goto(server.url(path));
    expect(response?.status()).toBe(200);
    await expectAccessible(on);
  }

  beforeAll(async () => {
    server = await startBrowserServer({ INTAKE_RATE_LIMIT: '1000' });
    browser = await launchBrowser();
    group = await createGroup(server);

    cases.identified = await assignedCase(server, group, identifiedReport());
    const hostile = await submitReport(server, validReport({ description: HOSTILE }));
    cases.hostile = { id: hostile.id, reference: hostile.reference };

    // A meeting that was held: a referral decided, minutes written. The case's reporter gave
    // their name, which the Technical Group must never see.
    cases.referred = await assignedCase(server, group, identifiedReport());
    meetings.held = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetings.held, cases.referred.id);
    await holdMeeting(server, group, meetings.held);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetings.held}/decisions`, {
        caseId: cases.referred.id,
        kind: 'refer',
        text: 'The Group refers the case to the Ministry of Education.',
        referrals: [
          {
            institutionCode: 'ministry_education',
            recommendation: 'Return the pupils to a mixed class within 30 days.',
            summary:
              'A school moved the Roma pupils of one grade to a separate class in a side building.',
            responseDueDate: dueDate(server),
            contactPointId: await addContactPoint(server),
          },
        ],
      }),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetings.held}/minutes`, {
        text: 'Present: all members. Item 1 referred to the Ministry of Education.',
      }),
      204,
    );
    // A meeting still being prepared, next month.
    meetings.planned = await planMeeting(
      server,
      group,
      new Date(server.clock.now().getTime() + 30 * 86_400_000),
    );
    // One email that could not be delivered, for the administrators' notifications page.
    await server.app.get(DataSource).query(
      `UPDATE notification_outbox
          SET status = 'dead', dead_at = now(), attempts = 5, last_error = '550 mailbox unavailable'
        WHERE id = (SELECT id FROM notification_outbox ORDER BY created_at LIMIT 1)`,
    );

    admin = await page(DESKTOP, 'sq');
    adminErrors = watchErrors(admin);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('sign-in pages, with their errors, are accessible', async () => {
    await visit(admin, '/staff/login');
    await admin.fill('#email', group.admin.email);
    await admin.fill('#password', 'not the password at all');
    await submit(admin.locator('main button[type=submit]'));
    expect(await admin.locator('[aria-invalid=true], .error-summary').count()).toBeGreaterThan(0);
    await expectAccessible(admin);

    await admin.fill('#email', group.admin.email);
    await admin.fill('#password', group.admin.password);
    await submit(admin.locator('main button[type=submit]'));
    expectPath(admin, '/staff/login/totp');
    await expectAccessible(admin);
    await admin.fill('#code', '000000');
    await submit(admin.locator('main button[type=submit]'));
    expectPath(admin, '/staff/login/totp');
    await expectAccessible(admin);
    await screenshot(admin, 'staff-totp-error');

    await signIn(admin, server, group.admin);
    await expectAccessible(admin);
  });

  it('a description with <script> and an onerror image shows as text on the staff case page and runs nothing', async () => {
    let dialogs = 0;
    admin.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await visit(admin, '/staff/cases/triage');
    expect(await admin.locator('table a', { hasText: cases.hostile.reference }).count()).toBe(1);
    await visit(admin, `/staff/cases/${cases.hostile.id}`);

    const description = admin.locator('section[aria-labelledby=facts-title] p.prewrap');
    expect(await description.innerText()).toBe(HOSTILE);
    // The markup is text, not elements: no script or image was made from it...
    expect(await description.locator('script, img').count()).toBe(0);
    expect(await admin.locator('main img[src=x], main img[onerror]').count()).toBe(0);
    // ...and nothing ran (the CSP would block an inline script too: the text check above is
    // what proves the escaping, this one that no handler found another way).
    expect(await admin.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
    expect(dialogs).toBe(0);
    await screenshot(admin, 'escaping-staff-case');
  });

  it("the administrator's case pages: lists, identity shown, a refused step with its errors, a referral's new link", async () => {
    await visit(admin, '/staff');
    await visit(admin, '/staff/cases');
    await visit(admin, `/staff/cases?q=${encodeURIComponent(cases.identified.reference)}`);

    await visit(admin, `/staff/cases/${cases.identified.id}`);
    await submit(admin.locator('form[action$="/identity"] button[type=submit]'));
    expect(await admin.locator('#identity').innerText()).toContain(IDENTITY.email);
    await expectAccessible(admin);
    await screenshot(admin, 'staff-case-identity-shown');

    // "Not discrimination" needs legal reasoning: sent without, the page explains.
    const finding = admin.locator('details.action', {
      has: admin.locator('input[name=to][value=not_discrimination]'),
    });
    await finding.locator('summary').click();
    await submit(finding.locator('button[type=submit]'));
    expect(await admin.locator('.error-summary').isVisible()).toBe(true);
    await expectAccessible(admin);

    await visit(admin, `/staff/cases/${cases.referred.id}`);
    await submit(admin.locator('form[action*="/referrals/"][action$="/link"] button[type=submit]'));
    const link = (await admin.locator('#referrals-title ~ .notice .code').innerText()).trim();
    expect(link).toMatch(/\/referrals\/respond\//);
    await expectAccessible(admin);

    // The institution opens the link on a phone.
    const institution = await page(PHONE, 'sq');
    const answered = await institution.goto(server.url(new URL(link).pathname));
    expect(answered?.status()).toBe(200);
    await expectAccessible(institution);
    await screenshot(institution, 'referral-respond-phone-sq');
  });

  it("the administrator's meeting pages: list with the planning form, a meeting being prepared, a held meeting, its minutes", async () => {
    await visit(admin, '/staff/meetings');
    await visit(admin, `/staff/meetings/${meetings.planned}`);
    await visit(admin, `/staff/meetings/${meetings.held}`);
    await screenshot(admin, 'staff-meeting-held');
    await visit(admin, `/staff/meetings/${meetings.held}/agenda`);
    await visit(admin, `/staff/meetings/${meetings.held}/minutes`);
  });

  it('the administration pages: staff accounts, audit log, notifications, statistics', async () => {
    await visit(admin, '/staff/users');
    await visit(admin, '/staff/audit');
    await visit(admin, '/staff/notifications');
    expect(await admin.locator('[data-count=dead]').innerText()).toBe('1');
    await screenshot(admin, 'staff-notifications');
    await visit(admin, '/staff/statistics');
    await visit(admin, '/staff/statistics/import');
    // The institution directory: its list (with the contact point a referral used), an edit
    // form and the import form.
    await visit(admin, '/staff/directory');
    const edit = await admin
      .locator('table a[href^="/staff/directory/"]')
      .first()
      .getAttribute('href');
    expect(edit).toMatch(/^\/staff\/directory\/[0-9a-f-]{36}$/);
    await visit(admin, edit as string);
    await visit(admin, '/staff/directory/import');
    expect(adminErrors).toEqual([]);
  });

  it('the regional comparison: the form, a compared report, a refused file', async () => {
    await visit(admin, '/staff/statistics/regional');
    const year = server.app.get(StatisticsService).currentYear();
    const report = await server.app.get(RegionalReports).report(year);
    const upload = (name: string, text: string) =>
      admin.setInputFiles('#reports', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
    await upload('kosovo.json', JSON.stringify(report));
    await submit(admin.locator('main form button[type=submit]'));
    await expectAccessible(admin);
    expect(await admin.locator('table[data-year]').count()).toBe(1);
    await upload('notes.json', 'these are my notes');
    await submit(admin.locator('main form button[type=submit]'));
    await expectAccessible(admin);
    expect(await admin.locator('.error-summary').innerText()).toContain('notes.json');
    expect(adminErrors).toEqual([]);
  });

  it('a new member of staff is invited, sets a password and enrols an authenticator, on accessible pages', async () => {
    await admin.goto(server.url('/staff/users'));
    await admin.fill('#name', 'Drita Re');
    await admin.fill('#email', 'drita.re@test.pmd');
    await admin.check('input[name=role][value=legal_expert]');
    await submit(admin.locator('form[action="/staff/users"] button[type=submit]'));
    expect(new URL(admin.url()).search).toBe('?done=invited');
    await expectAccessible(admin);

    const [outbox] = (await server.app.get(DataSource).query(
      `SELECT params FROM notification_outbox WHERE template = 'staff_invitation'
          ORDER BY created_at DESC LIMIT 1`,
    )) as { params: { inviteUrl: string } }[];
    const invitee = await page(PHONE, 'sq');
    await visit(invitee, new URL(outbox.params.inviteUrl).pathname);
    await invitee.fill('#password', 'një fjalëkalim i gjatë dhe i sigurt');
    await invitee.fill('#passwordConfirmation', 'një fjalëkalim i gjatë dhe i sigurt');
    await submit(invitee.locator('main button[type=submit]'));
    expectPath(invitee, '/staff/login/enrol');
    await expectAccessible(invitee);
    await screenshot(invitee, 'staff-enrol-phone-sq');
    const secret = (await invitee.locator('#totp-secret').innerText()).replace(/\s/g, '');
    await invitee.fill('#code', totpCodeAt(secret, server.clock.now()));
    await submit(invitee.locator('main button[type=submit]'));
    expectPath(invitee, '/staff');
    await expectAccessible(invitee);
  });

  it("the legal expert's pages", async () => {
    const expert = await page(DESKTOP, 'en');
    const errors = watchErrors(expert);
    await signIn(expert, server, group.expert);
    await visit(expert, '/staff');
    await visit(expert, '/staff/cases/mine');
    await visit(expert, `/staff/cases/${cases.identified.id}`);
    await visit(expert, '/staff/meetings');
    await visit(expert, `/staff/meetings/${meetings.planned}`);
    expect(errors).toEqual([]);
  });

  it("a Technical Group member's pages, on a phone", async () => {
    const member = await page(PHONE, 'sr');
    const errors = watchErrors(member);
    await signIn(member, server, group.members[0]);
    await visit(member, '/staff');
    await visit(member, '/staff/meetings');
    await visit(member, `/staff/meetings/${meetings.held}`);
    await visit(member, `/staff/meetings/${meetings.held}/agenda`);
    for (const identity of Object.values(IDENTITY)) {
      expect(await visibleText(member)).not.toContain(identity);
    }
    // Members read the minutes once the administrator has approved them.
    expectStatus(
      await call(
        server,
        group.as.admin,
        'POST',
        `/api/v1/meetings/${meetings.held}/minutes/approve`,
      ),
      204,
    );
    await visit(member, `/staff/meetings/${meetings.held}/minutes`);
    await screenshot(member, 'member-minutes-phone-sr');
    expect(errors).toEqual([]);
  });
  it('a Technical Group member goes from sign-in to a comment on an agenda item without meeting a 403', async () => {
    const kase = await assignedCase(server, group, validReport());
    const meetingId = await planMeeting(
      server,
      group,
      new Date(server.clock.now().getTime() + 14 * 86_400_000),
    );
    const itemId = await addItem(server, group.as.expert, meetingId, kase.id);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/publish`),
      204,
    );

    const member = await page(PHONE, 'sq');
    const errors = watchErrors(member);
    const statuses: { url: string; status: number }[] = [];
    member.on('response', (response) => {
      if (response.request().resourceType() === 'document') {
        statuses.push({ url: response.url(), status: response.status() });
      }
    });
    await signIn(member, server, group.members[1]);
    await expectAccessible(member);
    expect(await visibleText(member)).toContain(kase.reference);
    await screenshot(member, 'member-home-phone-sq');
    await andLoad(member, () =>
      member.locator(`a[href="/staff/meetings/${meetingId}/agenda#comment-${itemId}"]`).click(),
    );
    expectPath(member, `/staff/meetings/${meetingId}/agenda`);
    await expectAccessible(member);
    await member.fill(`#comment-${itemId}-body`, 'A ka pasur ankesa të tjera nga kjo shkollë?');
    await submit(member.locator(`#comment-${itemId} button[type=submit]`));
    expectPath(member, `/staff/meetings/${meetingId}/agenda`);
    expect(await visibleText(member)).toContain('A ka pasur ankesa të tjera nga kjo shkollë?');
    await expectAccessible(member);
    // Back home: every link of the staff navigation answers, none with a 403.
    await go(member, server.url('/staff'));
    const links = await member
      .locator('nav.main-nav a, main a[href^="/staff"]')
      .evaluateAll((anchors) =>
        anchors.map((a) => new URL(a.getAttribute('href') ?? '/', 'http://x').pathname),
      );
    for (const link of new Set(links)) await go(member, server.url(link));
    expect(statuses.filter((s) => s.status >= 400)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an English-speaking and a Serbian-speaking member of staff each switch language once and stay in it', async () => {
    const lang = (on: Page) => on.locator('html').getAttribute('lang');
    for (const [code, name, role] of [
      ['en', 'English', 'legal_expert'],
      ['sr', 'Srpski', 'technical_group_member'],
    ] as const) {
      const staff = await createStaff(server, {
        role,
        locale: 'sq',
        institutionCode: role === 'technical_group_member' ? 'ministry_health' : null,
      });
      const on = await page(DESKTOP, 'sq');
      await signIn(on, server, staff);
      expect(await lang(on)).toBe('sq');
      await andLoad(on, () => on.locator(`nav.languages a[hreflang="${code}"]`).click());
      expect(await lang(on)).toBe(code);
      await expectAccessible(on);
      for (const path of ['/staff/meetings', '/staff/account', '/staff/statistics', '/staff']) {
        await go(on, server.url(path));
        expect({ path, lang: await lang(on) }).toEqual({ path, lang: code });
      }
      await expectAccessible(on);
      // The choice is the account's: it holds after signing out and in again.
      await submit(on.locator('form[action="/staff/logout"] button[type=submit]'));
      await signIn(on, server, staff);
      expect(await lang(on)).toBe(code);
      await go(on, server.url('/staff/account'));
      expect(await on.locator(`input[name=locale][value=${code}]`).isChecked()).toBe(true);
      expect(await visibleText(on)).toContain(name);
    }
  });

  it("the partner organisations' pages and a community mediator's own pages are accessible", async () => {
    const administrator = await createStaff(server, { role: 'administrator', locale: 'en' });
    const on = await page(DESKTOP, 'en');
    await signIn(on, server, administrator);
    await visit(on, '/staff/organisations');
    await on.fill('#name', 'Roma Versitas Kosovo');
    await on.fill('#contactEmail', 'office@partner.test');
    await submit(on.locator('form[action="/staff/organisations"] button[type=submit]'));
    await expectAccessible(on);
    const organisationId = new URL(on.url()).pathname.split('/')[3];
    // The invitation form refused with its errors.
    await submit(on.locator('form[action$="/mediators"] button[type=submit]'));
    await expectAccessible(on);

    const mediator = await createMediator(server, { organisationId, locale: 'rom' });
    const filed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/partner/reports',
      headers: (await loginAs(server, mediator)).headers,
      payload: { report: validReport(), mediatorMayFollow: true },
    });
    expect(filed.statusCode).toBe(201);
    const { reference } = filed.json() as { reference: string };
    const phone = await page(PHONE, 'sq');
    await signIn(phone, server, mediator);
    await expectAccessible(phone);
    expect(await visibleText(phone)).toContain(reference);
    await visit(phone, '/staff/partner/report');
    // Sent empty: every question's problem listed, the mediator's question among them.
    await submit(phone.locator('form.report-form button[type=submit]'));
    await expectAccessible(phone);
    await visit(phone, `/staff/partner/reports/${reference}`);
    await phone.fill('#body', 'The person can come to our office on Monday.');
    await submit(phone.locator('form[action$="/messages"] button[type=submit]'));
    await expectAccessible(phone);
    expect(await visibleText(phone)).toContain('The person can come to our office on Monday.');
  });
});
