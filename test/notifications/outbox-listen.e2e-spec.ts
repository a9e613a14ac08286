import { DataSource } from 'typeorm';
import { NotificationOutbox } from '@app/notifications';
import { SmtpSink } from '../support/smtp-sink';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

/** Polling is set to ten minutes here, so only NOTIFY can bring an email out within the test. */
describe('The outbox relay woken by LISTEN/NOTIFY', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let db: DataSource;

  const write = (reference: string) =>
    db.transaction((manager) =>
      server.app.get(NotificationOutbox).add(manager, [
        {
          template: 'case_assigned',
          locale: 'en',
          to: 'expert@example.org',
          params: { reference, caseUrl: 'http://localhost:3000/staff/cases/1' },
        },
      ]),
    );
  const listenerPid = async () =>
    (
      (await db.query(
        `SELECT pid FROM pg_stat_activity
         WHERE application_name = 'pmd-worker-outbox-listener' AND datname = current_database()`,
      )) as { pid: number }[]
    )[0]?.pid;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const env = mailTestEnv({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '600000' });
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

  it('sends an email as soon as its transaction commits, without waiting for a poll', async () => {
    await until(listenerPid, 'the relay to listen');
    await write('PMD-2026-00101');
    const [mail] = await sink.waitFor(1, 10000);
    expect(mail.subject).toBe('Case PMD-2026-00101 was assigned to you');
  });

  it('listens again after its database connection is lost (as in a PostgreSQL restart)', async () => {
    const before = await until(listenerPid, 'the relay to listen');
    await db.query(`SELECT pg_terminate_backend($1)`, [before]);
    await until(async () => {
      const now = await listenerPid();
      return now !== undefined && now !== before;
    }, 'the relay to listen again');
    sink.clear();
    await write('PMD-2026-00102');
    const [mail] = await sink.waitFor(1, 10000);
    expect(mail.subject).toBe('Case PMD-2026-00102 was assigned to you');
  });
});
