import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { projectRoot } from '@app/core';
import { StatisticsRecompute } from '@app/statistics';
import { createServer } from '../../apps/server/src/bootstrap';
import { localCode } from '../support/country-codes';
import { identifiedReport, multipart, png, submitReport } from '../cases/case-fixtures';
import { ONE_OFF_RECIPIENT, assignCase, staffCall, transition } from '../support/case-workflow';
import { LogCapture } from '../support/log-capture';
import { StaffLogin, TestStaff, createStaff, loginAs } from '../support/staff';
import { TestClock } from '../support/test-clock';
import { dropDatabase } from '../support/test-database';
import { databaseUrl, testConfig, uniqueName } from '../support/test-env';
import { TestServer, startTestServer } from '../support/test-server';

const exec = promisify(execFile);

/** Runs one of scripts/*.sh the way an operator does, with only the variables it needs. */
async function script(name: string, args: string[], env: Record<string, string>) {
  return exec('bash', [join(projectRoot(), 'scripts', name), ...args], {
    cwd: projectRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    timeout: 120_000,
  });
}

/** What must come back identical from a backup. */
async function snapshot(app: NestFastifyApplication, admin: StaffLogin) {
  const db = app.get(DataSource);
  const server = { app } as TestServer;
  return {
    cases: await db.query(
      `SELECT id, reference, year, seq, status, version, closure_reason, assignee_id,
              contact_email_enc, description, submitted_at
       FROM cases ORDER BY reference`,
    ),
    history: await db.query(
      `SELECT case_id, count(*)::int AS entries, max(to_status) AS last FROM case_history
       GROUP BY case_id ORDER BY case_id`,
    ),
    counters: await db.query(`SELECT * FROM case_reference_counters ORDER BY year`),
    evidence: await db.query(`SELECT id, case_id, sha256 FROM case_evidence ORDER BY id`),
    referrals: await db.query(`SELECT id, case_id, status FROM case_referrals ORDER BY id`),
    messages: await db.query(`SELECT count(*)::int AS n FROM case_messages`),
    outbox: await db.query(
      `SELECT status, count(*)::int AS n FROM notification_outbox GROUP BY 1 ORDER BY 1`,
    ),
    // Signing in on the restored platform adds its own entry: the handling entries are compared.
    audit: await db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action NOT LIKE 'login%' GROUP BY 1 ORDER BY 1`,
    ),
    publicStatistics: (
      await app.inject({ method: 'GET', url: '/api/v1/statistics/yearly?from=2000' })
    ).json() as unknown,
    staffStatistics: await staffCall(
      server,
      admin,
      'GET',
      '/api/v1/statistics/staff/yearly?from=2000',
    ),
  };
}

describe('Backup and restore (scripts/backup.sh, scripts/restore.sh)', () => {
  let server: TestServer;
  let restored: NestFastifyApplication | undefined;
  let work: string;
  const restoredName = uniqueName('pmd_e2e_restored');

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', FOLLOW_UP_RATE_LIMIT: '1000' });
    work = await mkdtemp(join(tmpdir(), 'pmd-backup-'));
  });
  afterAll(async () => {
    await restored?.close();
    await server.close();
    await dropDatabase(restoredName);
    await rm(work, { recursive: true, force: true });
  });

  it('restores into a new database on which the platform starts with equal cases and statistics', async () => {
    // Cases in several states, with history, messages, a referral and an evidence file.
    const adminUser: TestStaff = await createStaff(server, { role: 'administrator' });
    const expertUser: TestStaff = await createStaff(server, { role: 'legal_expert' });
    const admin = await loginAs(server, adminUser);
    const expert = await loginAs(server, expertUser);
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push(await submitReport(server, identifiedReport()));
    await transition(server, admin, filed[1].id, { to: 'in_review' });
    await assignCase(server, admin, filed[2].id, expertUser.id);
    await assignCase(server, admin, filed[3].id, expertUser.id);
    await transition(server, expert, filed[3].id, { to: 'resolved' });
    await transition(server, admin, filed[4].id, {
      to: 'closed',
      closureReason: 'duplicate',
      reason: 'Same as another report',
    });
    await assignCase(server, admin, filed[5].id, expertUser.id);
    await transition(server, expert, filed[5].id, {
      to: 'referred',
      referrals: [
        {
          institutionCode: localCode('institution', 'ombudsperson'),
          recommendation: 'Look into the separate classes.',
          summary:
            'A school moved the Roma pupils of one grade to a separate class in a side building.',
          responseDueDate: '2099-06-30',
          ...ONE_OFF_RECIPIENT,
        },
      ],
    });
    const upload = multipart([], [{ filename: 'letter.png', content: png() }]);
    const added = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${filed[0].reference}/evidence`,
      payload: upload.payload,
      headers: { ...upload.headers, 'x-receipt-code': filed[0].receiptCode },
    });
    expect(added.statusCode).toBe(201);
    await staffCall(server, expert, 'POST', `/api/v1/cases/${filed[2].id}/messages`, {
      body: 'When did this start?',
    });
    const before = await snapshot(server.app, admin);

    // Back up while the platform runs, then restore into a new database and upload folder.
    const backupDir = join(work, 'backup');
    await script('backup.sh', [backupDir], {
      DATABASE_URL: server.db.url,
      UPLOAD_DIR: server.config.storage.uploadDir,
    });
    const targetUrl = databaseUrl(restoredName);
    const uploads = join(work, 'uploads');
    await script('restore.sh', [backupDir, targetUrl, uploads], {});
    // A second restore into the same database is refused: a restore never overwrites.
    await expect(script('restore.sh', [backupDir, targetUrl], {})).rejects.toThrow(
      /already exists/,
    );

    const config = testConfig({
      DATABASE_URL: targetUrl,
      UPLOAD_DIR: uploads,
      INTAKE_RATE_LIMIT: '1000',
    });
    restored = await createServer({
      config,
      logDestination: new LogCapture(),
      clock: new TestClock(),
    });
    const restoredServer = { ...server, app: restored, config } as TestServer;
    const adminThere = await loginAs(restoredServer, adminUser);
    expect(await snapshot(restored, adminThere)).toEqual(before);
    expect((await restored.get(StatisticsRecompute).run({ limit: 10 })).total).toBe(0);

    // Contact details decrypt, evidence downloads, the history is still append-only.
    const identity = await staffCall<Record<string, unknown>>(
      restoredServer,
      adminThere,
      'POST',
      `/api/v1/cases/${filed[0].id}/identity`,
    );
    expect(JSON.stringify(identity)).toContain('drita.unique.reporter@example.org');
    const [file] = (await restored
      .get(DataSource)
      .query(`SELECT id FROM case_evidence WHERE case_id = $1`, [filed[0].id])) as { id: string }[];
    const download = await restored.inject({
      method: 'GET',
      url: `/api/v1/cases/${filed[0].id}/evidence/${file.id}`,
      headers: { cookie: adminThere.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png())).toBe(true);
    await expect(restored.get(DataSource).query(`DELETE FROM case_history`)).rejects.toThrow(
      /append-only/,
    );

    // New reports continue the year's numbering where the backup left it.
    const next = await submitReport(restoredServer, identifiedReport());
    const last = Math.max(...filed.map((f) => Number(f.reference.split('-')[2])));
    expect(Number(next.reference.split('-')[2])).toBe(last + 1);
  });
});
