import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  CaseJobQueues,
  ERASED_FILE_NAME,
  ERASED_TEXT,
  RETENTION_SCHEDULER,
  RetentionService,
} from '@app/cases';
import { installationTimeZone } from '@app/core';
import { StatisticsRecompute } from '@app/statistics';
import {
  SubmittedCaseBody,
  identifiedReport,
  multipart,
  png,
  submitReport,
} from '../cases/case-fixtures';
import { assignCase, staffCall, transition } from '../support/case-workflow';
import { StaffLogin, TestStaff, createStaff, loginAs } from '../support/staff';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { TestServer, startTestServer } from '../support/test-server';
import { mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';

const DAY = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 730;

interface CaseRow {
  contact_name_enc: string | null;
  contact_email_enc: string | null;
  contact_phone_enc: string | null;
  description: string;
  helper_name_enc: string | null;
  personal_data_erased_at: Date | null;
  status: string;
  community: string;
  year: number;
}

describe('Retention: personal data of cases closed longer than the period is erased', () => {
  let server: TestServer;
  let db: DataSource;
  let adminUser: TestStaff;
  let expertUser: TestStaff;

  beforeAll(async () => {
    server = await startTestServer({
      RETENTION_DAYS_AFTER_CLOSURE: String(RETENTION_DAYS),
      INTAKE_RATE_LIMIT: '1000',
      FOLLOW_UP_RATE_LIMIT: '1000',
    });
    db = server.app.get(DataSource);
    adminUser = await createStaff(server, { role: 'administrator' });
    expertUser = await createStaff(server, { role: 'legal_expert' });
  });
  afterAll(async () => {
    await server.close();
  });

  const caseRow = async (id: string) =>
    ((await db.query(`SELECT * FROM cases WHERE id = $1`, [id])) as CaseRow[])[0];
  const count = async (sql: string, id: string) =>
    ((await db.query(sql, [id])) as { n: number }[])[0].n;
  const evidencePath = (id: string) => join(server.config.storage.uploadDir, id.slice(0, 2), id);
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );

  /** An identified report with everything personal a case can hold. */
  async function fullCase(admin: StaffLogin, expert: StaffLogin): Promise<SubmittedCaseBody> {
    const filed = await submitReport(
      server,
      identifiedReport({
        helper: { kind: 'mediator', name: 'Mediator Retention-Name' },
        description: 'Personal story that must disappear after the retention period.',
      }),
    );
    const upload = multipart([], [{ filename: 'my-id-card.png', content: png() }]);
    const added = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${filed.reference}/evidence`,
      payload: upload.payload,
      headers: { ...upload.headers, 'x-receipt-code': filed.receiptCode },
    });
    expect(added.statusCode).toBe(201);
    const reporterMessage = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/messages',
      payload: {
        reference: filed.reference,
        receiptCode: filed.receiptCode,
        body: 'My neighbour Arben saw it too.',
      },
    });
    expect(reporterMessage.statusCode).toBe(201);
    await assignCase(server, admin, filed.id, expertUser.id);
    await staffCall(server, expert, 'POST', `/api/v1/cases/${filed.id}/notes`, {
      body: 'Called the reporter at home.',
    });
    await staffCall(server, expert, 'POST', `/api/v1/cases/${filed.id}/messages`, {
      body: 'Can you send the school letter?',
    });
    return filed;
  }

  it('erases contact, description, messages, notes, files and emails; keeps the case, its history and the statistics', async () => {
    let admin = await loginAs(server, adminUser);
    const expert = await loginAs(server, expertUser);
    const resolved = await fullCase(admin, expert);
    await transition(server, expert, resolved.id, { to: 'resolved' });
    const closed = await submitReport(server, identifiedReport());
    await transition(server, admin, closed.id, {
      to: 'closed',
      closureReason: 'duplicate',
      reason: 'Same as an earlier report',
    });
    const open = await fullCase(admin, expert);
    const [evidence] = (await db.query(`SELECT id FROM case_evidence WHERE case_id = $1`, [
      resolved.id,
    ])) as { id: string }[];
    expect(await exists(evidencePath(evidence.id))).toBe(true);

    // Time passes: the resolved and the closed cases are past the period, the open one is not
    // final, and a case closed today is within it.
    server.clock.advance((RETENTION_DAYS + 1) * DAY);
    admin = await loginAs(server, adminUser);
    const recent = await submitReport(server, identifiedReport());
    await transition(server, admin, recent.id, {
      to: 'closed',
      closureReason: 'outside_mandate',
      reason: 'Not about discrimination by an institution',
    });

    const statistics = () =>
      staffCall(server, admin, 'GET', '/api/v1/statistics/staff/yearly?from=2000');
    const before = await statistics();
    const history = await count(
      `SELECT count(*)::int AS n FROM case_history WHERE case_id = $1`,
      resolved.id,
    );
    server.logs.raw.length = 0;

    const erased = await server.app.get(RetentionService).eraseExpired(server.clock.now());
    expect(erased).toBe(2);

    for (const id of [resolved.id, closed.id]) {
      const row = await caseRow(id);
      expect(row).toMatchObject({
        contact_name_enc: null,
        contact_email_enc: null,
        contact_phone_enc: null,
        description: ERASED_TEXT,
        helper_name_enc: null,
        personal_data_erased_at: expect.any(Date),
      });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM notification_outbox WHERE case_id = $1 AND recipient_kind = 'reporter'`,
          id,
        ),
      ).toBe(0);
    }
    // What the statistics count stays: status, taxonomy, year, grounds, history.
    expect(await caseRow(resolved.id)).toMatchObject({ status: 'resolved', community: 'roma' });
    expect(
      await count(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1`, resolved.id),
    ).toBe(history);
    const messages = (await db.query(`SELECT body FROM case_messages WHERE case_id = $1`, [
      resolved.id,
    ])) as { body: string }[];
    expect(messages.map((m) => m.body)).toEqual([ERASED_TEXT, ERASED_TEXT]);
    expect(
      await count(`SELECT count(*)::int AS n FROM case_notes WHERE case_id = $1`, resolved.id),
    ).toBe(0);
    const files = (await db.query(
      `SELECT original_name, erased_at FROM case_evidence WHERE case_id = $1`,
      [resolved.id],
    )) as { original_name: string; erased_at: Date | null }[];
    expect(files).toEqual([{ original_name: ERASED_FILE_NAME, erased_at: expect.any(Date) }]);
    expect(await exists(evidencePath(evidence.id))).toBe(false);

    // The open case and the recently closed one are untouched.
    for (const id of [open.id, recent.id]) {
      const row = await caseRow(id);
      expect(row.personal_data_erased_at).toBeNull();
      expect(row.contact_name_enc).toMatch(/^v1\./);
      expect(row.description).not.toBe(ERASED_TEXT);
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM case_notes WHERE case_id = $1`, open.id),
    ).toBe(1);

    // The figures are the same, and the summary rows still agree with the cases.
    expect(await statistics()).toEqual(before);
    expect((await server.app.get(StatisticsRecompute).run({ limit: 10 })).total).toBe(0);

    // The reporter still sees the status of the case, and that their data is gone.
    const view = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference: resolved.reference, receiptCode: resolved.receiptCode },
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 'resolved', personalDataErased: true });

    // The run logs counts, nothing of what it erased.
    const logged = server.logs.text();
    expect(logged).toContain('"erasedCases":2');
    expect(logged).not.toMatch(/Retention-Name|Personal story|Arben|my-id-card/);

    // A second run finds nothing more to do.
    expect(await server.app.get(RetentionService).eraseExpired(server.clock.now())).toBe(0);
  });

  it('keeps a case reopened after its period started: only a final status that lasted counts', async () => {
    let admin = await loginAs(server, adminUser);
    const filed = await submitReport(server, identifiedReport());
    await transition(server, admin, filed.id, {
      to: 'closed',
      closureReason: 'insufficient_information',
      reason: 'No details to act on',
    });
    server.clock.advance((RETENTION_DAYS - 10) * DAY);
    admin = await loginAs(server, adminUser);
    await transition(server, admin, filed.id, { to: 'in_review', reason: 'New facts arrived' });
    await transition(server, admin, filed.id, {
      to: 'closed',
      closureReason: 'insufficient_information',
      reason: 'Still nothing to act on',
    });
    server.clock.advance(20 * DAY);
    await server.app.get(RetentionService).eraseExpired(server.clock.now());
    expect((await caseRow(filed.id)).personal_data_erased_at).toBeNull();
  });

  it('deletes idempotency keys, follow-up sessions and staff sessions that have served their time', async () => {
    const now = server.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms);
    const filed = await submitReport(server, identifiedReport());
    await db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at)
       VALUES ('retention-test', 'old', 'h', NULL, $1), ('retention-test', 'fresh', 'h', NULL, $2)`,
      [at(-25 * 60 * 60 * 1000), at(-60 * 60 * 1000)],
    );
    await db.query(
      `INSERT INTO follow_up_sessions (id, token_hash, case_id, created_at, expires_at)
       VALUES (gen_random_uuid(), 'retention-expired', $1, $2, $3),
              (gen_random_uuid(), 'retention-live', $1, $2, $4)`,
      [filed.id, at(-2 * 60 * 60 * 1000), at(-60 * 1000), at(60 * 60 * 1000)],
    );
    const session = (label: string, created: number, expires: number, revoked: number | null) =>
      db.query(
        `INSERT INTO staff_sessions (id, token_hash, user_id, stage, created_at, last_seen_at, expires_at, revoked_at, user_agent)
         VALUES (gen_random_uuid(), encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2, 'active', $3, $3, $4, $5, $1)`,
        [
          label,
          adminUser.id,
          at(created * DAY),
          at(expires * DAY),
          revoked === null ? null : at(revoked * DAY),
        ],
      );
    await session('retention-expired-long-ago', -40, -31, null);
    await session('retention-expired-lately', -35, -29, null);
    await session('retention-revoked-long-ago', -50, 10, -31);
    await session('retention-live', -1, 1, null);
    const HOUR = 60 * 60 * 1000;
    await db.query(
      `INSERT INTO follow_up_client_attempts (reference, client_key, attempts, locked_until, last_attempt_at)
       VALUES ('PMD-2019-00001', 'idle', 2, NULL, $1), ('PMD-2019-00001', 'locked', 5, $2, $1),
              ('PMD-2019-00001', 'recent', 1, NULL, $3)`,
      [at(-25 * HOUR), at(HOUR), at(-HOUR)],
    );
    await db.query(
      `INSERT INTO follow_up_reference_attempts
         (reference, window_started_at, failures, next_attempt_at, attacked_at, total_failures)
       VALUES ('PMD-2019-00001', $1, 3, NULL, NULL, 3), ('PMD-2019-00002', $1, 30, NULL, $2, 30),
              ('PMD-2019-00003', $1, 30, NULL, $3, 30), ('PMD-2019-00004', $4, 3, NULL, NULL, 3)`,
      [at(-2 * HOUR), at(-31 * DAY), at(-29 * DAY), at(-60 * 1000)],
    );

    const purged = await server.app.get(RetentionService).purgeExpired(server.clock.now());
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(purged.followUpSessions).toBeGreaterThanOrEqual(1);
    expect(purged.staffSessions).toBeGreaterThanOrEqual(2);
    const left = async (sql: string) =>
      ((await db.query(sql)) as { name: string }[]).map((r) => r.name).sort();
    expect(
      await left(`SELECT key AS name FROM idempotency_keys WHERE scope = 'retention-test'`),
    ).toEqual(['fresh']);
    expect(
      await left(
        `SELECT token_hash AS name FROM follow_up_sessions WHERE token_hash LIKE 'retention-%'`,
      ),
    ).toEqual(['retention-live']);
    expect(
      await left(
        `SELECT user_agent AS name FROM staff_sessions WHERE user_agent LIKE 'retention-%'`,
      ),
    ).toEqual(['retention-expired-lately', 'retention-live']);
    // Receipt-code counters: a client's count is forgotten after a day without attempts (not
    // while it is locked out); a reference's after its window, unless staff are still shown an
    // attack on it (30 days).
    expect(purged.followUpAttempts).toBe(3);
    expect(
      await left(
        `SELECT client_key AS name FROM follow_up_client_attempts WHERE reference = 'PMD-2019-00001'`,
      ),
    ).toEqual(['locked', 'recent']);
    expect(
      await left(
        `SELECT reference AS name FROM follow_up_reference_attempts WHERE reference LIKE 'PMD-2019-%'`,
      ),
    ).toEqual(['PMD-2019-00003', 'PMD-2019-00004']);
  });
});

describe('The retention job in the worker', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('runs daily in the worker: a job scheduler in the installation’s time zone, handled by the retention service', async () => {
    const worker = await startTestWorker(
      mailTestEnv({ DATABASE_URL: db.url, RETENTION_CRON: '15 3 * * *' }),
    );
    try {
      const queue = worker.app.get(CaseJobQueues).queue('maintenance');
      const scheduler = await until(
        async () => (await queue.getJobSchedulers()).find((s) => s.key === RETENTION_SCHEDULER),
        'the job scheduler',
      );
      expect(scheduler).toMatchObject({ pattern: '15 3 * * *', tz: installationTimeZone() });
      // Run once now: the worker's clock is the real one, so nothing is due yet.
      const job = await queue.add('retention-erase', {});
      await until(async () => (await job.getState()) === 'completed', 'the job to complete');
      expect((await queue.getJob(job.id!))?.returnvalue).toBe(0);
      expect(worker.logs.text()).toContain('"erasedCases":0');
    } finally {
      await worker.close();
    }
  });
});
