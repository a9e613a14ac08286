import { randomUUID } from 'node:crypto';
import { StaffAccounts, StaffActionForbiddenError, StaffPrincipal } from '@app/identity';
import {
  MeetingActionForbiddenError,
  MeetingAgenda,
  MeetingAttendanceService,
  MeetingComments,
  MeetingDecisions,
  MeetingMinutes,
  MeetingsService,
} from '@app/meetings';
import { NotificationActionForbiddenError, NotificationAdminService } from '@app/notifications';
import {
  StatisticsActionForbiddenError,
  StatisticsImport,
  StatisticsPublishing,
} from '@app/statistics';
import type { TestStaff } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { rows } from '../cases/case-fixtures';
import {
  Group,
  addItem,
  assignedCase,
  createGroup,
  planMeeting,
} from '../meetings/meeting-fixtures';

function principal(staff: TestStaff): StaffPrincipal {
  return {
    id: staff.id,
    name: staff.name,
    role: staff.role,
    locale: staff.locale,
    institutionCode: staff.institutionCode,
  };
}

/** Row counts of everything the refused calls below would write. */
async function writes(server: TestServer): Promise<Record<string, number | string>> {
  const [counts] = await rows<Record<string, number | string>>(
    server,
    `SELECT (SELECT count(*) FROM meetings)::int AS meetings,
            (SELECT count(*) FROM meeting_agenda_items)::int AS items,
            (SELECT count(*) FROM meeting_attendance)::int AS attendance,
            (SELECT count(*) FROM meeting_recusals)::int AS recusals,
            (SELECT count(*) FROM meeting_decisions)::int AS decisions,
            (SELECT count(*) FROM meeting_comments)::int AS comments,
            (SELECT count(*) FROM stat_snapshots)::int AS snapshots,
            (SELECT count(*) FROM stat_imported_meetings)::int AS imported_meetings,
            (SELECT count(*) FROM staff_users)::int AS staff,
            (SELECT count(*) FROM staff_users WHERE active)::int AS active_staff,
            (SELECT count(*) FROM staff_tokens)::int AS tokens,
            (SELECT count(*) FROM notification_outbox)::int AS outbox,
            (SELECT count(*) FROM audit_log)::int AS audit,
            (SELECT string_agg(status || coalesce(minutes_text, ''), ',' ORDER BY id) FROM meetings) AS states`,
  );
  return counts;
}

/**
 * Issue 15, item 3. The route guard is the outer wall; every admin-only service method checks
 * the context's permission object too, so a caller that reaches the service another way (a
 * job, a CLI command, a future route without the guard) gets the context's 403 and nothing is
 * written. Each call below is made straight on the service, as a legal expert and as a member.
 */
describe('Admin-only service methods refuse other roles without the route guard', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;
  let itemId: string;
  let caseId: string;
  let before: Record<string, number | string>;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
    const assigned = await assignedCase(server, group);
    caseId = assigned.id;
    meetingId = await planMeeting(server, group);
    itemId = await addItem(server, group.as.expert, meetingId, caseId);
    before = await writes(server);
  });

  afterAll(async () => {
    await server?.close();
  });

  const callers = () => [
    ['legal expert', principal(group.expert)] as const,
    ['Technical Group member', principal(group.members[0])] as const,
  ];

  const meetingCalls: [string, (actor: StaffPrincipal) => Promise<unknown>][] = [
    [
      'plan a meeting',
      (actor) =>
        server.app.get(MeetingsService).plan(actor, {
          scheduledAt: server.clock.now().toISOString(),
          place: 'Salla 1',
        }),
    ],
    [
      'publish the agenda',
      (actor) => server.app.get(MeetingsService).publishAgenda(actor, meetingId),
    ],
    [
      'mark the meeting held',
      (actor) => server.app.get(MeetingsService).markHeld(actor, meetingId),
    ],
    ['cancel the meeting', (actor) => server.app.get(MeetingsService).cancel(actor, meetingId)],
    [
      'record attendance',
      (actor) => server.app.get(MeetingAttendanceService).recordAttendance(actor, meetingId, []),
    ],
    [
      'record a recusal',
      (actor) =>
        server.app
          .get(MeetingAttendanceService)
          .declareRecusal(actor, meetingId, itemId, group.members[1].id),
    ],
    [
      'record a decision',
      (actor) =>
        server.app.get(MeetingDecisions).recordDecision(actor, meetingId, {
          caseId,
          kind: 'postpone',
          text: 'Postponed for more facts.',
        }),
    ],
    [
      'write the minutes',
      (actor) => server.app.get(MeetingMinutes).saveMinutes(actor, meetingId, 'Minutes.'),
    ],
    [
      'approve the minutes',
      (actor) => server.app.get(MeetingMinutes).approveMinutes(actor, meetingId),
    ],
  ];

  it.each(meetingCalls)('meetings: %s', async (_name, run) => {
    for (const [, actor] of callers()) {
      await expect(run(actor)).rejects.toThrow(MeetingActionForbiddenError);
    }
    expect(await writes(server)).toEqual(before);
  });

  it('meetings: a member may not edit the agenda', async () => {
    const member = principal(group.members[0]);
    await expect(
      server.app.get(MeetingAgenda).removeItem(member, meetingId, itemId),
    ).rejects.toThrow(MeetingActionForbiddenError);
    await expect(
      server.app.get(MeetingAgenda).addItem(member, meetingId, {
        case: { id: caseId },
        summary: 'A summary a member may not write.',
        proposedDecision: 'not_discrimination',
      }),
    ).rejects.toThrow(MeetingActionForbiddenError);
    expect(await writes(server)).toEqual(before);
  });

  it('statistics: publishing a year and importing earlier data', async () => {
    for (const [, actor] of callers()) {
      await expect(server.app.get(StatisticsPublishing).publish(2020, actor, null)).rejects.toThrow(
        StatisticsActionForbiddenError,
      );
      await expect(
        server.app.get(StatisticsImport).import(
          {
            cases: [],
            meetings: [{ line: 2, values: { year: '2019', meetings_held: '4' } }],
            problems: [],
          },
          actor,
          null,
        ),
      ).rejects.toThrow(StatisticsActionForbiddenError);
    }
    expect(await writes(server)).toEqual(before);
  });

  it('notifications: dead letters and sending one again', async () => {
    for (const [, actor] of callers()) {
      const admin = server.app.get(NotificationAdminService);
      await expect(admin.deadLetters(actor)).rejects.toThrow(NotificationActionForbiddenError);
      await expect(admin.retry(actor, randomUUID())).rejects.toThrow(
        NotificationActionForbiddenError,
      );
    }
    expect(await writes(server)).toEqual(before);
  });

  it('identity: invitations and other changes to staff accounts', async () => {
    const accounts = server.app.get(StaffAccounts);
    const meta = { ip: null, userAgent: null };
    for (const [, actor] of callers()) {
      await expect(
        accounts.invite(
          actor,
          {
            name: 'New Admin',
            email: `new.${randomUUID()}@test.pmd`,
            role: 'administrator',
            locale: 'en',
          },
          meta,
        ),
      ).rejects.toThrow(StaffActionForbiddenError);
      await expect(accounts.deactivate(actor, group.admin.id, meta)).rejects.toThrow(
        StaffActionForbiddenError,
      );
      await expect(accounts.reactivate(actor, group.admin.id, meta)).rejects.toThrow(
        StaffActionForbiddenError,
      );
      await expect(
        accounts.sendLink(actor, group.admin.id, { resetTotp: true }, meta),
      ).rejects.toThrow(StaffActionForbiddenError);
    }
    expect(await writes(server)).toEqual(before);
  });

  // Last: it writes a comment, which the checks above compare against.
  it('meetings: every role may comment (the check lets them through)', async () => {
    const { id } = await server.app
      .get(MeetingComments)
      .comment(principal(group.expert), meetingId, itemId, 'A comment of the legal expert.');
    expect(id).toEqual(expect.any(String));
  });

  it('answers each refusal as a 403 problem with the context’s own code', () => {
    for (const [error, code] of [
      [new MeetingActionForbiddenError(), 'meeting_action_forbidden'],
      [new StatisticsActionForbiddenError(), 'statistics_action_forbidden'],
      [new NotificationActionForbiddenError(), 'notification_action_forbidden'],
      [new StaffActionForbiddenError(), 'staff_action_forbidden'],
    ] as const) {
      expect(error).toMatchObject({ status: 403, code });
    }
  });
});
