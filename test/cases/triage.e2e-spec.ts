import { installationTimeZone, isOfferedLocale } from '@app/core';
import { FORM, TestStaff, createStaff, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { historyOf } from '../meetings/meeting-fixtures';
import { identifiedReport, rows, submitReport, validReport } from './case-fixtures';

/** Whole hours from `now` to the next 12:xx in the installation's time zone. */
function untilLocalNoon(now: Date): number {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: installationTimeZone(),
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(now),
  );
  return ((12 - hour + 24) % 24) * 3_600_000;
}

/**
 * Triage as an administrator does it: flags and ages on the list, the reporter's language on
 * the case, and a new case assigned in one action (both steps in the history, or neither).
 */
/**
 * The expert writes in a language other than the default, and adds one: Serbian and Romani where
 * the installation offers Serbian (Kosovo), else Romani and English.
 */
const SERBIAN = isOfferedLocale('sr');
const EXPERT_LOCALE = SERBIAN ? 'sr' : 'rom';
const ADDED_LOCALE = SERBIAN ? 'rom' : 'en';
const EXPERT_LANGUAGES = SERBIAN ? 'Srpski' : 'Romani';
const BOTH_LANGUAGES = SERBIAN ? 'Srpski, Romani' : 'Romani, English';

describe('Triage of new cases', () => {
  let server: TestServer;
  let admin: TestStaff;
  let adminLogin: Awaited<ReturnType<typeof loginAs>>;
  let expert: TestStaff;
  let older: { id: string; reference: string };

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000' });
    // Around noon in the installation's time zone, so that "today" and "yesterday" hold whenever the suite runs
    // (midnight and the changes of summer time are hours away).
    server.clock.advance(untilLocalNoon(server.clock.now()));
    // A case from the day before (sessions do not outlive a day: sign in after).
    older = await submitReport(server, validReport());
    server.clock.advance(86_400_000);
    admin = await createStaff(server, { role: 'administrator', locale: 'en' });
    adminLogin = await loginAs(server, admin);
    expert = await createStaff(server, {
      role: 'legal_expert',
      name: 'Arta Expert',
      locale: EXPERT_LOCALE,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const page = (url: string) =>
    server.app.inject({ method: 'GET', url, headers: { cookie: adminLogin.cookie } });

  const rowOf = (html: string, reference: string) => {
    const start = html.indexOf(`>${reference}</a>`);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</tr>', start));
  };

  it('flags anonymous, named and hate-crime cases and says "today" and "yesterday"', async () => {
    const named = await submitReport(server, identifiedReport());
    const hate = await submitReport(
      server,
      validReport({ grounds: ['hate_crime', 'hate_speech'] }),
    );
    const list = await page('/staff/cases/triage');
    expect(list.statusCode).toBe(200);
    const hateRow = rowOf(list.body, hate.reference);
    expect(hateRow).toContain('Anonymous');
    expect(hateRow).toContain('Hate crime');
    expect(hateRow).toContain('today');
    const namedRow = rowOf(list.body, named.reference);
    expect(namedRow).toContain('Named');
    expect(namedRow).not.toContain('Hate crime');
    expect(rowOf(list.body, older.reference)).toContain('yesterday');
    expect(list.body).not.toContain('0 days ago');

    const api = await server.app.inject({
      method: 'GET',
      url: '/api/v1/cases?status=submitted',
      headers: { cookie: adminLogin.cookie },
    });
    const items = (
      api.json() as { items: { id: string; anonymous: boolean; hateCrime: boolean }[] }
    ).items;
    expect(items.find((i) => i.id === hate.id)).toMatchObject({ anonymous: true, hateCrime: true });
    expect(items.find((i) => i.id === named.id)).toMatchObject({
      anonymous: false,
      hateCrime: false,
    });
  });

  it("shows the reporter's preferred language on the case page, and writes to them in it", async () => {
    const romani = await submitReport(server, identifiedReport({ preferredLanguage: 'rom' }));
    const other = await createStaff(server, { role: 'legal_expert', locale: 'en' });
    const shown = await page(`/staff/cases/${romani.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toMatch(/id="reporter-language">Romani /);
    const version = /name="expectedVersion" value="(\d+)"/.exec(shown.body)![1];
    const assigned = await server.app.inject({
      method: 'POST',
      url: `/staff/cases/${romani.id}/assignment`,
      headers: { cookie: adminLogin.cookie, 'content-type': FORM },
      payload: form({ assigneeId: other.id, expectedVersion: version, _csrf: adminLogin.csrf }),
    });
    expect(assigned.statusCode).toBe(303);
    const mails = await rows<{ template: string; locale: string }>(
      server,
      `SELECT template, locale FROM notification_outbox WHERE case_id = $1 ORDER BY created_at`,
      [romani.id],
    );
    const toReporter = mails.filter((m) =>
      ['case_received', 'status_changed_reporter'].includes(m.template),
    );
    expect(toReporter.map((m) => m.template)).toContain('status_changed_reporter');
    expect(toReporter.every((m) => m.locale === 'rom')).toBe(true);
  });

  it('assigns a new case in one action: both transitions in the history, one transaction', async () => {
    const fresh = await submitReport(server, validReport());
    const before = await page(`/staff/cases/${fresh.id}`);
    expect(before.body).toContain('Take into review and assign to a legal expert');
    // The experts come with their workload and language.
    expect(before.body).toContain(`>Arta Expert — open cases: 0 · ${EXPERT_LANGUAGES}</option>`);
    const version = /name="expectedVersion" value="(\d+)"/.exec(before.body)![1];

    // A refused assignee leaves the case new, with no history of a review either.
    const refused = await server.app.inject({
      method: 'POST',
      url: `/staff/cases/${fresh.id}/assignment`,
      headers: { cookie: adminLogin.cookie, 'content-type': FORM },
      payload: form({ assigneeId: admin.id, expectedVersion: version, _csrf: adminLogin.csrf }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('error-summary');
    const [still] = await rows<{ status: string }>(
      server,
      'SELECT status FROM cases WHERE id = $1',
      [fresh.id],
    );
    expect(still.status).toBe('submitted');
    expect((await historyOf(server, fresh.id)).map((h) => h.to_status)).toEqual(['submitted']);

    const done = await server.app.inject({
      method: 'POST',
      url: `/staff/cases/${fresh.id}/assignment`,
      headers: { cookie: adminLogin.cookie, 'content-type': FORM },
      payload: form({ assigneeId: expert.id, expectedVersion: version, _csrf: adminLogin.csrf }),
    });
    expect(done.statusCode).toBe(303);
    const history = await historyOf(server, fresh.id);
    expect(history.map((h) => [h.from_status, h.to_status, h.actor_id])).toEqual([
      [null, 'submitted', null],
      ['submitted', 'in_review', admin.id],
      ['in_review', 'assigned', admin.id],
    ]);
    const [assigned] = await rows<{ status: string; assignee_id: string }>(
      server,
      'SELECT status, assignee_id FROM cases WHERE id = $1',
      [fresh.id],
    );
    expect(assigned).toEqual({ status: 'assigned', assignee_id: expert.id });

    // The languages shown are those the expert writes in, which they keep on their account.
    const expertLogin = await loginAs(server, expert);
    const saved = await server.app.inject({
      method: 'POST',
      url: '/staff/account',
      headers: { cookie: expertLogin.cookie, 'content-type': FORM },
      payload: `${form({ locale: EXPERT_LOCALE, _csrf: expertLogin.csrf })}&workingLocales=${EXPERT_LOCALE}&workingLocales=${ADDED_LOCALE}`,
    });
    expect(saved.statusCode).toBe(303);
    const next = await submitReport(server, validReport());
    const after = await page(`/staff/cases/${next.id}`);
    expect(after.body).toContain(`>Arta Expert — open cases: 1 · ${BOTH_LANGUAGES}</option>`);
  });
});
