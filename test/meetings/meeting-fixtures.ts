import type { LightMyRequestResponse } from 'fastify';
import { installationDate } from '@app/core';
import { StaffLogin, TestStaff, createStaff, loginAs } from '../support/staff';
import type { TestServer } from '../support/test-server';
import { rows, submitReport, validReport } from '../cases/case-fixtures';
import { localCode } from '../support/country-codes';

/** The people of a meeting: an administrator, a legal expert and three Technical Group members. */
export interface Group {
  admin: TestStaff;
  expert: TestStaff;
  members: TestStaff[];
  as: {
    admin: StaffLogin;
    expert: StaffLogin;
    members: StaffLogin[];
  };
}

/** Members sit for these institutions (recusal follows them), on the installation's profile. */
export function memberInstitutions(): string[] {
  return ['ombudsperson', 'kosovo_police', 'ministry_health'].map((code) =>
    localCode('institution', code),
  );
}

export async function createGroup(server: TestServer): Promise<Group> {
  const admin = await createStaff(server, { role: 'administrator' });
  const expert = await createStaff(server, { role: 'legal_expert' });
  const members: TestStaff[] = [];
  for (const institutionCode of memberInstitutions()) {
    members.push(
      await createStaff(server, { role: 'technical_group_member', institutionCode, locale: 'sq' }),
    );
  }
  const memberLogins: StaffLogin[] = [];
  for (const member of members) memberLogins.push(await loginAs(server, member));
  return {
    admin,
    expert,
    members,
    as: {
      admin: await loginAs(server, admin),
      expert: await loginAs(server, expert),
      members: memberLogins,
    },
  };
}

/** A JSON request as a signed-in staff member (session cookie + CSRF header). */
export function call(
  server: TestServer,
  login: StaffLogin,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  // Staff read in their own language (tests make them English or Albanian); `?lang=` overrides.
  return server.app.inject({
    method,
    url,
    headers: login.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Asserts the status, showing the body when it differs. */
export function expectStatus(response: LightMyRequestResponse, status: number): void {
  if (response.statusCode !== status) {
    throw new Error(
      `expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 600)}`,
    );
  }
}

/** A reported case taken through triage and assigned to the legal expert, by the workflow API. */
export async function assignedCase(
  server: TestServer,
  group: Group,
  report: Record<string, unknown> = validReport(),
): Promise<{ id: string; reference: string }> {
  const submitted = await submitReport(server, report);
  for (const step of [{ to: 'in_review' }, { to: 'assigned', assigneeId: group.expert.id }]) {
    const res = await call(
      server,
      group.as.admin,
      'POST',
      `/api/v1/cases/${submitted.id}/transitions`,
      step,
    );
    expectStatus(res, 200);
  }
  return { id: submitted.id, reference: submitted.reference };
}

/** A meeting planned by the administrator; by default it started a minute ago (it can be held). */
export async function planMeeting(
  server: TestServer,
  group: Group,
  at = new Date(server.clock.now().getTime() - 60_000),
): Promise<string> {
  const res = await call(server, group.as.admin, 'POST', '/api/v1/meetings', {
    scheduledAt: at.toISOString(),
    place: 'Zyra e Kryeministrit, salla 2',
  });
  expectStatus(res, 201);
  return (res.json() as { id: string }).id;
}

export async function addItem(
  server: TestServer,
  login: StaffLogin,
  meetingId: string,
  caseId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await call(server, login, 'POST', `/api/v1/meetings/${meetingId}/items`, {
    caseId,
    summary: 'Nxënësit romë u vendosën në një klasë të veçantë; shkolla nuk dha arsye.',
    proposedDecision: 'refer',
    proposedInstitutionCodes: [localCode('institution', 'ministry_education')],
    ...extra,
  });
  expectStatus(res, 201);
  return (res.json() as { itemId: string }).itemId;
}

/** Publishes, records attendance of the given members and marks the meeting held. */
export async function holdMeeting(
  server: TestServer,
  group: Group,
  meetingId: string,
  present: TestStaff[] = group.members,
): Promise<void> {
  expectStatus(
    await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/publish`),
    204,
  );
  expectStatus(
    await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/attendance`, {
      presentMemberIds: present.map((m) => m.id),
    }),
    204,
  );
  expectStatus(
    await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/held`),
    204,
  );
}

/** A response due date a month from the server's today (the installation's time zone). */
export function dueDate(server: TestServer, days = 30): string {
  return installationDate(new Date(server.clock.now().getTime() + days * 86_400_000));
}

export async function caseStatus(server: TestServer, caseId: string): Promise<string> {
  const [row] = await rows<{ status: string }>(server, 'SELECT status FROM cases WHERE id = $1', [
    caseId,
  ]);
  return row.status;
}

export interface HistoryRow {
  actor_kind: string;
  actor_id: string | null;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}

export async function historyOf(server: TestServer, caseId: string): Promise<HistoryRow[]> {
  return rows<HistoryRow>(
    server,
    `SELECT actor_kind, actor_id, from_status, to_status, reason FROM case_history
      WHERE case_id = $1 AND event = 'status_changed' ORDER BY id`,
    [caseId],
  );
}
