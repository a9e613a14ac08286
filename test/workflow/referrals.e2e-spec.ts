import { CaseJobQueues, OverdueReferralsService } from '@app/cases';
import { IDENTITY, csrfFrom, multipart, pdf } from '../cases/case-fixtures';
import { loginAs } from '../support/staff';
import { SmtpSink } from '../support/smtp-sink';
import { mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';
import type { TestServer } from '../support/test-server';
import {
  Team,
  api,
  assignedCase,
  auditOf,
  daysFromNow,
  historyOf,
  makeTeam,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
  step,
} from './workflow-fixtures';

const DAY = 86_400_000;

describe('Referrals to institutions', () => {
  let server: TestServer;
  let team: Team;

  beforeAll(async () => {
    server = await startWorkflowServer({ REFERRAL_LINK_GRACE_DAYS: '2' });
    team = await makeTeam(server);
  });
  afterAll(async () => {
    await server.close();
  });

  /** A referred case; returns its id and the response link path emailed to the institution. */
  async function referredCase(
    overrides: Record<string, unknown> = {},
    referralOverrides: Record<string, unknown> = {},
  ): Promise<{ id: string; reference: string; referralId: string; link: string }> {
    const created = await assignedCase(server, team, overrides);
    const { referralIds } = await step(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [referral(server, referralOverrides)],
    });
    const mail = (await outboxOf(server, created.id)).find((m) => m.template === 'referral_sent');
    if (!mail) throw new Error('no referral_sent email');
    return {
      id: created.id,
      reference: created.reference,
      referralId: referralIds[0],
      link: new URL(mail.params.responseUrl).pathname,
    };
  }

  async function answer(
    link: string,
    fields: [string, string][],
    files = [] as Parameters<typeof multipart>[1],
    opened?: { cookie: string; token: string },
  ) {
    const page = opened ?? (await csrfFrom(server, `${link}?lang=en`));
    const body = multipart(fields, files);
    return server.app.inject({
      method: 'POST',
      url: `${link}?_csrf=${encodeURIComponent(page.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
  }

  it('shows the packet without the reporter’s identity when they did not consent to share it', async () => {
    const referred = await referredCase({ consentToShareIdentity: false });
    const page = await server.app.inject({ method: 'GET', url: `${referred.link}?lang=en` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain(referred.reference);
    expect(page.body).toContain('Place the child back in a mixed class');
    expect(page.body).toContain('moved the Roma pupils of one grade to a separate class');
    expect(page.body).not.toContain('separate class with only Roma children');
    expect(page.body).toContain('Not shared: the reporter did not agree');
    expect(page.body).not.toContain(IDENTITY.name);
    expect(page.body).not.toContain(IDENTITY.email);
    const [viewed] = await auditOf(server, referred.id, 'referral_packet_viewed');
    expect(viewed.details).toMatchObject({
      referralId: referred.referralId,
      identityShared: false,
    });
  });

  it('shows the reporter’s identity in the packet when they consented', async () => {
    const referred = await referredCase({ consentToShareIdentity: true });
    const page = await server.app.inject({ method: 'GET', url: `${referred.link}?lang=en` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(IDENTITY.name);
    expect(page.body).toContain(IDENTITY.email);
    expect(page.body).toContain('separate class with only Roma children');
    expect(page.body).not.toContain('Not shared');
  });

  it('takes the answer once, with documents, and lands it in the case history', async () => {
    const referred = await referredCase();
    const opened = await csrfFrom(server, `${referred.link}?lang=en`);
    const refused = await answer(referred.link, [['text', 'We did it.']], [], opened);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('error-summary');

    const sent = await answer(
      referred.link,
      [
        ['outcome', 'partly_complied'],
        ['text', 'The child was moved back; staff training is planned for spring.'],
      ],
      [{ field: 'documents', filename: 'decision.pdf', content: pdf(2048) }],
    );
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/referrals/answered');

    const [stored] = await rows<{
      status: string;
      answer_outcome: string;
      response_token_used_at: Date | null;
    }>(
      server,
      'SELECT status, answer_outcome, response_token_used_at FROM case_referrals WHERE id = $1',
      [referred.referralId],
    );
    expect(stored).toMatchObject({ status: 'answered', answer_outcome: 'partly_complied' });
    expect(stored.response_token_used_at).not.toBeNull();

    const [last] = (await historyOf(server, referred.id)).slice(-1);
    expect(last).toMatchObject({
      event: 'referral_answered',
      actor_kind: 'institution',
      referral_id: referred.referralId,
      reason: 'partly_complied',
      public: false,
      from_status: 'referred',
      to_status: 'referred',
    });
    const told = (await outboxOf(server, referred.id)).filter(
      (m) => m.template === 'referral_answered',
    );
    expect(told.map((m) => m.recipient)).toEqual([team.expert.email]);

    // Single use: the link now says it was used, to a page or a second answer.
    const again = await server.app.inject({ method: 'GET', url: `${referred.link}?lang=en` });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('already sent');
    const twice = await answer(
      referred.link,
      [
        ['outcome', 'refused'],
        ['text', 'Changed our mind.'],
      ],
      [],
      opened,
    );
    expect(twice.statusCode).toBe(410);
    expect(
      (
        await rows(server, 'SELECT answer_outcome FROM case_referrals WHERE id = $1', [
          referred.referralId,
        ])
      )[0],
    ).toEqual({ answer_outcome: 'partly_complied' });

    // Staff see the answer and download its document as an attachment.
    const detail = await api(server, team.as.expert, 'GET', `/api/v1/cases/${referred.id}`);
    const [answered] = (
      detail.json() as { referrals: { answerText: string; documents: { id: string }[] }[] }
    ).referrals;
    expect(answered.answerText).toContain('staff training');
    expect(answered.documents).toHaveLength(1);
    const file = await api(
      server,
      team.as.expert,
      'GET',
      `/api/v1/cases/${referred.id}/referrals/${referred.referralId}/documents/${answered.documents[0].id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for an unknown link', async () => {
    const page = await server.app.inject({
      method: 'GET',
      url: `/referrals/respond/${'B'.repeat(43)}`,
    });
    expect(page.statusCode).toBe(404);
    const junk = await server.app.inject({ method: 'GET', url: '/referrals/respond/not-a-token' });
    expect(junk.statusCode).toBe(404);
  });

  it('gives staff a new response link; the old one stops working', async () => {
    const referred = await referredCase();
    const renewed = await api(
      server,
      team.as.expert,
      'POST',
      `/api/v1/cases/${referred.id}/referrals/${referred.referralId}/link`,
    );
    expect(renewed.statusCode).toBe(200);
    const { responseUrl } = renewed.json() as { responseUrl: string };
    expect((await server.app.inject({ method: 'GET', url: referred.link })).statusCode).toBe(404);
    expect(
      (await server.app.inject({ method: 'GET', url: new URL(responseUrl).pathname })).statusCode,
    ).toBe(200);
    expect(await auditOf(server, referred.id, 'referral_link_renewed')).toHaveLength(1);
    // Another legal expert does not handle this case.
    const foreign = await api(
      server,
      team.as.otherExpert,
      'POST',
      `/api/v1/cases/${referred.id}/referrals/${referred.referralId}/link`,
    );
    expect(foreign.statusCode).toBe(403);
  });

  it('is run by the worker’s daily overdue check, and its reminders are delivered', async () => {
    const referred = await referredCase({}, { responseDueDate: daysFromNow(server, 5) });
    // The worker runs on the real clock: the due date is moved into its past.
    await rows(
      server,
      `UPDATE case_referrals SET response_due_date = current_date - 3 WHERE id = $1`,
      [referred.referralId],
    );
    const sink = await SmtpSink.start();
    const worker = await startTestWorker(
      mailTestEnv({
        DATABASE_URL: server.config.database.url,
        REDIS_KEY_PREFIX: server.config.redis.keyPrefix,
        SMTP_URL: sink.url,
      }),
    );
    try {
      const queue = worker.app.get(CaseJobQueues).queue('maintenance');
      const job = await queue.add('referral-overdue-check', {});
      const reminded = (to: string) =>
        sink.mails.some((m) => m.to.includes(to) && m.text.includes(referred.reference));
      await until(
        () => reminded(team.expert.email) && reminded('contact@ministry-education.test'),
        'the reminders to the expert and the institution',
      );
      expect((await queue.getJob(job.id!))?.returnvalue).toBeGreaterThanOrEqual(1);
      expect(reminded(team.expert.email)).toBe(true);
      expect(reminded('contact@ministry-education.test')).toBe(true);
    } finally {
      await worker.close();
      await sink.stop();
    }
    const [row] = await rows<{ status: string }>(
      server,
      'SELECT status FROM case_referrals WHERE id = $1',
      [referred.referralId],
    );
    expect(row.status).toBe('overdue');
  });

  // These move the clock forward: they come last.
  it('marks referrals past their due date overdue, once, with reminders to the institution and the legal expert', async () => {
    const referred = await referredCase({}, { responseDueDate: daysFromNow(server, 1) });
    const waiting = await referredCase({}, { responseDueDate: daysFromNow(server, 20) });
    const service = server.app.get(OverdueReferralsService);
    expect(await service.markOverdue(server.clock.now())).toBe(0);

    server.clock.advance(2 * DAY);
    expect(await service.markOverdue(server.clock.now())).toBe(1);
    expect(await service.markOverdue(server.clock.now())).toBe(0);

    const statuses = await rows<{ id: string; status: string }>(
      server,
      'SELECT id, status FROM case_referrals WHERE id = ANY($1)',
      [[referred.referralId, waiting.referralId]],
    );
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [referred.referralId]: 'overdue',
      [waiting.referralId]: 'sent',
    });
    const mails = await outboxOf(server, referred.id);
    const institution = mails.filter((m) => m.template === 'referral_overdue_institution');
    const staff = mails.filter((m) => m.template === 'referral_overdue_staff');
    expect(institution.map((m) => m.recipient)).toEqual(['contact@ministry-education.test']);
    expect(staff.map((m) => [m.recipient, m.locale])).toEqual([[team.expert.email, 'sr']]);
    const [last] = (await historyOf(server, referred.id)).slice(-1);
    expect(last).toMatchObject({ event: 'referral_overdue', actor_kind: 'system', public: false });

    // The reminder carries a new link; a late answer is still welcome through it.
    const fresh = new URL(institution[0].params.responseUrl).pathname;
    expect(fresh).not.toBe(referred.link);
    const late = await answer(fresh, [
      ['outcome', 'complied'],
      ['text', 'Done, late but done.'],
    ]);
    expect(late.statusCode).toBe(303);
  });

  it('lets the link expire the grace period after the due date', async () => {
    // The clock moved past the staff sessions' lifetime.
    team.as.admin = await loginAs(server, team.admin);
    team.as.expert = await loginAs(server, team.expert);
    const referred = await referredCase({}, { responseDueDate: daysFromNow(server, 1) });
    expect((await server.app.inject({ method: 'GET', url: referred.link })).statusCode).toBe(200);
    // Due tomorrow + 2 grace days: expired from the start of the fourth day.
    server.clock.advance(4 * DAY);
    const page = await server.app.inject({ method: 'GET', url: `${referred.link}?lang=en` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('expired');
  });
});
