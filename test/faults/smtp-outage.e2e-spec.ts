import { DataSource } from 'typeorm';
import { identifiedReport, submitReport } from '../cases/case-fixtures';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

/**
 * "SMTP down for minutes", in seconds: the first retry waits MAIL_BACKOFF_MS and each further
 * one twice as long, so with 250 ms an outage of about 6 s spans five attempts, as an outage of
 * some twenty minutes does with the default 30 s. Mails written before and during the outage
 * are delivered once it ends, each exactly once, none dead-lettered.
 */
describe('SMTP down for a while: emails are delivered afterwards, once each', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let db: DataSource;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const env = mailTestEnv({
      SMTP_URL: sink.url,
      MAIL_BACKOFF_MS: '250',
      MAIL_ATTEMPTS: '12',
      INTAKE_RATE_LIMIT: '1000',
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
  });

  const rows = async () =>
    (await db.query(
      `SELECT status, attempts, last_error FROM notification_outbox WHERE template = 'case_received'`,
    )) as { status: string; attempts: number; last_error: string | null }[];

  it('retries with backoff through the outage and delivers every acknowledgement once', async () => {
    // Refused at connection first (421), then after the message (451): both are temporary.
    sink.refuse(421);
    const reports = 10;
    for (let i = 0; i < reports / 2; i++) {
      await submitReport(
        server,
        identifiedReport({ contact: { email: `early.${i}@example.org` } }),
      );
    }
    await until(async () => (await rows()).some((r) => r.attempts >= 2), 'retries to start');
    sink.refuse(451);
    for (let i = 0; i < reports / 2; i++) {
      await submitReport(server, identifiedReport({ contact: { email: `late.${i}@example.org` } }));
    }
    // The outage lasts until every email has been refused and some four times over (which at
    // MAIL_BACKOFF_MS=250 takes a few seconds), rather than for a guessed duration.
    await until(async () => {
      const attempts = (await rows()).map((r) => r.attempts);
      return (
        attempts.length === reports &&
        attempts.every((n) => n >= 1) &&
        Math.max(...attempts) >= 4 &&
        sink.refusedCount > reports
      );
    }, 'every email refused, and one four times');
    const during = await rows();
    expect(during.every((r) => r.status !== 'sent' && r.status !== 'dead')).toBe(true);
    expect(Math.max(...during.map((r) => r.attempts))).toBeGreaterThanOrEqual(4);
    expect(sink.refusedCount).toBeGreaterThan(reports);
    expect(sink.mails).toHaveLength(0);

    sink.accept();
    await sink.waitFor(reports, 60_000);
    await until(async () => (await rows()).every((r) => r.status === 'sent'), 'rows marked sent');
    await drainNotifications(db, server.config);
    expect(sink.mails).toHaveLength(reports);
    expect([...sink.deliveriesByMessageId().values()].filter((n) => n > 1)).toEqual([]);
    expect(new Set(sink.mails.flatMap((m) => m.to)).size).toBe(reports);
  });
});
