import { installationYear } from '@app/core';
import { identifiedReport, rows } from '../cases/case-fixtures';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import {
  Group,
  addItem,
  assignedCase,
  call,
  caseStatus,
  createGroup,
  dueDate,
  expectStatus,
  historyOf,
  planMeeting,
} from './meeting-fixtures';
import { addContactPoint } from '../support/case-workflow';

interface MeetingBody {
  status: string;
  items: {
    id: string;
    case: { id: string; reference: string; status: string };
    carriedOver: boolean;
    decision: { kind: string; text: string; referralIds: string[] } | null;
  }[];
  attendance: { memberId: string; present: boolean | null }[];
  minutes: { text: string | null; approvedAt: string | null } | null;
}

describe('A whole Technical Group meeting', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;
  const cases: Record<
    'refer' | 'resolved' | 'notDiscrimination' | 'moreInformation' | 'postpone',
    { id: string; reference: string }
  > = {} as never;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
    cases.refer = await assignedCase(server, group);
    // An identified reporter who agreed to be contacted gets the status-change email.
    cases.resolved = await assignedCase(server, group, identifiedReport());
    cases.notDiscrimination = await assignedCase(server, group);
    cases.moreInformation = await assignedCase(server, group);
    cases.postpone = await assignedCase(server, group);
  });
  afterAll(async () => {
    await server.close();
  });

  it('is planned by an administrator with a date and a place', async () => {
    meetingId = await planMeeting(server, group);
    const res = await call(server, group.as.admin, 'GET', `/api/v1/meetings/${meetingId}`);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      status: 'planned',
      place: 'Zyra e Kryeministrit, salla 2',
      items: [],
    });
  });

  it('gets its agenda from the legal expert; each case moves to technical_group with its history', async () => {
    for (const c of Object.values(cases)) await addItem(server, group.as.expert, meetingId, c.id);
    for (const c of Object.values(cases)) {
      expect(await caseStatus(server, c.id)).toBe('technical_group');
      const history = await historyOf(server, c.id);
      expect(history.at(-1)).toMatchObject({
        actor_kind: 'staff',
        actor_id: group.expert.id,
        from_status: 'assigned',
        to_status: 'technical_group',
      });
    }
    const body = (
      await call(server, group.as.admin, 'GET', `/api/v1/meetings/${meetingId}`)
    ).json() as MeetingBody;
    expect(body.items.map((i) => i.case.reference)).toEqual(
      Object.values(cases).map((c) => c.reference),
    );
  });

  it('is hidden from members while planned, then published to each active member by email', async () => {
    expectStatus(
      await call(server, group.as.members[0], 'GET', `/api/v1/meetings/${meetingId}`),
      404,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/publish`),
      204,
    );
    const mails = await rows<{
      locale: string;
      params: Record<string, string>;
      case_id: string | null;
    }>(
      server,
      `SELECT locale, params, case_id FROM notification_outbox WHERE template = 'agenda_published'`,
    );
    expect(mails).toHaveLength(group.members.length);
    for (const mail of mails) {
      expect(mail.locale).toBe('sq');
      expect(mail.case_id).toBeNull();
      expect(mail.params.meetingUrl).toMatch(new RegExp(`/staff/meetings/${meetingId}/agenda$`));
    }
    const memberView = await call(
      server,
      group.as.members[1],
      'GET',
      `/api/v1/meetings/${meetingId}`,
    );
    expectStatus(memberView, 200);
    expect((memberView.json() as MeetingBody).items).toHaveLength(5);
  });

  it('records who attended and is marked held, counting one meeting held in its year', async () => {
    const attendance = await call(
      server,
      group.as.admin,
      'PUT',
      `/api/v1/meetings/${meetingId}/attendance`,
      {
        presentMemberIds: group.members.map((m) => m.id),
      },
    );
    expectStatus(attendance, 204);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/held`),
      204,
    );
    const [counter] = await rows<{ year: number; value: string }>(
      server,
      `SELECT year, value FROM stat_counters WHERE dimension = 'meetings' AND metric = 'held'`,
    );
    expect(counter).toEqual({ year: installationYear(server.clock.now()), value: '1' });
  });

  it('records a decision of each kind, moving each case in the same step', async () => {
    const decide = (
      caseId: string,
      kind: string,
      text: string,
      extra: Record<string, unknown> = {},
    ) =>
      call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId,
        kind,
        text,
        ...extra,
      });

    const referred = await decide(
      cases.refer.id,
      'refer',
      'Referohet te ministria për masa të menjëhershme.',
      {
        referrals: [
          {
            institutionCode: localCode('institution', 'ministry_education'),
            recommendation: 'Të ribashkohen klasat dhe të raportohet brenda afatit.',
            summary:
              'A school moved the Roma pupils of one grade to a separate class in a side building.',
            responseDueDate: dueDate(server),
            contactPointId: await addContactPoint(server),
          },
        ],
      },
    );
    expectStatus(referred, 201);
    expect(referred.json()).toMatchObject({ kind: 'refer', caseStatus: 'referred' });
    expect((referred.json() as { referralIds: string[] }).referralIds).toHaveLength(1);

    expectStatus(await decide(cases.resolved.id, 'resolved', 'Shkolla e ndreqi vendimin.'), 201);
    expectStatus(
      await decide(
        cases.notDiscrimination.id,
        'not_discrimination',
        'Trajtimi i ndryshëm kishte arsye objektive.',
      ),
      201,
    );
    expectStatus(
      await decide(cases.moreInformation.id, 'more_information', 'Nevojiten dëshmi nga shkolla.'),
      201,
    );
    const postponed = await decide(
      cases.postpone.id,
      'postpone',
      'Shtyhet: mungon përgjigjja e komunës.',
    );
    expectStatus(postponed, 201);
    // No meeting is planned yet: the case waits for the next one.
    expect(postponed.json()).toMatchObject({
      caseStatus: 'technical_group',
      carriedToMeetingId: null,
    });
  });

  it('leaves every case in the right status with the meeting in its history', async () => {
    const expected: [keyof typeof cases, string][] = [
      ['refer', 'referred'],
      ['resolved', 'resolved'],
      ['notDiscrimination', 'not_discrimination'],
      ['moreInformation', 'assigned'],
    ];
    for (const [key, status] of expected) {
      expect(await caseStatus(server, cases[key].id)).toBe(status);
      const last = (await historyOf(server, cases[key].id)).at(-1);
      expect(last).toMatchObject({
        actor_kind: 'meeting',
        actor_id: meetingId,
        from_status: 'technical_group',
        to_status: status,
      });
    }
    expect((await historyOf(server, cases.notDiscrimination.id)).at(-1)?.reason).toBe(
      'Trajtimi i ndryshëm kishte arsye objektive.',
    );
    // A postponement is no transition: the case stays with the Group, its history unchanged.
    expect(await caseStatus(server, cases.postpone.id)).toBe('technical_group');
    expect((await historyOf(server, cases.postpone.id)).at(-1)).toMatchObject({
      actor_kind: 'staff',
      to_status: 'technical_group',
    });

    const referrals = await rows<{ institution_code: string; status: string }>(
      server,
      'SELECT institution_code, status FROM case_referrals WHERE case_id = $1',
      [cases.refer.id],
    );
    expect(referrals).toEqual([
      { institution_code: localCode('institution', 'ministry_education'), status: 'sent' },
    ]);
    // The identified reporter hears of the decision (each earlier step sent its own email too).
    const statusMails = await rows<{ case_id: string; params: Record<string, string> }>(
      server,
      `SELECT case_id, params FROM notification_outbox WHERE template = 'status_changed_reporter'`,
    );
    expect(new Set(statusMails.map((m) => m.case_id))).toEqual(new Set([cases.resolved.id]));
    // The email does not say which decision: the follow-up page does.
    expect(statusMails.every((m) => Object.keys(m.params).join() === 'followUpUrl')).toBe(true);
  });

  it('has minutes approved by an administrator, after which the meeting is closed', async () => {
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: 'Takimi filloi në orën 10:00. U shqyrtuan pesë raste.',
      }),
      204,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );
    const body = (
      await call(server, group.as.members[0], 'GET', `/api/v1/meetings/${meetingId}`)
    ).json() as MeetingBody;
    expect(body.status).toBe('minutes_approved');
    expect(body.minutes?.text).toBe('Takimi filloi në orën 10:00. U shqyrtuan pesë raste.');
    expect(body.items.map((i) => i.decision?.kind)).toEqual([
      'refer',
      'resolved',
      'not_discrimination',
      'more_information',
      'postpone',
    ]);
    expect(body.attendance.every((a) => a.present === true)).toBe(true);
    const audit = await rows<{ action: string }>(
      server,
      `SELECT action FROM audit_log WHERE subject_type = 'meeting' AND subject_id = $1 ORDER BY at, id`,
      [meetingId],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'meeting_planned',
        'meeting_agenda_item_added',
        'meeting_agenda_published',
        'meeting_attendance_recorded',
        'meeting_held',
        'meeting_decision_recorded',
        'meeting_minutes_saved',
        'meeting_minutes_approved',
      ]),
    );
  });

  it('carries the postponed case to the agenda of the next meeting when it is planned', async () => {
    const next = await planMeeting(
      server,
      group,
      new Date(server.clock.now().getTime() + 30 * 86_400_000),
    );
    const body = (
      await call(server, group.as.admin, 'GET', `/api/v1/meetings/${next}`)
    ).json() as MeetingBody;
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      carriedOver: true,
      case: { id: cases.postpone.id, status: 'technical_group' },
      decision: null,
    });
  });

  it('lists the meetings, newest first', async () => {
    const res = await call(server, group.as.members[2], 'GET', '/api/v1/meetings');
    expectStatus(res, 200);
    // Members see the held meeting; the new one is still a planned draft.
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ id: meetingId, status: 'minutes_approved', itemCount: 5 }],
    });
    const admin = (await call(server, group.as.admin, 'GET', '/api/v1/meetings')).json() as {
      total: number;
    };
    expect(admin.total).toBe(2);
  });
});
