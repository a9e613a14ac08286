import { DataSource } from 'typeorm';
import { NotificationOutbox, OutboxItem } from '@app/notifications';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { TestServer, startTestServer } from '../support/test-server';
import {
  TestWorker,
  WorkerProcess,
  mailTestEnv,
  spawnWorkerProcess,
  startTestWorker,
} from '../support/test-worker';
import { until } from '../support/wait';

function items(count: number, tag: string): OutboxItem[] {
  return Array.from({ length: count }, (_, i) => ({
    template: 'case_submitted_staff' as const,
    locale: 'en' as const,
    to: `admin-${tag}-${i}@example.org`,
    params: {
      reference: `PMD-2026-${String(i + 1).padStart(5, '0')}`,
      caseUrl: `http://localhost:3000/staff/cases/${i}`,
    },
  }));
}

describe('Email notifications with crashing and concurrent workers', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let env: Record<string, string>;
  let db: DataSource;
  const workers: TestWorker[] = [];
  let child: WorkerProcess | undefined;

  const write = (list: OutboxItem[]) =>
    db.transaction((manager) => server.app.get(NotificationOutbox).add(manager, list));
  const countSent = async (ids: string[]) =>
    (
      (await db.query(
        `SELECT count(*)::int AS n FROM notification_outbox WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
        [ids],
      )) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    env = mailTestEnv({
      SMTP_URL: sink.url,
      // A crashed worker's jobs run again after ~2 s; its unfinished sends after 3 s.
      MAIL_JOB_LOCK_MS: '2000',
      MAIL_SEND_LEASE_MS: '3000',
      MAIL_ATTEMPTS: '8',
    });
    server = await startTestServer(env);
    env.DATABASE_URL = server.db.url;
    db = server.app.get(DataSource);
  });

  afterEach(async () => {
    child?.child.kill('SIGKILL');
    child = undefined;
    await Promise.all(workers.splice(0).map((w) => w.close()));
    await sink.release(false);
    sink.accept();
    sink.clear();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.stop();
  });

  it('delivers every email exactly once when a worker is killed (SIGKILL) in the middle of a batch', async () => {
    child = await spawnWorkerProcess(env);
    const ids = await write(items(200, 'kill'));

    // Let 40 emails through, then keep the next ones in flight (sent to SMTP, not yet accepted).
    sink.holdAfter(40);
    await until(async () => sink.heldCount >= 3, 'emails in flight');
    // Accepted emails have been marked sent: the kill lands on in-flight sends only, not in the
    // (documented) window between SMTP acceptance and the UPDATE.
    await until(async () => (await countSent(ids)) === sink.mails.length, 'sent rows to settle');
    const inFlight = sink.heldCount;
    const exited = child.exited;
    child.child.kill('SIGKILL');
    await exited;
    child = undefined;
    const acceptedBeforeKill = sink.mails.length;
    await sink.release(false);

    const [{ n: marked }] = (await db.query(
      `SELECT count(*)::int AS n FROM notification_outbox
       WHERE id = ANY($1::uuid[]) AND status = 'queued' AND send_started_at IS NOT NULL`,
      [ids],
    )) as { n: number }[];
    expect(marked).toBeGreaterThanOrEqual(inFlight);
    expect(acceptedBeforeKill).toBeLessThan(200);

    workers.push(await startTestWorker(env));
    await sink.waitFor(200, 60000);
    await until(async () => (await countSent(ids)) === 200, 'every row to be marked sent');
    // Nothing left to send or run: a stray duplicate would have arrived by now.
    await drainNotifications(db, server.config);
    const deliveries = sink.deliveriesByMessageId();
    expect(deliveries.size).toBe(200);
    expect([...deliveries.values()].filter((n) => n > 1)).toEqual([]);
    expect(sink.mails).toHaveLength(200);
  });

  it('sends each email once when two workers run at the same time', async () => {
    workers.push(await startTestWorker(env), await startTestWorker(env));
    const ids = [...(await write(items(150, 'a'))), ...(await write(items(150, 'b')))];
    await sink.waitFor(300, 60000);
    await until(async () => (await countSent(ids)) === 300, 'every row to be marked sent');
    await drainNotifications(db, server.config);
    const deliveries = sink.deliveriesByMessageId();
    expect(deliveries.size).toBe(300);
    expect([...deliveries.values()].filter((n) => n > 1)).toEqual([]);
    expect(sink.mails).toHaveLength(300);
    const attempts = (await db.query(
      `SELECT max(attempts)::int AS max FROM notification_outbox WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { max: number }[];
    expect(attempts[0].max).toBe(1);
  });
});
