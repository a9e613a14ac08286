import type { LightMyRequestResponse } from 'fastify';
import { FieldCipher, installationDate } from '@app/core';
import { StaffLogin, TestStaff, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { identifiedReport, rows, submitReport } from '../cases/case-fixtures';
import { withOutcomeMessage } from '../support/case-workflow';
import { localCode } from '../support/country-codes';

/** The staff of a workflow test, signed in. */
export interface Team {
  admin: TestStaff;
  expert: TestStaff;
  otherExpert: TestStaff;
  member: TestStaff;
  as: {
    admin: StaffLogin;
    expert: StaffLogin;
    otherExpert: StaffLogin;
    member: StaffLogin;
  };
}

export async function startWorkflowServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ INTAKE_RATE_LIMIT: '10000', ...env });
}

export async function makeTeam(server: TestServer): Promise<Team> {
  const admin = await createStaff(server, { role: 'administrator', locale: 'sq' });
  const expert = await createStaff(server, { role: 'legal_expert', locale: 'sr' });
  const otherExpert = await createStaff(server, { role: 'legal_expert', locale: 'en' });
  const member = await createStaff(server, {
    role: 'technical_group_member',
    institutionCode: localCode('institution', 'ombudsperson'),
  });
  return {
    admin,
    expert,
    otherExpert,
    member,
    as: {
      admin: await loginAs(server, admin),
      expert: await loginAs(server, expert),
      otherExpert: await loginAs(server, otherExpert),
      member: await loginAs(server, member),
    },
  };
}

/** A JSON API call as a signed-in staff member (CSRF header included). */
export function api(
  server: TestServer,
  login: StaffLogin,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method,
    url,
    headers: { ...login.headers, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export async function transition(
  server: TestServer,
  login: StaffLogin,
  caseId: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return api(server, login, 'POST', `/api/v1/cases/${caseId}/transitions`, body);
}

/** Takes a step and fails the test with the answer when it is refused. */
export async function step(
  server: TestServer,
  login: StaffLogin,
  caseId: string,
  body: Record<string, unknown>,
): Promise<{ version: number; referralIds: string[] }> {
  const res = await transition(server, login, caseId, withOutcomeMessage(body));
  if (res.statusCode !== 200) {
    const failures = server.logs.entries().filter((e) => e.msg === 'request failed');
    throw new Error(
      `step to ${String(body.to)} answered ${res.statusCode}: ${res.body} ${JSON.stringify(failures.slice(-1))}`,
    );
  }
  return res.json() as { version: number; referralIds: string[] };
}

/** YYYY-MM-DD `days` after today (the installation's time zone), by the server's clock. */
export function daysFromNow(server: TestServer, days: number): string {
  return installationDate(new Date(server.clock.now().getTime() + days * 86_400_000));
}

export function referral(server: TestServer, overrides: Record<string, unknown> = {}) {
  return {
    institutionCode: localCode('institution', 'ministry_education'),
    recommendation: 'Place the child back in a mixed class and train the staff.',
    summary: 'A school moved the Roma pupils of one grade to a separate class in a side building.',
    responseDueDate: daysFromNow(server, 30),
    contactEmail: 'contact@ministry-education.test',
    contactEmailRepeat: 'contact@ministry-education.test',
    oneOffConfirmed: true,
    ...overrides,
  };
}

/** Files an identified report (email + consent to contact) and returns its id. */
export async function newCase(
  server: TestServer,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; reference: string; receiptCode: string }> {
  const submitted = await submitReport(server, identifiedReport(overrides));
  return { id: submitted.id, reference: submitted.reference, receiptCode: submitted.receiptCode };
}

/** Moves a fresh case to `assigned` (to `expert`). */
export async function assignedCase(
  server: TestServer,
  team: Team,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; reference: string; receiptCode: string }> {
  const created = await newCase(server, overrides);
  await step(server, team.as.admin, created.id, { to: 'in_review' });
  await step(server, team.as.admin, created.id, { to: 'assigned', assigneeId: team.expert.id });
  return created;
}

export interface OutboxRow {
  id: string;
  template: string;
  locale: string;
  recipient: string;
  params: Record<string, string>;
}

/** The outbox rows of a case, oldest first, with their recipients decrypted. */
export async function outboxOf(server: TestServer, caseId: string): Promise<OutboxRow[]> {
  const cipher = server.app.get(FieldCipher);
  const found = await rows<{
    id: string;
    template: string;
    locale: string;
    recipient_encrypted: string;
    params: Record<string, string>;
  }>(
    server,
    `SELECT id, template, locale, recipient_encrypted, params FROM notification_outbox
     WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
  return found.map((r) => ({
    id: r.id,
    template: r.template,
    locale: r.locale,
    recipient: cipher.decrypt(r.recipient_encrypted, r.id),
    params: r.params,
  }));
}

export async function historyOf(server: TestServer, caseId: string) {
  return rows<{
    actor_kind: string;
    actor_id: string | null;
    from_status: string | null;
    to_status: string;
    reason: string | null;
    public: boolean;
    event: string;
    referral_id: string | null;
  }>(
    server,
    `SELECT actor_kind, actor_id, from_status, to_status, reason, public, event, referral_id
     FROM case_history WHERE case_id = $1 ORDER BY at, id`,
    [caseId],
  );
}

export async function auditOf(server: TestServer, caseId: string, action?: string) {
  return rows<{ action: string; actor_id: string | null; details: Record<string, unknown> }>(
    server,
    `SELECT action, actor_id, details FROM audit_log
     WHERE subject_type = 'case' AND subject_id = $1 ${action ? 'AND action = $2' : ''} ORDER BY at, id`,
    action ? [caseId, action] : [caseId],
  );
}

export { rows };
