import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LOCALES, Locale, ViewRenderer, createRedis } from '@app/core';
import {
  MAIL_TEMPLATES,
  MailTemplate,
  NotificationAdminService,
  NotificationOutbox,
  NotificationRenderer,
  OutboxItem,
  OutboxRelay,
  queuePrefix,
} from '@app/notifications';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { FORM, createStaff, csrfFromPage, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { pause, until } from '../support/wait';

const SAMPLE: Record<string, string> = {
  reference: 'PMD-2026-00042',
  followUpUrl: 'http://localhost:3000/follow-up',
  caseUrl: 'http://localhost:3000/staff/cases/PMD-2026-00042',
  status: 'referred',
  meetingDate: '2026-03-12',
  meetingUrl: 'http://localhost:3000/staff/meetings/7',
  institution: 'Kosovo Police',
  dueDate: '2026-04-30',
  responseUrl: 'http://localhost:3000/referrals/respond/one-time-token',
  name: 'Arta Berisha',
  inviteUrl: 'http://localhost:3000/staff/invitations/one-time-token',
  expiresAt: '2026-02-01T10:30:00.000Z',
  resetUrl: 'http://localhost:3000/staff/password-reset/one-time-token',
  stage: 'assessment',
  overdue: '2',
  references: 'PMD-2026-00042, PMD-2026-00043',
  listUrl: 'http://localhost:3000/staff/cases?due=overdue',
  reportUrl: 'http://localhost:3000/staff/partner/reports/PMD-2026-00042',
};

function itemFor(template: MailTemplate, locale: Locale, to: string): OutboxItem {
  const params = Object.fromEntries(MAIL_TEMPLATES[template].params.map((p) => [p, SAMPLE[p]]));
  return { template, locale, to, params } as OutboxItem;
}

describe('Email notifications: outbox → relay → queue → SMTP', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let env: Record<string, string>;
  let db: DataSource;

  const write = (items: OutboxItem[]) =>
    db.transaction((manager) => server.app.get(NotificationOutbox).add(manager, items));
  const row = async (id: string) =>
    (
      (await db.query(`SELECT * FROM notification_outbox WHERE id = $1`, [id])) as Record<
        string,
        unknown
      >[]
    )[0];

  /**
   * A worker that has finished starting. One closed while it still declares its daily schedules
   * trips an unhandled rejection in BullMQ (its job scheduler awaits the connection being
   * closed), which fails the whole file; the tests that close a worker start it this way.
   */
  const startSettledWorker = async () => {
    const started = await startTestWorker(env);
    await until(
      () => started.logs.text().includes('scheduled'),
      'the worker to declare its schedules',
    );
    return started;
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    env = mailTestEnv({ SMTP_URL: sink.url });
    server = await startTestServer(env);
    env.DATABASE_URL = server.db.url;
    worker = await startTestWorker(env);
    db = server.app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await server?.close();
    await sink?.stop();
  });

  beforeEach(() => {
    sink.accept();
    sink.clear();
  });

  it('delivers every template to its recipient in their language, with no personal data', async () => {
    const templates = Object.keys(MAIL_TEMPLATES) as MailTemplate[];
    const items = templates.flatMap((template, i) =>
      LOCALES.map((locale, j) => itemFor(template, locale, `recipient-${i}-${j}@example.org`)),
    );
    const ids = await write(items);
    await sink.waitFor(items.length);

    const renderer = new NotificationRenderer(new ViewRenderer());
    expect(sink.mails).toHaveLength(items.length);
    items.forEach((item, index) => {
      const mail = sink.mails.find((m) => m.messageId === `<${ids[index]}@localhost>`);
      expect(mail).toBeDefined();
      expect(mail!.to).toEqual([item.to]);
      const expected = renderer.render(item.template, item.locale, item.params);
      expect(mail!.subject).toBe(expected.subject);
      // Every email is written in the recipient's language, Romani included.
      expect(mail!.language).toBe(expected.locale);
      expect(expected.locale).toBe(item.locale);
      expect(mail!.html).toContain(`<html lang="${expected.locale}">`);
      // The address appears only in the envelope and the To header, never in the body.
      expect(mail!.text).not.toContain(item.to);
      expect(mail!.html).not.toContain(item.to);
      if (MAIL_TEMPLATES[item.template].audience === 'reporter') {
        // A reporter email says only that there is news: not even the case reference.
        for (const value of [SAMPLE.reference, SAMPLE.institution, SAMPLE.name]) {
          expect(mail!.raw).not.toContain(value);
        }
      }
    });
    await until(
      async () =>
        (
          (await db.query(
            `SELECT count(*)::int AS n FROM notification_outbox WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
            [ids],
          )) as { n: number }[]
        )[0].n === items.length,
      'every row to be marked sent',
    );
    const statuses = (await db.query(
      `SELECT status, count(*)::int AS n FROM notification_outbox WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [ids],
    )) as { status: string; n: number }[];
    expect(statuses).toEqual([{ status: 'sent', n: items.length }]);
  });

  it('never sends a row marked sent again, even when its job is added once more', async () => {
    const [id] = await write([itemFor('case_assigned', 'en', 'expert@example.org')]);
    await sink.waitFor(1);
    await until(async () => (await row(id)).status === 'sent', 'the row to be marked sent');

    const connection = createRedis(worker.config, 'queue-producer');
    const queue = new Queue('mail', { connection, prefix: queuePrefix(worker.config) });
    queue.on('error', () => undefined); // closing under a pending check is not this test's topic
    try {
      await queue.remove(id);
      const job = await queue.add('send-mail', { outboxId: id }, { jobId: id });
      await until(async () => (await job.getState()) === 'completed', 'the second job to finish');
      expect(await job.isCompleted()).toBe(true);
      // And the relay never picks a sent row up again.
      await worker.app.get(OutboxRelay).relayBatch();
    } finally {
      await queue.close();
      connection.disconnect();
    }
    await drainNotifications(db, server.config);
    expect(sink.mails).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('retries while SMTP is down and delivers once it is back', async () => {
    sink.refuse(421);
    const [id] = await write([itemFor('case_received', 'sr', 'reporter@example.org')]);
    await until(async () => Number((await row(id)).attempts) >= 2, 'two failed attempts');
    const failed = await row(id);
    expect(failed.status).toBe('queued');
    expect(failed.last_error).toMatch(/^SMTP 421/);
    expect(String(failed.last_error)).not.toContain('reporter@example.org');

    sink.accept();
    const [mail] = await sink.waitFor(1);
    expect(mail.to).toEqual(['reporter@example.org']);
    expect(mail.subject).toBe('Poruka sa platforme');
    await until(async () => (await row(id)).status === 'sent', 'the row to be marked sent');
    await drainNotifications(db, server.config);
    expect(sink.mails).toHaveLength(1);
  });

  it('dead-letters an email after its last attempt and sends it when an administrator retries', async () => {
    sink.refuse(451);
    const [id] = await write([itemFor('referral_answered', 'en', 'expert@example.org')]);
    await until(async () => (await row(id)).status === 'dead', 'the email to be dead-lettered');
    const dead = await row(id);
    expect(dead.attempts).toBe(4);
    expect(dead.last_error).toMatch(/^SMTP 451/);
    expect(sink.mails).toHaveLength(0);

    const admin = server.app.get(NotificationAdminService);
    const administrator = { role: 'administrator' } as const;
    const list = await admin.deadLetters(administrator);
    const entry = list.items.find((item) => item.id === id);
    expect(entry).toMatchObject({
      template: 'referral_answered',
      locale: 'en',
      recipientKind: 'staff',
      reference: 'PMD-2026-00042',
      attempts: 4,
    });
    expect(JSON.stringify(list)).not.toContain('expert@example.org');
    const summary = await admin.summary();
    expect(summary.outbox.dead).toBeGreaterThanOrEqual(1);
    expect(summary.queue).toMatchObject({ failed: expect.any(Number) });
    expect(summary.queue!.failed).toBeGreaterThanOrEqual(1);

    sink.accept();
    await expect(admin.retry(administrator, id)).resolves.toEqual({ id, status: 'pending' });
    const [mail] = await sink.waitFor(1);
    expect(mail.messageId).toBe(`<${id}@localhost>`);
    await until(async () => (await row(id)).status === 'sent', 'the retried row to be sent');
  });

  it('lists dead letters on the administrators page and API, and retries from the page', async () => {
    sink.refuse(451);
    const [id] = await write([itemFor('case_submitted_staff', 'sq', 'admin@example.org')]);
    await until(async () => (await row(id)).status === 'dead', 'the email to be dead-lettered');
    sink.accept();

    const anonymous = await server.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/summary',
    });
    expect(anonymous.statusCode).toBe(401);
    const expert = await loginAs(server, await createStaff(server, { role: 'legal_expert' }));
    const refused = await server.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/dead',
      headers: expert.headers,
    });
    expect(refused.statusCode).toBe(403);

    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const summary = await server.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/summary',
      headers: admin.headers,
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      outbox: { pending: expect.any(Number), queued: expect.any(Number), dead: expect.any(Number) },
      queue: {
        waiting: expect.any(Number),
        active: expect.any(Number),
        failed: expect.any(Number),
      },
    });
    const dead = await server.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/dead',
      headers: admin.headers,
    });
    expect(dead.statusCode).toBe(200);
    expect(dead.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect(dead.body).not.toContain('admin@example.org');

    const page = await server.app.inject({
      method: 'GET',
      url: '/staff/notifications?lang=en',
      headers: { cookie: admin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Emails that failed for good');
    expect(page.body).toContain('PMD-2026-00042');
    expect(page.body).not.toContain('admin@example.org');
    expect(page.body).toContain(`action="/staff/notifications/${id}/retry"`);
    const token = csrfFromPage(page.body);

    const forged = await server.app.inject({
      method: 'POST',
      url: `/staff/notifications/${id}/retry`,
      headers: { cookie: admin.cookie },
    });
    expect(forged.statusCode).toBe(403);

    // The token only in the body: a token in the query string counts only on multipart forms.
    const inQuery = await server.app.inject({
      method: 'POST',
      url: `/staff/notifications/${id}/retry?_csrf=${encodeURIComponent(token)}`,
      headers: { cookie: admin.cookie },
    });
    expect(inQuery.statusCode).toBe(403);
    const retried = await server.app.inject({
      method: 'POST',
      url: `/staff/notifications/${id}/retry`,
      headers: { cookie: admin.cookie, 'content-type': FORM },
      payload: form({ _csrf: token }),
    });
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe('/staff/notifications?retried=1');
    await sink.waitFor(1);
    await until(async () => (await row(id)).status === 'sent', 'the retried row to be sent');

    const again = await server.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${id}/retry`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:pmd:problem:notification_not_dead' });
  });

  it('shows the queue counts in /health/ready details', async () => {
    const ready = await server.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      details: {
        notifications: {
          outbox: {
            pending: expect.any(Number),
            queued: expect.any(Number),
            dead: expect.any(Number),
          },
          queue: {
            waiting: expect.any(Number),
            active: expect.any(Number),
            delayed: expect.any(Number),
            failed: expect.any(Number),
          },
        },
      },
    });
  });

  it('lets the email in progress finish when the worker shuts down', async () => {
    const extra = await startSettledWorker();
    await worker.close();
    sink.hold();
    const [id] = await write([itemFor('password_reset', 'en', 'staff@example.org')]);
    await until(async () => sink.heldCount === 1, 'the email to reach SMTP');
    const closing = extra.close();
    // Part of what is exercised: the shutdown has begun while the email is still at SMTP. There
    // is no public sign of "closing" to wait for; were it not begun yet, the test would only be
    // weaker, never wrong, so this pause cannot make it fail.
    await pause(300);
    await sink.release(true);
    await closing;
    expect((await row(id)).status).toBe('sent');
    expect(sink.mails).toHaveLength(1);
    worker = await startSettledWorker();
  });
});
