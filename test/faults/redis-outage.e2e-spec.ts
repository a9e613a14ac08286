import { DataSource } from 'typeorm';
import { OutboxRelay } from '@app/notifications';
import { csrfFrom, identifiedReport, submitReport } from '../cases/case-fixtures';
import { assignCase, staffCall } from '../support/case-workflow';
import { TestRedis } from '../support/redis-server';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { FORM, createStaff, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

/**
 * Redis stopped (its own redis-server, killed like a crash, its data lost): reporters and
 * staff keep working, and every email written meanwhile is delivered once Redis is back.
 * test/notifications/redis-outage.e2e-spec.ts covers the relay's side in detail.
 */
describe('Redis stopped: intake and staff work go on, emails follow when it returns', () => {
  let redis: TestRedis;
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let db: DataSource;

  beforeAll(async () => {
    redis = await TestRedis.start();
    sink = await SmtpSink.start();
    const env = mailTestEnv({
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      MAIL_ATTEMPTS: '10',
      OUTBOX_REQUEUE_AFTER_MS: '1000',
      OUTBOX_SWEEP_MS: '500',
    });
    server = await startTestServer(env);
    env.DATABASE_URL = server.db.url;
    worker = await startTestWorker(env);
    db = server.app.get(DataSource);
  });
  afterAll(async () => {
    await worker?.close();
    await server?.close();
    await sink?.stop();
    await redis?.stop();
  });

  it('files reports, follows up and handles cases with Redis down; mails everything once it is up', async () => {
    const app = server.app;
    const adminUser = await createStaff(server, { role: 'administrator' });
    const expertUser = await createStaff(server, { role: 'legal_expert' });
    const expert = await loginAs(server, expertUser);
    await redis.stop();

    // Liveness stays up; readiness names Redis.
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { redis: { status: 'down' } } });

    // Reporters: the API, the web form, the follow-up.
    const filed = await submitReport(server, identifiedReport({ preferredLanguage: 'en' }));
    const formPage = await csrfFrom(server, '/report');
    expect(formPage.token).not.toBe('');
    const followUp = await app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference: filed.reference, receiptCode: filed.receiptCode },
    });
    expect(followUp.statusCode).toBe(200);
    const message = await app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/messages',
      payload: {
        reference: filed.reference,
        receiptCode: filed.receiptCode,
        body: 'I found the letter from the school.',
      },
    });
    expect(message.statusCode).toBe(201);

    // Staff: sign in (rate limits fail open), pages, triage, assignment, an answer.
    const admin = await loginAs(server, adminUser);
    for (const url of ['/staff', '/staff/cases', `/staff/cases/${filed.id}`]) {
      const page = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      expect([url, page.statusCode]).toEqual([url, 200]);
    }
    await assignCase(server, admin, filed.id, expertUser.id);
    await staffCall(server, expert, 'POST', `/api/v1/cases/${filed.id}/messages`, {
      body: 'Thank you, please upload it.',
    });
    const note = await app.inject({
      method: 'POST',
      url: `/staff/cases/${filed.id}/notes`,
      headers: { cookie: expert.cookie, 'content-type': FORM },
      payload: form({ body: 'Letter expected', _csrf: expert.csrf }),
    });
    expect(note.statusCode).toBe(303);

    // The emails wait in the outbox.
    const outbox = async () =>
      (await db.query(`SELECT status, count(*)::int AS n FROM notification_outbox GROUP BY 1`)) as {
        status: string;
        n: number;
      }[];
    // The relay has run into the outage, and a run after the writes leaves every row pending.
    await until(() => worker.logs.text().includes('Outbox relay paused'), 'the relay to pause');
    // Refused before the claim when the relay's connection already knows Redis is gone, or by
    // the queue when it learns it while adding: either way the run fails and the rows are left.
    await expect(worker.app.get(OutboxRelay).relayBatch()).rejects.toThrow();
    const waiting = await outbox();
    const written = waiting.reduce((sum, r) => sum + r.n, 0);
    expect(written).toBeGreaterThanOrEqual(4);
    expect(waiting.map((r) => r.status)).toEqual(['pending']);
    expect(sink.mails).toHaveLength(0);

    await redis.start();
    await sink.waitFor(written, 60_000);
    await until(
      async () => (await outbox()).every((r) => r.status === 'sent'),
      'every email marked sent',
    );
    await drainNotifications(db, server.config);
    expect(sink.mails).toHaveLength(written);
    expect([...sink.deliveriesByMessageId().values()].filter((n) => n > 1)).toEqual([]);
    expect(
      sink.mails.filter((m) => m.to.includes('drita.unique.reporter@example.org')).length,
    ).toBeGreaterThanOrEqual(3);
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});
