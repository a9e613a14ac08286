import { ERASED_TEXT } from '@app/cases';
import { installationProfile, isOfferedLocale } from '@app/core';
import { csrfFrom, multipart } from '../cases/case-fixtures';
import { FORM, StaffLogin, csrfFromPage } from '../support/staff';
import type { TestServer } from '../support/test-server';
import {
  Team,
  api,
  assignedCase,
  auditOf,
  makeTeam,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
  step,
  transition,
} from './workflow-fixtures';

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; code: string; message: string }[];
}

const MESSAGE =
  'The school agreed to move your daughter back to her class. If it happens again, write to us.';
const ANSWER_TEXT = 'The pupils are back in mixed classes since Monday; the teachers were trained.';

/** A text as the templates escape it (People's Advocate: People&#39;s Advocate). */
function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A language other than the default and English: Serbian where offered (Kosovo), else Romani. */
const SERBIAN = isOfferedLocale('sr');

describe('The outcome explained to the reporter', () => {
  let server: TestServer;
  let team: Team;

  beforeAll(async () => {
    server = await startWorkflowServer({ FOLLOW_UP_RATE_LIMIT: '1000' });
    team = await makeTeam(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const caseRow = async (id: string) =>
    (
      await rows<{ status: string; outcome_message: string | null }>(
        server,
        'SELECT status, outcome_message FROM cases WHERE id = $1',
        [id],
      )
    )[0];

  /** The reporter's follow-up case page, signed in with the reference and the code. */
  async function followUpPage(
    reference: string,
    receiptCode: string,
    lang = 'en',
  ): Promise<string> {
    const opened = await csrfFrom(server, `/follow-up?lang=${lang}`);
    const signIn = await server.app.inject({
      method: 'POST',
      url: `/follow-up?lang=${lang}`,
      headers: { cookie: opened.cookie, 'content-type': FORM },
      payload: new URLSearchParams({ _csrf: opened.token, reference, receiptCode }).toString(),
    });
    expect(signIn.statusCode).toBe(303);
    const session = ([] as string[])
      .concat(signIn.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0]);
    const page = await server.app.inject({
      method: 'GET',
      url: `/follow-up/case?lang=${lang}`,
      headers: { cookie: [opened.cookie, ...session].join('; ') },
    });
    expect(page.statusCode).toBe(200);
    return page.body;
  }

  /** Sends a staff case page form as a browser without JavaScript. */
  async function postForm(
    login: StaffLogin,
    caseId: string,
    action: string,
    fields: [string, string][],
  ) {
    const opened = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${caseId}?lang=en`,
      headers: { cookie: login.cookie },
    });
    const params = new URLSearchParams(fields);
    params.set('_csrf', csrfFromPage(opened.body));
    return server.app.inject({
      method: 'POST',
      url: `${action}?lang=en`,
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: params.toString(),
    });
  }

  it('refuses a decision without the message for the reporter through the API, naming it in the caller’s language', async () => {
    const created = await assignedCase(server, team);
    for (const [to, extra] of [
      ['resolved', {}],
      ['not_discrimination', { reason: 'The rule applied to every pupil alike.' }],
      ['referred', { referrals: [referral(server)] }],
    ] as const) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${created.id}/transitions?lang=en`,
        headers: team.as.expert.headers,
        payload: { to, ...extra },
      });
      expect([to, res.statusCode]).toEqual([to, 400]);
      const problem = res.json() as Problem;
      expect(problem.errors).toEqual([
        {
          field: 'outcomeMessage',
          code: 'isNotEmpty',
          message:
            'Write the message for the reporter: what was decided and why, in plain words (at least 20 letters).',
        },
      ]);
    }
    const closing = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${created.id}/transitions?lang=${SERBIAN ? 'sr' : 'rom'}`,
      headers: team.as.admin.headers,
      payload: { to: 'resolved', outcomeMessage: '   ' },
    });
    expect(closing.statusCode).toBe(400);
    expect((closing.json() as Problem).errors?.[0]).toMatchObject({
      field: 'outcomeMessage',
      message: expect.stringContaining(
        SERBIAN ? 'Napišite poruku za podnosioca prijave' : 'Ramosar o mesaži vaš o raportuesi',
      ) as string,
    });
    const tooShort = await transition(server, team.as.expert, created.id, {
      to: 'resolved',
      outcomeMessage: 'Done.',
    });
    expect(tooShort.statusCode).toBe(400);
    expect((tooShort.json() as Problem).errors?.[0].field).toBe('outcomeMessage');
    expect(await caseRow(created.id)).toEqual({ status: 'assigned', outcome_message: null });
  });

  it('refuses it on the staff case page: the form again with the message linked to its field', async () => {
    const created = await assignedCase(server, team);
    const page = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${created.id}?lang=en`,
      headers: { cookie: team.as.expert.cookie },
    });
    expect(page.body).toContain('id="f-t-resolved-outcomeMessage"');
    expect(page.body).toContain('It is not e-mailed.');
    const refused = await postForm(
      team.as.expert,
      created.id,
      `/staff/cases/${created.id}/transitions`,
      [
        ['to', 'resolved'],
        ['expectedVersion', '3'],
        ['reason', 'The school complied.'],
        ['outcomeMessage', ''],
      ],
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#f-t-resolved-outcomeMessage"');
    expect(refused.body).toContain('Write the message for the reporter');
    expect(refused.body).toMatch(/<details class="action" open>\s*<summary>Move to: Resolved/);
    // What was typed is kept.
    expect(refused.body).toContain('The school complied.');
    expect((await caseRow(created.id)).status).toBe('assigned');

    const done = await postForm(
      team.as.expert,
      created.id,
      `/staff/cases/${created.id}/transitions`,
      [
        ['to', 'resolved'],
        ['expectedVersion', '3'],
        ['reason', 'The school complied.'],
        ['outcomeMessage', MESSAGE],
      ],
    );
    expect(done.statusCode).toBe(303);
    expect(await caseRow(created.id)).toEqual({ status: 'resolved', outcome_message: MESSAGE });
    const shown = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${created.id}?lang=en`,
      headers: { cookie: team.as.expert.cookie },
    });
    expect(shown.body).toContain(MESSAGE);
  });

  it('stores the message, shows it with the routes if the reporter disagrees, and keeps it out of e-mails', async () => {
    const created = await assignedCase(server, team);
    const before = await followUpPage(created.reference, created.receiptCode);
    expect(before).not.toContain('If you disagree');

    await step(server, team.as.expert, created.id, {
      to: 'not_discrimination',
      reason: 'The rule applied to every pupil alike; no less favourable treatment.',
      outcomeMessage: MESSAGE,
    });
    expect(await caseRow(created.id)).toEqual({
      status: 'not_discrimination',
      outcome_message: MESSAGE,
    });
    const detail = await api(server, team.as.expert, 'GET', `/api/v1/cases/${created.id}`);
    expect(detail.json()).toMatchObject({ outcomeMessage: MESSAGE });

    const page = await followUpPage(created.reference, created.receiptCode);
    expect(page).toContain('The decision on your case');
    expect(page).toContain(MESSAGE);
    expect(page).toContain('If you disagree');
    // The routes are the appeal routes of the public contacts administrators keep.
    const routes = await rows<{ names: Record<string, string>; website: string | null }>(
      server,
      `SELECT names, website FROM public_contacts WHERE kind = 'appeal_route' AND active`,
      [],
    );
    expect(routes.map((r) => r.names.en)).toEqual(
      expect.arrayContaining(
        installationProfile().country.code === 'XK'
          ? ['Ombudsperson Institution of Kosovo', 'Basic Courts']
          : installationProfile().contacts.appeal.map((c) => c.names.en),
      ),
    );
    for (const route of routes) {
      expect(page).toContain(escaped(route.names.en));
      if (route.website) expect(page).toContain(`href="${route.website}"`);
    }
    const inRomani = await followUpPage(created.reference, created.receiptCode, 'rom');
    expect(inRomani).toContain('Te na pristanes');
    // A route with no Romani name shows its name in the installation's default language.
    const fallback = installationProfile().languages.default;
    for (const route of routes)
      expect(inRomani).toContain(escaped(route.names.rom ?? route.names[fallback]));
    expect(inRomani).toContain(MESSAGE);

    // The reporter's e-mail says only that there is news.
    const mails = await outboxOf(server, created.id);
    expect(mails.length).toBeGreaterThan(0);
    expect(JSON.stringify(mails)).not.toContain('daughter back');

    // Reopened, the case has no decision, and so no message.
    await step(server, team.as.admin, created.id, { to: 'in_review', reason: 'New facts.' });
    expect(await caseRow(created.id)).toEqual({ status: 'in_review', outcome_message: null });
    const reopened = await followUpPage(created.reference, created.receiptCode);
    expect(reopened).not.toContain(MESSAGE);
    expect(reopened).not.toContain('If you disagree');
  });

  it('erases the message with the reporter’s personal data', async () => {
    const created = await assignedCase(server, team);
    await step(server, team.as.expert, created.id, { to: 'resolved', outcomeMessage: MESSAGE });
    const erased = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/erase',
      payload: { reference: created.reference, receiptCode: created.receiptCode },
    });
    expect(erased.statusCode).toBe(200);
    expect(await caseRow(created.id)).toEqual({
      status: 'resolved',
      outcome_message: ERASED_TEXT,
    });
  });

  it('explains nothing and offers no appeal on a case the reporter withdrew themselves', async () => {
    const created = await assignedCase(server, team);
    const withdrawn = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/withdraw',
      payload: { reference: created.reference, receiptCode: created.receiptCode },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await caseRow(created.id)).status).toBe('closed');
    const page = await followUpPage(created.reference, created.receiptCode);
    expect(page).not.toContain('The decision on your case');
    expect(page).not.toContain('If you disagree');
  });

  it('shows the institution’s answer to the reporter only when the legal expert shares it', async () => {
    const created = await assignedCase(server, team);
    const { referralIds } = await step(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [referral(server)],
      outcomeMessage: 'We asked the Ministry of Education to act and will tell you its answer.',
    });
    const mail = (await outboxOf(server, created.id)).find((m) => m.template === 'referral_sent');
    const link = new URL(mail!.params.responseUrl).pathname;

    const notYet = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/referrals/${referralIds[0]}/answer-sharing`,
      headers: { ...team.as.expert.headers, 'accept-language': 'en' },
      payload: { shared: true },
    });
    expect(notYet.statusCode).toBe(409);
    expect((notYet.json() as Problem).code).toBe('referral_not_answered');

    const opened = await csrfFrom(server, `${link}?lang=en`);
    const body = multipart([
      ['outcome', 'complied'],
      ['text', ANSWER_TEXT],
    ]);
    const answered = await server.app.inject({
      method: 'POST',
      url: `${link}?_csrf=${encodeURIComponent(opened.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: opened.cookie },
    });
    expect(answered.statusCode).toBe(303);

    const page = await followUpPage(created.reference, created.receiptCode);
    expect(page).toContain('We asked the Ministry of Education to act');
    expect(page).not.toContain(ANSWER_TEXT);

    // Another legal expert may not share it; the case's expert does, from the case page.
    const forbidden = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/referrals/${referralIds[0]}/answer-sharing`,
      headers: team.as.otherExpert.headers,
      payload: { shared: true },
    });
    expect(forbidden.statusCode).toBe(403);
    const staffPage = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${created.id}?lang=en`,
      headers: { cookie: team.as.expert.cookie },
    });
    expect(staffPage.body).toContain('The reporter does not see this answer.');
    const shared = await postForm(
      team.as.expert,
      created.id,
      `/staff/cases/${created.id}/referrals/${referralIds[0]}/sharing`,
      [['shared', 'yes']],
    );
    expect(shared.statusCode).toBe(303);
    expect(shared.headers.location).toBe(`/staff/cases/${created.id}?done=sharing#referrals-title`);
    const sharedPage = await followUpPage(created.reference, created.receiptCode);
    expect(sharedPage).toContain(ANSWER_TEXT);
    expect(sharedPage).toContain('Followed the recommendation');
    expect(sharedPage).toContain('Ministry of Education');
    expect(await auditOf(server, created.id, 'referral_answer_shared')).toHaveLength(1);

    // Sharing can be taken back, through the API as well.
    const unshared = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/referrals/${referralIds[0]}/answer-sharing`,
      headers: team.as.expert.headers,
      payload: { shared: false },
    });
    expect(unshared.statusCode).toBe(200);
    expect(unshared.json()).toEqual({ shared: false });
    expect(await followUpPage(created.reference, created.receiptCode)).not.toContain(ANSWER_TEXT);
    const invalid = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${created.id}/referrals/${referralIds[0]}/answer-sharing`,
      headers: team.as.expert.headers,
      payload: { shared: 'maybe' },
    });
    expect(invalid.statusCode).toBe(400);
  });
});
