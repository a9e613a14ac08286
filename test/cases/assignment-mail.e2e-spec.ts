import { DataSource } from 'typeorm';
import { historyOf } from '../meetings/meeting-fixtures';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import { FORM, TestStaff, createStaff, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';
import { IDENTITY, identifiedReport, submitReport } from './case-fixtures';

/**
 * A new case taken into review and assigned in one action records both steps, and the reporter
 * gets one e-mail about it (of the status it ends in), through the real worker and SMTP.
 */
describe('Assigning a new case in one action: e-mails', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let admin: TestStaff;
  let expert: TestStaff;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const env = mailTestEnv({ SMTP_URL: sink.url, INTAKE_RATE_LIMIT: '1000' });
    server = await startTestServer(env);
    worker = await startTestWorker({ ...env, DATABASE_URL: server.db.url });
    await until(
      () => worker.logs.text().includes('scheduled'),
      'the worker to declare its schedules',
    );
    admin = await createStaff(server, { role: 'administrator', locale: 'en' });
    expert = await createStaff(server, { role: 'legal_expert', locale: 'en' });
  });

  afterAll(async () => {
    await worker?.close();
    await server?.close();
    await sink?.stop();
  });

  const drain = () => drainNotifications(server.app.get(DataSource), server.config);
  const toReporter = () => sink.mails.filter((m) => m.to.includes(IDENTITY.email));

  async function assign(caseId: string): Promise<void> {
    const login = await loginAs(server, admin);
    const page = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${caseId}`,
      headers: { cookie: login.cookie },
    });
    const version = /name="expectedVersion" value="(\d+)"/.exec(page.body)![1];
    const done = await server.app.inject({
      method: 'POST',
      url: `/staff/cases/${caseId}/assignment`,
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: form({ assigneeId: expert.id, expectedVersion: version, _csrf: login.csrf }),
    });
    expect(done.statusCode).toBe(303);
  }

  it('sends the reporter one status e-mail and the expert one assignment, with both steps in the history', async () => {
    const filed = await submitReport(server, identifiedReport());
    await drain();
    expect(toReporter()).toHaveLength(1); // the receipt
    const before = sink.mails.length;

    await assign(filed.id);
    await drain();

    expect((await historyOf(server, filed.id)).map((h) => [h.from_status, h.to_status])).toEqual([
      [null, 'submitted'],
      ['submitted', 'in_review'],
      ['in_review', 'assigned'],
    ]);
    const outbox = (await server.app
      .get(DataSource)
      .query(`SELECT template FROM notification_outbox WHERE case_id = $1 ORDER BY created_at`, [
        filed.id,
      ])) as { template: string }[];
    expect(outbox.map((r) => r.template).filter((t) => t === 'status_changed_reporter')).toEqual([
      'status_changed_reporter',
    ]);
    const arrived = sink.mails.slice(before);
    expect(arrived.filter((m) => m.to.includes(IDENTITY.email))).toHaveLength(1);
    expect(arrived.filter((m) => m.to.includes(expert.email))).toHaveLength(1);
    expect(toReporter()).toHaveLength(2);
  });
});
