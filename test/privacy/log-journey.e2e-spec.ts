import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { installationReferencePrefix } from '@app/core';
import { csrfFrom, multipart, png, walkReportSteps } from '../cases/case-fixtures';
import { assignCase, staffCall } from '../support/case-workflow';
import { localCode } from '../support/country-codes';
import { SmtpSink } from '../support/smtp-sink';
import { FORM, createStaff, csrfFromPage, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';

/** Strings that exist nowhere but in this journey's personal data. */
const MARK = {
  name: 'Qendresa Zzmarkername',
  email: 'zzmarker.reporter@example.org',
  phone: '+383 49 765 431',
  description: 'ZZMARKDESC the director told my son to sit apart from the others',
  message: 'ZZMARKMSG I can bring two witnesses',
  staffMessage: 'ZZMARKSTAFF please describe the second meeting',
  note: 'ZZMARKNOTE reporter sounded afraid on the phone',
  helper: 'ZZMARKHELPER Roma Versitas',
  file: 'zzmarkfile-family-photo.png',
};
/** Also the ways a value could be rewritten on its way to a log (digits, lower case, URL form). */
const needles = [
  ...Object.values(MARK),
  MARK.name.toLowerCase(),
  '49765431',
  '765 431',
  encodeURIComponent(MARK.email),
  'zzmark',
  'ZZMARK',
  'Zzmarkername',
];

function leaks(text: string): string[] {
  return needles.filter((n) => text.includes(n));
}

/**
 * A whole journey, from the report to the legal expert's answer, with the logs of the server
 * and of the worker captured, the emails received and Redis read afterwards: none may hold
 * the reporter's name, email, phone, description or messages.
 */
describe('No personal data in logs, Redis, emails or the database in clear', () => {
  let server: TestServer;
  let worker: TestWorker;
  let sink: SmtpSink;
  let redis: Redis;
  let env: Record<string, string>;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    env = mailTestEnv({ SMTP_URL: sink.url, LOG_LEVEL: 'debug' });
    server = await startTestServer(env);
    env.DATABASE_URL = server.db.url;
    worker = await startTestWorker(env);
    redis = new Redis(server.config.redis.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await worker?.close();
    await server?.close();
    await sink?.stop();
  });

  it('runs intake, follow-up, staff handling and email without a trace of the reporter in logs, jobs or mails', async () => {
    const app = server.app;
    const db = app.get(DataSource);

    // A refused report first: the problem details do not echo the values either.
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        description: MARK.description,
        anonymous: false,
        contact: { name: MARK.name, email: `not-an-email ${MARK.email}`, phone: MARK.phone },
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(leaks(refused.body)).toEqual([]);

    // The report's steps walked to the contact details, with an error there: nothing is filed,
    // and the answers travel in the pages only.
    const walked = await walkReportSteps(server, 'en', [
      { description: MARK.description },
      {
        municipality: localCode('municipality', 'prizren'),
        incidentDate: '2026-02-03',
        primaryArea: 'education',
      },
      { perpetratorKind: 'school', grounds: 'segregation' },
      {
        community: localCode('community', 'roma'),
        reporterRole: 'on_behalf_of_victim',
        helperKind: 'organisation',
        helperName: MARK.helper,
      },
      { anonymous: 'no' },
      { contactName: MARK.name, contactEmail: 'not-an-email', contactPhone: MARK.phone },
    ]);
    expect(walked).toContain('Enter an email address like name@example.com');

    // The report, through the web form with a photo.
    const formPage = await csrfFrom(server, '/report?lang=en');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(formPage.body)?.[1] ?? '';
    const upload = multipart(
      [
        ['idempotencyKey', key],
        ['description', MARK.description],
        ['incidentDate', '2026-02-03'],
        ['municipality', localCode('municipality', 'prizren')],
        ['primaryArea', 'education'],
        ['grounds', 'segregation'],
        ['perpetratorKind', 'school'],
        ['community', localCode('community', 'roma')],
        ['reporterRole', 'on_behalf_of_victim'],
        ['anonymous', 'no'],
        ['contactName', MARK.name],
        ['contactEmail', MARK.email],
        ['contactPhone', MARK.phone],
        ['consentToContact', 'yes'],
        ['preferredLanguage', 'en'],
        ['helperKind', 'organisation'],
        ['helperName', MARK.helper],
      ],
      [{ filename: MARK.file, content: png() }],
    );
    const filedPage = await app.inject({
      method: 'POST',
      url: `/report?_csrf=${encodeURIComponent(formPage.token)}`,
      headers: { ...upload.headers, cookie: formPage.cookie },
      payload: upload.payload,
    });
    expect(filedPage.statusCode).toBe(200);
    const reference = new RegExp(`${installationReferencePrefix()}-\\d{4}-\\d{5}`).exec(
      filedPage.body,
    )![0];
    const receiptCode = /\d{4} \d{4} \d{4} \d{4}/.exec(filedPage.body)![0];
    const [{ id: caseId }] = (await db.query(`SELECT id FROM cases WHERE reference = $1`, [
      reference,
    ])) as { id: string }[];

    // The reporter follows up: API, then the pages with a message.
    const view = await app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference, receiptCode },
    });
    expect(view.statusCode).toBe(200);
    const signIn = await csrfFrom(server, '/follow-up');
    const session = await app.inject({
      method: 'POST',
      url: '/follow-up',
      headers: { cookie: signIn.cookie, 'content-type': FORM },
      payload: form({ reference, receiptCode, _csrf: signIn.token }),
    });
    const cookie = [
      signIn.cookie,
      ...([] as string[]).concat(session.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
    ].join('; ');
    const followUpPage = await app.inject({
      method: 'GET',
      url: '/follow-up/case',
      headers: { cookie },
    });
    const posted = await app.inject({
      method: 'POST',
      url: '/follow-up/messages',
      headers: { cookie, 'content-type': FORM },
      payload: form({ body: MARK.message, _csrf: csrfFromPage(followUpPage.body) }),
    });
    expect(posted.statusCode).toBe(303);
    expect(
      (await app.inject({ method: 'GET', url: '/follow-up/case', headers: { cookie } })).body,
    ).toContain(MARK.message);

    // Staff: triage, the identity shown (audited), assignment, notes and an answer.
    const adminUser = await createStaff(server, { role: 'administrator' });
    const expertUser = await createStaff(server, { role: 'legal_expert' });
    const admin = await loginAs(server, adminUser);
    const expert = await loginAs(server, expertUser);
    expect(
      (await app.inject({ method: 'GET', url: '/staff/cases', headers: { cookie: admin.cookie } }))
        .statusCode,
    ).toBe(200);
    const casePage = await app.inject({
      method: 'GET',
      url: `/staff/cases/${caseId}`,
      headers: { cookie: admin.cookie },
    });
    expect(casePage.body).toContain(MARK.description);
    const identity = await staffCall<Record<string, unknown>>(
      server,
      admin,
      'POST',
      `/api/v1/cases/${caseId}/identity`,
    );
    expect(JSON.stringify(identity)).toContain(MARK.name);
    const identityPage = await app.inject({
      method: 'POST',
      url: `/staff/cases/${caseId}/identity`,
      headers: { cookie: admin.cookie, 'content-type': FORM },
      payload: form({ _csrf: admin.csrf }),
    });
    expect(identityPage.body).toContain(MARK.phone);
    await assignCase(server, admin, caseId, expertUser.id);
    await staffCall(server, expert, 'POST', `/api/v1/cases/${caseId}/notes`, { body: MARK.note });
    await staffCall(server, expert, 'POST', `/api/v1/cases/${caseId}/messages`, {
      body: MARK.staffMessage,
    });
    await staffCall(server, expert, 'GET', `/api/v1/cases/${caseId}/messages`);
    await staffCall(server, expert, 'GET', `/api/v1/cases?q=${encodeURIComponent('son')}`);

    // The worker mails the reporter (received, status changes, the expert's message).
    const mails = await sink.waitFor(4, 30000);
    const toReporter = mails.filter((m) => m.to.includes(MARK.email));
    expect(toReporter.length).toBeGreaterThanOrEqual(3);
    for (const mail of mails) {
      const content = `${mail.subject}\n${mail.text}\n${mail.html}`;
      expect([mail.subject, leaks(content)]).toEqual([mail.subject, []]);
    }

    // Not a trace in any log line of the server or the worker.
    expect(server.logs.raw.length).toBeGreaterThan(20);
    expect(worker.logs.raw.length).toBeGreaterThan(3);
    const leakedLines = [...server.logs.raw, ...worker.logs.raw].filter((l) => leaks(l).length);
    expect(leakedLines).toEqual([]);

    // Nor in Redis (job payloads, rate-limit keys, anything under this installation's prefix).
    const keys = await redis.keys(`${server.config.redis.keyPrefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const type = await redis.type(key);
      const dump =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'list'
              ? JSON.stringify(await redis.lrange(key, 0, -1))
              : type === 'zset'
                ? JSON.stringify(await redis.zrange(key, 0, -1))
                : type === 'set'
                  ? JSON.stringify(await redis.smembers(key))
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : '';
      expect([key, leaks(`${key}${dump ?? ''}`)]).toEqual([key, []]);
    }

    // In the database, contact details are ciphertext; the outbox and audit hold none in clear.
    const [row] = (await db.query(
      `SELECT contact_name_enc, contact_email_enc, contact_phone_enc FROM cases WHERE id = $1`,
      [caseId],
    )) as Record<string, string>[];
    for (const value of Object.values(row)) {
      expect(value).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(leaks(value)).toEqual([]);
    }
    const outbox = (await db.query(
      `SELECT recipient_encrypted, params::text AS params, last_error FROM notification_outbox WHERE case_id = $1`,
      [caseId],
    )) as { recipient_encrypted: string; params: string; last_error: string | null }[];
    expect(outbox.length).toBeGreaterThan(0);
    for (const o of outbox) {
      expect(o.recipient_encrypted).toMatch(/^v1\./);
      expect(leaks(`${o.recipient_encrypted}${o.params}${o.last_error ?? ''}`)).toEqual([]);
    }
    const audit = (await db.query(`SELECT details::text AS details FROM audit_log`)) as {
      details: string | null;
    }[];
    expect(audit.filter((a) => leaks(a.details ?? '').length)).toEqual([]);
  });
});
