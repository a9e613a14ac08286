import { ClockChecksService } from '@app/cases';
import { StatisticsRecompute } from '@app/statistics';
import { addCalendarDays, fromInstallationWallClock, installationDate } from '@app/core';
import { DataSource } from 'typeorm';
import { IDENTITY, csrfFrom, multipart } from '../cases/case-fixtures';
import { localCode } from '../support/country-codes';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { loginAs } from '../support/staff';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import type { TestServer } from '../support/test-server';
import {
  Team,
  api,
  assignedCase,
  historyOf,
  makeTeam,
  newCase,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
  step,
} from './workflow-fixtures';

/** 10:00 in the installation's time zone on a calendar day. */
function installationMorning(day: string, hour = 10): Date {
  const [y, m, d] = day.split('-').map(Number);
  return fromInstallationWallClock(y, m, d, hour);
}

interface ClockRow {
  stage: string;
  start_day: string;
  due_day: string;
  paused_days: number;
  working_days: number | null;
  stopped: boolean;
}

const CLOCK_ENV = {
  CLOCK_TRIAGE_DAYS: '2',
  CLOCK_ASSIGNMENT_DAYS: '2',
  CLOCK_ASSESSMENT_DAYS: '3',
  CLOCK_TECHNICAL_GROUP_DAYS: '5',
  CLOCK_INSTITUTION_ANSWER_DAYS: '4',
  CLOCK_CLOSING_DAYS: '2',
  CLOCK_REMINDER_DAYS_BEFORE: '1',
  CLOCK_REPORTER_WAIT_DAYS: '3',
};

describe('Case clocks', () => {
  let server: TestServer;
  let team: Team;
  /** A Monday at least a week ahead; its Wednesday is made a public holiday. */
  let monday: string;
  const day = (n: number) => addCalendarDays(monday, n);

  async function moveTo(target: string): Promise<void> {
    const ms = installationMorning(target).getTime() - server.clock.now().getTime();
    if (ms > 0) server.clock.advance(ms);
    // Days passed: the staff sign in again, as they would.
    team.as.admin = await loginAs(server, team.admin);
    team.as.expert = await loginAs(server, team.expert);
  }

  /** A staff page and the CSRF token of its forms. */
  async function csrfFromStaff(url: string, cookie: string) {
    const res = await server.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return { body: res.body, token: /name="_csrf" value="([^"]+)"/.exec(res.body)![1] };
  }

  async function clockEventsOf(caseId: string) {
    return rows<{ event: string; actor_kind: string }>(
      server,
      `SELECT event, actor_kind FROM case_clock_events WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
  }

  async function clocksOf(caseId: string): Promise<ClockRow[]> {
    return rows<ClockRow>(
      server,
      `SELECT stage, to_char(start_day, 'YYYY-MM-DD') AS start_day,
              to_char(due_day, 'YYYY-MM-DD') AS due_day, paused_days, working_days,
              stopped_at IS NOT NULL AS stopped
         FROM case_clocks WHERE case_id = $1 ORDER BY started_at, stopped_at NULLS LAST`,
      [caseId],
    );
  }

  /** The reporter's follow-up page (signed in with the reference and receipt code), in English. */
  async function followUpPage(filed: { reference: string; receiptCode: string }): Promise<string> {
    const page = await csrfFrom(server, '/follow-up?lang=en');
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/follow-up',
      payload: new URLSearchParams({
        _csrf: page.token,
        reference: filed.reference,
        receiptCode: filed.receiptCode,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie },
    });
    expect(signIn.statusCode).toBe(303);
    const session = ([] as string[])
      .concat(signIn.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('pmd_follow_up='))!
      .split(';')[0];
    const res = await server.app.inject({
      method: 'GET',
      url: '/follow-up/case?lang=en',
      headers: { cookie: `${page.cookie}; ${session}` },
    });
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    server = await startWorkflowServer(CLOCK_ENV);
    // The next Monday at least 8 days from now, so the test never depends on the real date.
    let candidate = addCalendarDays(installationDate(server.clock.now()), 8);
    while (new Date(`${candidate}T12:00:00Z`).getUTCDay() !== 1) {
      candidate = addCalendarDays(candidate, 1);
    }
    monday = candidate;
    // The calendar of these weeks is the test's own: one public holiday on the Wednesday.
    await rows(server, `DELETE FROM public_holidays WHERE day BETWEEN $1 AND $2`, [
      monday,
      day(60),
    ]);
    await rows(server, `INSERT INTO public_holidays (day, name) VALUES ($1, 'Test holiday')`, [
      day(2),
    ]);
    team = await makeTeam(server);
    await moveTo(monday);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('dates every stage in working days, pauses for the reporter, and skips the public holiday', async () => {
    const filed = await newCase(server);
    // Monday + 2 working days, the Wednesday holiday skipped: Thursday.
    expect(await clocksOf(filed.id)).toEqual([
      expect.objectContaining({ stage: 'triage', start_day: day(0), due_day: day(3) }),
    ]);

    // The reporter reads what happens next and by when, without a name of who handles it.
    const [dd, mm, yyyy] = [day(3).slice(8), day(3).slice(5, 7), day(3).slice(0, 4)];
    expect(await followUpPage(filed)).toContain(`By ${dd}.${mm}.${yyyy} we look at your report.`);

    await moveTo(day(1)); // Tuesday
    await step(server, team.as.admin, filed.id, { to: 'in_review' });
    await step(server, team.as.admin, filed.id, { to: 'assigned', assigneeId: team.expert.id });
    expect(await clocksOf(filed.id)).toEqual([
      expect.objectContaining({ stage: 'triage', working_days: 1, stopped: true }),
      expect.objectContaining({
        stage: 'assignment',
        start_day: day(1),
        due_day: day(4),
        working_days: 0,
        stopped: true,
      }),
      // Tuesday + 3: Thursday, Friday, Monday.
      expect.objectContaining({ stage: 'assessment', due_day: day(7), stopped: false }),
    ]);

    // The legal expert asks the reporter something: the clock waits for the answer.
    const asked = await api(server, team.as.expert, 'POST', `/api/v1/cases/${filed.id}/messages`, {
      body: 'Which school was it, and since when?',
    });
    expect(asked.statusCode).toBe(201);
    const [paused] = await rows<{ paused_day: string | null }>(
      server,
      `SELECT to_char(paused_day, 'YYYY-MM-DD') AS paused_day FROM case_clocks
        WHERE case_id = $1 AND stopped_at IS NULL`,
      [filed.id],
    );
    expect(paused.paused_day).toBe(day(1));
    const waitingPage = await followUpPage(filed);
    expect(waitingPage).toContain('We are waiting for your answer to our message.');
    expect(waitingPage).not.toContain(team.expert.name);

    await moveTo(day(3)); // Thursday: one working day paused (Wednesday is the holiday)
    const answered = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/messages',
      payload: {
        reference: filed.reference,
        receiptCode: filed.receiptCode,
        body: 'The primary school in our village, since September.',
      },
    });
    expect(answered.statusCode).toBe(201);
    expect((await clocksOf(filed.id))[2]).toEqual(
      expect.objectContaining({ stage: 'assessment', paused_days: 1, due_day: day(8) }),
    );

    await step(server, team.as.expert, filed.id, { to: 'technical_group' });
    const { referralIds } = await step(server, team.as.admin, filed.id, {
      to: 'referred',
      referrals: [referral(server)],
    });
    expect(referralIds).toHaveLength(1);
    const link = new URL(
      (await outboxOf(server, filed.id)).find((m) => m.template === 'referral_sent')!.params
        .responseUrl,
    ).pathname;

    await moveTo(day(7)); // the next Monday: the institution answers
    const page = await csrfFrom(server, `${link}?lang=en`);
    const body = multipart([
      ['outcome', 'complied'],
      ['text', 'The child is back in a mixed class; the teachers were trained.'],
    ]);
    const sent = await server.app.inject({
      method: 'POST',
      url: `${link}?_csrf=${encodeURIComponent(page.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
    expect([200, 303]).toContain(sent.statusCode);

    await moveTo(day(8));
    await step(server, team.as.expert, filed.id, { to: 'resolved', reason: 'Complied.' });

    expect(await clocksOf(filed.id)).toEqual([
      expect.objectContaining({ stage: 'triage', working_days: 1 }),
      expect.objectContaining({ stage: 'assignment', working_days: 0 }),
      // Tuesday to Thursday is one working day, and it was paused.
      expect.objectContaining({ stage: 'assessment', working_days: 0, paused_days: 1 }),
      // Thursday + 5: Fri, Mon, Tue, Wed, Thu.
      expect.objectContaining({ stage: 'technical_group', due_day: day(10), working_days: 0 }),
      // Thursday + 4: Fri, Mon, Tue, Wed; answered on Monday after 2 working days.
      expect.objectContaining({
        stage: 'institution_answer',
        due_day: day(9),
        working_days: 2,
      }),
      expect.objectContaining({ stage: 'closing', due_day: day(9), working_days: 1 }),
    ]);
    expect((await clocksOf(filed.id)).every((c) => c.stopped)).toBe(true);

    const clockHistory = await rows<{ event: string; stage: string; actor_kind: string }>(
      server,
      `SELECT event, stage, actor_kind FROM case_clock_events WHERE case_id = $1 ORDER BY id`,
      [filed.id],
    );
    expect(clockHistory.map((h) => `${h.event} ${h.stage}`)).toEqual([
      'started triage',
      'stopped triage',
      'started assignment',
      'stopped assignment',
      'started assessment',
      'paused assessment',
      'resumed assessment',
      'stopped assessment',
      'started technical_group',
      'stopped technical_group',
      'started institution_answer',
      'stopped institution_answer',
      'started closing',
      'stopped closing',
    ]);
    expect(clockHistory[6].actor_kind).toBe('reporter');
    // The status history keeps only its own entries.
    expect((await historyOf(server, filed.id)).every((h) => !h.event.startsWith('clock'))).toBe(
      true,
    );

    // The timeliness histogram counted every stage in the same transactions, and the recompute
    // command proves it (and finds a tampered row).
    const [{ year }] = await rows<{ year: number }>(
      server,
      'SELECT year FROM cases WHERE id = $1',
      [filed.id],
    );
    const histogram = await rows<{ stage: string; days: number; count: string; within: string }>(
      server,
      `SELECT stage, days, count, within FROM stat_stage_days WHERE year = $1 ORDER BY stage`,
      [year],
    );
    expect(histogram).toEqual([
      { stage: 'assessment', days: 0, count: '1', within: '1' },
      { stage: 'assignment', days: 0, count: '1', within: '1' },
      { stage: 'closing', days: 1, count: '1', within: '1' },
      { stage: 'institution_answer', days: 2, count: '1', within: '1' },
      { stage: 'technical_group', days: 0, count: '1', within: '1' },
      { stage: 'triage', days: 1, count: '1', within: '1' },
    ]);
    const recompute = server.app.get(StatisticsRecompute, { strict: false });
    expect((await recompute.run()).total).toBe(0);
    await rows(server, `UPDATE stat_stage_days SET count = count + 1 WHERE stage = 'triage'`);
    const tampered = await recompute.run();
    expect(tampered.differences).toEqual([
      expect.objectContaining({ table: 'stat_stage_days', expected: '1/1', actual: '2/1' }),
    ]);
    await recompute.run({ fix: true });
    expect((await recompute.run()).total).toBe(0);

    const statistics = await server.app.inject({
      method: 'GET',
      url: `/staff/statistics?from=${year}&to=${year}&lang=en`,
      headers: { cookie: team.as.admin.headers.cookie },
    });
    expect(statistics.statusCode).toBe(200);
    expect(statistics.body).toContain(`Timeliness, ${year}`);
    const csv = await api(
      server,
      team.as.admin,
      'GET',
      `/api/v1/statistics/export?from=${year}&to=${year}&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`${year},timeliness_median,institution_answer,`);
    expect(csv.body).toContain(`${year},timeliness_within_percent,triage,`);
    expect(statistics.body).toMatch(
      /Institution&#39;s answer<\/th>\s*<td>1<\/td>\s*<td>2<\/td>\s*<td>2<\/td>\s*<td>100 %<\/td>/,
    );

    // Staff read the clock in the case's history.
    const staffPage = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${filed.id}?lang=en`,
      headers: { cookie: team.as.admin.headers.cookie },
    });
    expect(staffPage.body).toContain('Clock paused: waiting for the reporter&#39;s answer');
    expect(staffPage.body).toContain('Clock stopped: Institution&#39;s answer, 2 working days');
  });

  it('lets administrators keep the public holidays of each year, and no one else', async () => {
    const year = Number(day(0).slice(0, 4)) + 3;
    const holiday = `${year}-06-15`;
    const admin = { cookie: team.as.admin.headers.cookie };
    const open = () =>
      csrfFromStaff(`/staff/holidays?year=${year}&lang=en`, team.as.admin.headers.cookie);
    const send = async (url: string, fields: Record<string, string>) => {
      const page = await open();
      return server.app.inject({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: page.token, ...fields }).toString(),
        headers: { ...admin, 'content-type': 'application/x-www-form-urlencoded' },
      });
    };

    const added = await send('/staff/holidays?lang=en', { day: holiday, name: 'Test holiday' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/staff/holidays?year=${year}&done=added`);
    const listed = await open();
    expect(listed.body).toContain(`<time datetime="${holiday}">`);
    const [row] = await rows<{ n: number }>(
      server,
      `SELECT count(*)::int AS n FROM public_holidays WHERE day = $1`,
      [holiday],
    );
    expect(row.n).toBe(1);

    const twice = await send('/staff/holidays?lang=en', { day: holiday, name: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(`There is already a holiday on ${holiday}.`);
    const wrong = await send('/staff/holidays?lang=en', { day: `${year}-02-30`, name: 'No day' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('error-summary');
    expect(wrong.body).toContain('value="No day"');

    const removed = await send(`/staff/holidays/${holiday}/remove?lang=en`, {});
    expect(removed.statusCode).toBe(303);
    expect((await open()).body).not.toContain(`<time datetime="${holiday}">`);

    const expertPage = await server.app.inject({
      method: 'GET',
      url: `/staff/holidays?year=${year}`,
      headers: { cookie: team.as.expert.headers.cookie },
    });
    expect(expertPage.statusCode).toBe(403);
  });

  describe('reminders, with two workers checking the clocks at once', () => {
    let workers: TestWorker[] = [];
    let sink: SmtpSink;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      const env = mailTestEnv({
        ...CLOCK_ENV,
        DATABASE_URL: server.config.database.url,
        REDIS_KEY_PREFIX: server.config.redis.keyPrefix,
        SMTP_URL: sink.url,
      });
      workers = [await startTestWorker(env), await startTestWorker(env)];
    });
    afterAll(async () => {
      for (const worker of workers) await worker.close();
      await sink?.stop();
    });

    const checkEverywhere = (now: Date) =>
      Promise.all(workers.map((w) => w.app.get(ClockChecksService, { strict: false }).run(now)));

    const list = async (query: string) => {
      const res = await api(server, team.as.admin, 'GET', `/api/v1/cases?${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { id: string; clock: unknown }[] }).items;
    };

    async function staffMail(template: string) {
      return rows<{ case_id: string | null; params: Record<string, string> }>(
        server,
        `SELECT case_id, params FROM notification_outbox WHERE template = $1 ORDER BY created_at`,
        [template],
      );
    }

    it('reminds the person responsible once before the due date and once when it passes, and sends one digest a day', async () => {
      await moveTo(day(14)); // a Monday
      const assigned = await assignedCase(server, team);
      const waiting = await assignedCase(server, team);
      await api(server, team.as.expert, 'POST', `/api/v1/cases/${waiting.id}/messages`, {
        body: 'Could you tell us the name of the school?',
      });
      // Monday + 3: Thursday.
      expect((await clocksOf(assigned.id))[2].due_day).toBe(day(17));

      // Wednesday: one working day before the due date.
      await checkEverywhere(installationMorning(day(16), 8));
      await checkEverywhere(installationMorning(day(16), 9));
      const soon = await staffMail('clock_due_soon_staff');
      expect(soon.filter((m) => m.case_id === assigned.id)).toHaveLength(1);
      expect(soon.find((m) => m.case_id === assigned.id)!.params).toEqual({
        reference: assigned.reference,
        stage: expect.any(String),
        dueDate: expect.any(String),
        caseUrl: expect.stringContaining(`/staff/cases/${assigned.id}`),
      });
      // The paused case waits for its reporter: no reminder.
      expect(soon.filter((m) => m.case_id === waiting.id)).toHaveLength(0);
      expect(await staffMail('clock_digest_staff')).toHaveLength(0);

      // The next Monday: past due. Thursday 3 working days after Monday, the paused case
      // stopped waiting (CLOCK_REPORTER_WAIT_DAYS=3) and runs again.
      await checkEverywhere(installationMorning(day(21), 8));
      await checkEverywhere(installationMorning(day(21), 9));
      const overdue = await staffMail('clock_overdue_staff');
      expect(overdue.filter((m) => m.case_id === assigned.id)).toHaveLength(1);
      const history = await clockEventsOf(assigned.id);
      expect(history.filter((h) => h.event === 'breached')).toHaveLength(1);
      const resumed = (await clockEventsOf(waiting.id)).filter((h) => h.event === 'resumed');
      expect(resumed).toEqual([expect.objectContaining({ actor_kind: 'system' })]);

      const digests = await staffMail('clock_digest_staff');
      expect(digests).toHaveLength(1);
      expect(digests[0].params.references).toContain(assigned.reference);
      expect(digests[0].params.listUrl).toContain('/staff/cases?due=overdue');

      // Another run the same day writes nothing new.
      await checkEverywhere(installationMorning(day(21), 10));
      expect(await staffMail('clock_overdue_staff')).toHaveLength(overdue.length);
      expect(await staffMail('clock_digest_staff')).toHaveLength(1);
      expect(await staffMail('clock_due_soon_staff')).toHaveLength(soon.length);

      // The staff lists show and filter the time left, in working days.
      await moveTo(day(21));
      const late = await list('due=overdue');
      expect(late.map((c) => c.id)).toEqual([assigned.id]);
      expect(late[0].clock).toEqual({
        stage: 'assessment',
        dueDate: day(17),
        daysLeft: -2,
        waitingForReporter: false,
      });
      const page = await server.app.inject({
        method: 'GET',
        url: '/staff/cases?due=overdue&lang=en',
        headers: { cookie: team.as.admin.headers.cookie },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(assigned.reference);
      expect(page.body).not.toContain(waiting.reference);
      expect(page.body).toContain('2 working days overdue');
      // Five working days waited (Tuesday to Monday) moved the paused case's date to Thursday.
      await moveTo(day(23));
      expect((await list('due=due_soon')).map((c) => c.id)).toEqual([waiting.id]);
      expect((await list('order=due')).slice(0, 2).map((c) => c.id)).toEqual([
        assigned.id,
        waiting.id,
      ]);
      const refused = await api(server, team.as.admin, 'GET', '/api/v1/cases?due=someday');
      expect(refused.statusCode).toBe(400);

      // And each arrives once, in the recipient's language, naming the case by its reference.
      await drainNotifications(server.app.get(DataSource), server.config);
      const arrived = (to: string, subject: string) =>
        sink.mails.filter((m) => m.to.includes(to) && m.subject.startsWith(subject));
      const expertMail = arrived(team.expert.email, 'Rok');
      expect(expertMail.filter((m) => m.subject.includes(assigned.reference))).toHaveLength(2);
      // The administrator read the overdue list in English (?lang=en): their account keeps it.
      expect(arrived(team.admin.email, 'Overdue cases')).toHaveLength(1);
      for (const mail of [...expertMail, ...arrived(team.admin.email, 'Overdue cases')]) {
        expect(mail.text).not.toContain(IDENTITY.name);
        expect(mail.text).not.toContain('separate class');
      }
    });

    it('proposes for the next agenda the cases whose decision is due first', async () => {
      const later = await assignedCase(server, team);
      const [first, onAgenda] = (await list('order=due')).map((c) => c.id);
      const meeting = await api(server, team.as.admin, 'POST', '/api/v1/meetings', {
        scheduledAt: new Date(server.clock.now().getTime() + 7 * 86_400_000).toISOString(),
        place: 'Zyra e Kryeministrit, salla 2',
      });
      expect(meeting.statusCode).toBe(201);
      const meetingId = (meeting.json() as { id: string }).id;
      const added = await api(
        server,
        team.as.expert,
        'POST',
        `/api/v1/meetings/${meetingId}/items`,
        {
          caseId: onAgenda,
          summary: 'Nxënësit romë u vendosën në një klasë të veçantë; shkolla nuk dha arsye.',
          proposedDecision: 'refer',
          proposedInstitutionCodes: [localCode('institution', 'ministry_education')],
        },
      );
      expect(added.statusCode).toBe(201);

      const page = await server.app.inject({
        method: 'GET',
        url: `/staff/meetings/${meetingId}?lang=en`,
        headers: { cookie: team.as.admin.headers.cookie },
      });
      expect(page.statusCode).toBe(200);
      const proposed = /<section aria-labelledby="proposed-title"[\s\S]*?<\/section>/.exec(
        page.body,
      )![0];
      const order = [...proposed.matchAll(/href="\/staff\/cases\/([0-9a-f-]{36})"/g)].map(
        (m) => m[1],
      );
      // The case already on this agenda is not proposed again; the rest come by due date.
      expect(order).toEqual([first, later.id]);
    });
  });

  it('counts a holiday written by another process in the staff list at once', async () => {
    const filed = await newCase(server);
    const clockInList = async () => {
      const res = await api(
        server,
        team.as.admin,
        'GET',
        '/api/v1/cases?status=submitted&pageSize=100',
      );
      expect(res.statusCode).toBe(200);
      const { items } = res.json() as {
        items: { id: string; clock: { daysLeft: number; dueDate: string } | null }[];
      };
      return items.find((item) => item.id === filed.id)!.clock!;
    };
    const before = await clockInList();
    expect(before.daysLeft).toBeGreaterThan(0);
    // The table written as another server or a worker would: nothing tells this process.
    await rows(server, `INSERT INTO public_holidays (day, name) VALUES ($1, 'Test holiday')`, [
      before.dueDate,
    ]);
    try {
      expect(await clockInList()).toEqual({ ...before, daysLeft: before.daysLeft - 1 });
    } finally {
      await rows(server, `DELETE FROM public_holidays WHERE day = $1`, [before.dueDate]);
    }
    expect(await clockInList()).toEqual(before);
  });
});
