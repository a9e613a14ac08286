import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkEvictionPolicy, createRedis } from '@app/core';
import { NotificationOutbox, OutboxRelay } from '@app/notifications';
import { IDENTITY, identifiedReport } from '../cases/case-fixtures';
import { TestRedis } from '../support/redis-server';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

/** These tests stop and wipe Redis: they run their own redis-server, never the shared one. */
describe('Email notifications while Redis is away', () => {
  let redis: TestRedis;
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let db: DataSource;

  const outboxRow = async (where: string, params: unknown[]) =>
    (
      (await db.query(
        `SELECT id, status, attempts FROM notification_outbox WHERE ${where}`,
        params,
      )) as { id: string; status: string; attempts: number }[]
    )[0];

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

  beforeEach(() => {
    sink.accept();
    sink.clear();
  });

  it('accepts a report while Redis is stopped and mails the reporter once Redis is back', async () => {
    await redis.stop();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: identifiedReport({ preferredLanguage: 'en' }),
    });
    expect(res.statusCode).toBe(201);
    const { id: caseId, reference } = res.json() as { id: string; reference: string };

    // The email waits in the outbox while the relay cannot reach Redis: the relay has run into
    // the outage, and a run after the report was written leaves the row pending.
    await until(() => worker.logs.text().includes('Outbox relay paused'), 'the relay to pause');
    // Refused before the claim when the relay's connection already knows Redis is gone, or by
    // the queue when it learns it while adding: either way the run fails and the row is left.
    await expect(worker.app.get(OutboxRelay).relayBatch()).rejects.toThrow();
    const waiting = await outboxRow(`case_id = $1 AND template = 'case_received'`, [caseId]);
    expect(waiting.status).toBe('pending');

    await redis.start();
    const mails = await sink.waitFor(1, 30000);
    const mail = mails.find((m) => m.to.includes(IDENTITY.email));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('A message from the platform');
    expect(mail!.raw).not.toContain(reference);
    for (const secret of [IDENTITY.name, IDENTITY.phone, 'separate class']) {
      expect(mail!.raw).not.toContain(secret);
    }
    await until(
      async () => (await outboxRow(`id = $1`, [waiting.id])).status === 'sent' || undefined,
      'the email to be marked sent',
    );
  });

  it('queues again an email whose job Redis lost, and sends it once', async () => {
    sink.refuse(451);
    const [id] = await db.transaction((manager) =>
      server.app.get(NotificationOutbox).add(manager, [
        {
          template: 'case_assigned',
          locale: 'sq',
          to: 'expert@example.org',
          params: { reference: 'PMD-2026-00007', caseUrl: 'http://localhost:3000/staff/cases/x' },
        },
      ]),
    );
    await until(async () => (await outboxRow(`id = $1`, [id])).attempts >= 1, 'a failed attempt');

    // Redis restarts empty (no persistence): the job waiting for its retry is gone.
    await redis.stop();
    await redis.start();
    sink.accept();

    const [mail] = await sink.waitFor(1, 30000);
    expect(mail.messageId).toBe(`<${id}@localhost>`);
    await until(async () => (await outboxRow(`id = $1`, [id])).status === 'sent', 'sent');
    await drainNotifications(db, server.config);
    expect(sink.mails).toHaveLength(1);
  });

  it('warns at start-up when Redis could evict queued jobs', async () => {
    const evicting = await TestRedis.start(['--maxmemory-policy', 'allkeys-lru']);
    const connection = createRedis(
      { ...worker.config, redis: { ...worker.config.redis, url: evicting.url } },
      'queue-worker',
    );
    const warnings: string[] = [];
    const logger = new (class extends Logger {
      override warn(message: unknown): void {
        warnings.push(String(message));
      }
    })('Redis');
    try {
      await expect(checkEvictionPolicy(connection, logger)).resolves.toBe('allkeys-lru');
      expect(warnings.join('\n')).toContain('maxmemory-policy noeviction');
      warnings.length = 0;
      const shared = createRedis(worker.config, 'queue-worker');
      await expect(checkEvictionPolicy(shared, logger)).resolves.toBe('noeviction');
      shared.disconnect();
      expect(warnings).toEqual([]);
    } finally {
      connection.disconnect();
      await evicting.stop();
    }
  });
});
