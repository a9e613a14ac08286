import { DataSource } from 'typeorm';
import { assignCase, staffCall } from '../support/case-workflow';
import { drainNotifications } from '../support/drain-notifications';
import { SmtpSink } from '../support/smtp-sink';
import {
  StaffLogin,
  TestMediator,
  TestStaff,
  createMediator,
  createOrganisation,
  createStaff,
  loginAs,
} from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';
import { IDENTITY, identifiedReport } from './case-fixtures';

interface Filed {
  id: string;
  reference: string;
  receiptCode: string;
}

/**
 * A community mediator who follows a report is told by e-mail, through the outbox, the real
 * worker and SMTP, that staff replied: one neutral e-mail in their own language with the
 * report's reference and the link to their report page, never the message or the person's
 * name; none for their own message, without the person's consent, after erasure, or once the
 * organisation has ended.
 */
describe('Community mediators: e-mail when staff reply on a report they follow', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let worker: TestWorker;
  let db: DataSource;
  let adminLogin: StaffLogin;
  let expert: TestStaff;
  let expertLogin: StaffLogin;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const env = mailTestEnv({ SMTP_URL: sink.url, INTAKE_RATE_LIMIT: '1000' });
    server = await startTestServer(env);
    worker = await startTestWorker({ ...env, DATABASE_URL: server.db.url });
    await until(
      () => worker.logs.text().includes('scheduled'),
      'the worker to declare its schedules',
    );
    db = server.app.get(DataSource);
    const admin = await createStaff(server, { role: 'administrator', locale: 'en' });
    adminLogin = await loginAs(server, admin);
    expert = await createStaff(server, { role: 'legal_expert', locale: 'en' });
    expertLogin = await loginAs(server, expert);
  });

  afterAll(async () => {
    await worker?.close();
    await server?.close();
    await sink?.stop();
  });

  const drain = () => drainNotifications(db, server.config);
  const to = (account: { email: string }) => sink.mails.filter((m) => m.to.includes(account.email));

  /** A report the mediator files through the API for a named person, assigned to the expert. */
  async function fileAndAssign(mediator: TestMediator, mayFollow: boolean): Promise<Filed> {
    const login = await loginAs(server, mediator);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/partner/reports',
      headers: login.headers,
      payload: {
        report: identifiedReport({
          description: 'The person was refused a room at the student dormitory.',
        }),
        mediatorMayFollow: mayFollow,
      },
    });
    expect(res.statusCode).toBe(201);
    const filed = res.json() as Filed;
    await assignCase(server, adminLogin, filed.id, expert.id);
    return filed;
  }

  async function reply(caseId: string, body: string, login = expertLogin): Promise<void> {
    await staffCall(server, login, 'POST', `/api/v1/cases/${caseId}/messages`, { body });
  }

  it('sends the following mediator one neutral e-mail in their language, with the link to the report', async () => {
    const organisation = await createOrganisation(server, { name: 'Romani Mahala Centre' });
    const mediator = await createMediator(server, {
      organisationId: organisation.id,
      name: 'Mediator Sabina',
      locale: 'rom',
    });
    const filed = await fileAndAssign(mediator, true);
    await drain();
    expect(to(mediator)).toHaveLength(0);

    // The mediator's own message tells staff, not the mediator.
    const mediatorLogin = await loginAs(server, mediator);
    const own = await server.app.inject({
      method: 'POST',
      url: `/api/v1/partner/reports/${filed.reference}/messages`,
      headers: mediatorLogin.headers,
      payload: { body: 'The person can bring the dormitory letter on Monday.' },
    });
    expect(own.statusCode).toBe(201);
    await drain();
    expect(to(mediator)).toHaveLength(0);
    expect(
      to(expert).filter(
        (m) => m.subject === `New message from the reporter of case ${filed.reference}`,
      ),
    ).toHaveLength(1);

    await reply(filed.id, 'Thank you, Monday suits the legal expert Unique-Reply-Text.');
    await drain();
    const mails = to(mediator);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const link = `${new URL(`/staff/partner/reports/${filed.reference}`, server.config.app.publicUrl).toString()}`;
    expect(mail.language).toBe('rom');
    expect(mail.subject).toBe(`Nevo mesaži ko raporti ${filed.reference}`);
    expect(mail.text).toContain(
      `Si nevo mesaži ko raporti ${filed.reference}. Dža andre ki platforma te drabare les.`,
    );
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    for (const part of [mail.raw, mail.text, mail.html, mail.subject]) {
      expect(part).not.toContain('Unique-Reply-Text');
      expect(part).not.toContain('dormitory');
      expect(part).not.toContain(IDENTITY.name);
      expect(part).not.toContain(IDENTITY.email);
      expect(part).not.toContain(IDENTITY.phone);
    }
    const [row] = await db.query(
      `SELECT recipient_kind, locale, params FROM notification_outbox
        WHERE template = 'mediator_message' AND case_id = $1`,
      [filed.id],
    );
    expect(row).toEqual({
      recipient_kind: 'staff',
      locale: 'rom',
      params: { reference: filed.reference, reportUrl: link },
    });

    // An English-speaking mediator reads it in English.
    const english = await createMediator(server, { organisationId: organisation.id });
    const theirs = await fileAndAssign(english, true);
    await reply(theirs.id, 'A second reply.');
    await drain();
    expect(to(english).map((m) => [m.language, m.subject])).toEqual([
      ['en', `New message on report ${theirs.reference}`],
    ]);
    expect(to(english)[0].text).toContain(
      `There is a new message on report ${theirs.reference}. Sign in to read it.`,
    );
  });

  it('writes nothing without the person’s consent, after erasure, or for an ended organisation', async () => {
    const organisation = await createOrganisation(server);
    const mediator = await createMediator(server, { organisationId: organisation.id });

    // The person did not let the mediator follow the case.
    const notFollowed = await fileAndAssign(mediator, false);
    await reply(notFollowed.id, 'A reply the mediator is not told of.');

    // The person withdrew and had their data erased: the following ends with it.
    const erased = await fileAndAssign(mediator, true);
    const withdrawn = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/withdraw',
      payload: {
        reference: erased.reference,
        receiptCode: erased.receiptCode,
        erasePersonalData: true,
      },
    });
    expect(withdrawn.statusCode).toBe(200);
    await reply(erased.id, 'A reply after the erasure.');

    // A followed report whose organisation then ends.
    const ended = await fileAndAssign(mediator, true);
    await db.query(
      `UPDATE partner_organisations SET active = false, deactivated_at = now() WHERE id = $1`,
      [organisation.id],
    );
    await reply(ended.id, 'A reply after the organisation ended.');

    await drain();
    expect(to(mediator)).toEqual([]);
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM notification_outbox
        WHERE template = 'mediator_message' AND case_id = ANY($1)`,
      [[notFollowed.id, erased.id, ended.id]],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});
