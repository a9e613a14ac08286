import { isOfferedLocale } from '@app/core';
import { IDENTITY, submitReport, validReport } from '../cases/case-fixtures';
import { FORM, StaffLogin, csrfFromPage, form } from '../support/staff';
import type { TestServer } from '../support/test-server';
import {
  Team,
  assignedCase,
  auditOf,
  daysFromNow,
  historyOf,
  makeTeam,
  newCase,
  rows,
  startWorkflowServer,
  step,
} from './workflow-fixtures';
import { addContactPoint } from '../support/case-workflow';
import { localCode, localName } from '../support/country-codes';

/** Gjakovë, or the installation's municipality in its place. */
const GJAKOVE = localCode('municipality', 'gjakove');
/** A staff language besides the default, with its title of one's own cases. */
const SECOND = isOfferedLocale('sr')
  ? { language: 'sr', mine: 'Moji slučajevi' }
  : { language: 'rom', mine: 'Mingre rastija' };

describe('The back-office case pages', () => {
  let server: TestServer;
  let team: Team;

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
  });
  afterAll(async () => {
    await server.close();
  });

  function page(login: StaffLogin, url: string) {
    return server.app.inject({ method: 'GET', url, headers: { cookie: login.cookie } });
  }

  /** Sends a form as a browser without JavaScript: urlencoded, CSRF token from the page. */
  async function post(
    login: StaffLogin,
    pageUrl: string,
    action: string,
    fields: [string, string][],
  ) {
    const opened = await page(login, pageUrl);
    const params = new URLSearchParams(fields);
    params.set('_csrf', csrfFromPage(opened.body));
    return server.app.inject({
      method: 'POST',
      // Refusals are shown in English, whatever the staff member's language.
      url: action.includes('?') ? action : `${action}?lang=en`,
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: params.toString(),
    });
  }

  const statusOf = async (id: string) =>
    (await rows<{ status: string }>(server, 'SELECT status FROM cases WHERE id = $1', [id]))[0]
      .status;

  it('lists new cases oldest first in the triage queue, with their age', async () => {
    const first = await submitReport(server, validReport());
    server.clock.advance(1000);
    const second = await submitReport(server, validReport());
    server.clock.advance(1000);
    const third = await submitReport(server, validReport());
    await step(server, team.as.admin, second.id, { to: 'in_review' });
    const res = await page(team.as.admin, '/staff/cases/triage?lang=en');
    expect(res.statusCode).toBe(200);
    const firstAt = res.body.indexOf(first.reference);
    const thirdAt = res.body.indexOf(third.reference);
    expect(firstAt).toBeGreaterThan(0);
    expect(thirdAt).toBeGreaterThan(firstAt);
    expect(res.body).not.toContain(second.reference);
    expect(res.body).toContain('today');
    expect(res.body).not.toContain('0 days ago');
  });

  it('offers only the actions the user may take now', async () => {
    const created = await newCase(server);
    const admin = await page(team.as.admin, `/staff/cases/${created.id}?lang=en`);
    expect(admin.statusCode).toBe(200);
    const targets = (html: string) =>
      [...html.matchAll(/name="to" value="(\w+)"/g)].map((m) => m[1]);
    expect(targets(admin.body)).toEqual(['in_review', 'closed']);
    expect(admin.body).toContain('Show the reporter');
    expect(admin.body).not.toContain(IDENTITY.email);

    await step(server, team.as.admin, created.id, { to: 'in_review' });
    await step(server, team.as.admin, created.id, { to: 'assigned', assigneeId: team.expert.id });
    const expert = await page(team.as.expert, `/staff/cases/${created.id}?lang=en`);
    expect(targets(expert.body)).toEqual([
      'technical_group',
      'referred',
      'resolved',
      'not_discrimination',
    ]);
    expect(expert.body).toContain('Show the reporter');
    const other = await page(team.as.otherExpert, `/staff/cases/${created.id}?lang=en`);
    expect(other.statusCode).toBe(200);
    expect(targets(other.body)).toEqual([]);
    expect(other.body).not.toContain('Show the reporter');
    expect(other.body).toContain('You have no action on this case now.');
  });

  it('takes a transition from a form without JavaScript, and refuses it without the CSRF token', async () => {
    const created = await newCase(server);
    const url = `/staff/cases/${created.id}?lang=en`;
    const action = `/staff/cases/${created.id}/transitions`;
    const noToken = await server.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie: team.as.admin.cookie, 'content-type': FORM },
      payload: form({ to: 'in_review', expectedVersion: '1' }),
    });
    expect(noToken.statusCode).toBe(403);
    expect(await statusOf(created.id)).toBe('submitted');

    const done = await post(team.as.admin, url, action, [
      ['to', 'in_review'],
      ['expectedVersion', '1'],
      ['reason', ''],
    ]);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/staff/cases/${created.id}?done=transition`);
    expect(await statusOf(created.id)).toBe('in_review');

    const assign = await post(team.as.admin, url, action, [
      ['to', 'assigned'],
      ['expectedVersion', '2'],
      ['assigneeId', team.expert.id],
    ]);
    expect(assign.statusCode).toBe(303);
    expect(await statusOf(created.id)).toBe('assigned');
  });

  it('shows a refused form again with its errors linked to the fields', async () => {
    const created = await newCase(server);
    const res = await post(
      team.as.admin,
      `/staff/cases/${created.id}?lang=en`,
      `/staff/cases/${created.id}/transitions`,
      [
        ['to', 'closed'],
        ['expectedVersion', '1'],
        ['reason', ''],
      ],
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-t-closed-reason"');
    expect(res.body).toContain('href="#f-t-closed-closureReason"');
    expect(res.body).toMatch(/<details class="action" open>\s*<summary>Move to: Closed/);
    expect(await statusOf(created.id)).toBe('submitted');

    const stale = await post(
      team.as.admin,
      `/staff/cases/${created.id}?lang=en`,
      `/staff/cases/${created.id}/transitions`,
      [
        ['to', 'in_review'],
        ['expectedVersion', '7'],
      ],
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed the case');
  });

  it('refers a case with the referral form', async () => {
    const created = await assignedCase(server, team);
    const pointId = await addContactPoint(server, {
      institutionCode: 'municipality',
      municipalityCode: 'gjakove',
      unit: 'Civil registry office, Gjakovë (test)',
      email: 'civil.registry.gjakove@example.org',
    });
    const url = `/staff/cases/${created.id}?lang=en`;
    const form = await page(team.as.expert, url);
    // The case is from Gjakovë (its installation's equivalent): the municipality's contact point
    // is offered with the others.
    expect(form.body).toContain(`<option value="${pointId}">Civil registry office, Gjakovë (test)`);
    const res = await post(team.as.expert, url, `/staff/cases/${created.id}/transitions`, [
      ['to', 'referred'],
      ['expectedVersion', '3'],
      ['institutionCode', 'municipality'],
      ['municipalityCode', GJAKOVE],
      ['recommendation', 'Register the family at the civil registry without delay.'],
      ['summary', 'The civil registry refused to register a newborn of a Roma family.'],
      ['responseDueDate', daysFromNow(server, 14)],
      ['contactPointId', pointId],
      ['contactEmail', ''],
      ['institutionCode', ''],
      ['municipalityCode', ''],
      ['recommendation', ''],
      ['summary', ''],
      ['responseDueDate', ''],
      ['contactEmail', ''],
      ['institutionCode', ''],
      ['municipalityCode', ''],
      ['recommendation', ''],
      ['summary', ''],
      ['responseDueDate', ''],
      ['contactEmail', ''],
      ['reason', ''],
      [
        'outcomeMessage',
        'We asked the municipality to register your child and will tell you its answer.',
      ],
    ]);
    expect(res.statusCode).toBe(303);
    expect(await statusOf(created.id)).toBe('referred');
    const shown = await page(team.as.expert, url);
    expect(shown.body).toContain('Register the family at the civil registry');
    expect(shown.body).toContain('Sent, waiting for an answer');
    expect(shown.body).toContain(
      `Sent to: Civil registry office, Gjakovë (test), ${localName('municipality', GJAKOVE)} (civil.registry.gjakove@example.org)`,
    );
  });

  it('shows the identity only after the "show identity" POST, and audits it', async () => {
    const created = await assignedCase(server, team);
    const res = await post(
      team.as.expert,
      `/staff/cases/${created.id}?lang=en`,
      `/staff/cases/${created.id}/identity`,
      [],
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(IDENTITY.email);
    expect(res.body).toContain('This view was recorded in the audit log.');
    expect(await auditOf(server, created.id, 'identity_viewed')).toHaveLength(1);
  });

  it('adds notes and messages from their forms', async () => {
    const created = await assignedCase(server, team);
    const url = `/staff/cases/${created.id}?lang=en`;
    const note = await post(team.as.expert, url, `/staff/cases/${created.id}/notes`, [
      ['body', 'Called the school; waiting for their reply.'],
    ]);
    expect(note.statusCode).toBe(303);
    const message = await post(team.as.expert, url, `/staff/cases/${created.id}/messages`, [
      ['body', 'Could you tell us the name of the school?'],
    ]);
    expect(message.statusCode).toBe(303);
    const empty = await post(team.as.expert, url, `/staff/cases/${created.id}/notes`, [
      ['body', '  '],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-note-body"');
    const shown = await page(team.as.expert, url);
    expect(shown.body).toContain('Called the school; waiting for their reply.');
    expect(shown.body).toContain('Could you tell us the name of the school?');
    // The reporter reads the message, never the note.
    const followUp = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference: created.reference, receiptCode: created.receiptCode },
    });
    expect(followUp.body).toContain('Could you tell us the name of the school?');
    expect(followUp.body).not.toContain('Called the school');
    // Nothing of this is a history entry.
    expect(await historyOf(server, created.id)).toHaveLength(3);
  });

  it('shows the case list with filters and the legal expert’s own cases', async () => {
    const created = await assignedCase(server, team, { municipality: GJAKOVE });
    const list = await page(
      team.as.admin,
      `/staff/cases?lang=en&q=&status=assigned&municipality=${GJAKOVE}&area=&community=&year=&assignee=`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(created.reference);
    const mine = await page(team.as.expert, `/staff/cases/mine?lang=${SECOND.language}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(created.reference);
    expect(mine.body).toContain(SECOND.mine);
    expect((await page(team.as.otherExpert, '/staff/cases/mine')).body).not.toContain(
      created.reference,
    );
    expect((await page(team.as.admin, '/staff/cases/mine')).statusCode).toBe(403);
  });
});
