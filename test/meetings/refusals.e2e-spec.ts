import { rows } from '../cases/case-fixtures';
import { FORM, form } from '../support/staff';
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
  holdMeeting,
  planMeeting,
} from './meeting-fixtures';
import { ONE_OFF_RECIPIENT } from '../support/case-workflow';
import { localCode } from '../support/country-codes';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

describe('What a meeting refuses', () => {
  let server: TestServer;
  let group: Group;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const decide = (meetingId: string, body: Record<string, unknown>) =>
    call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, body);

  function expectConflict(response: Awaited<ReturnType<typeof decide>>, code: string): Problem {
    expectStatus(response, 409);
    const problem = response.json() as Problem;
    expect(problem.code).toBe(code);
    expect(problem.detail.length).toBeGreaterThan(10);
    return problem;
  }

  it('refuses a decision on a meeting not yet held (409 meeting_not_held)', async () => {
    const c = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, c.id);
    expectConflict(
      await decide(meetingId, { caseId: c.id, kind: 'resolved', text: 'Zgjidhur.' }),
      'meeting_not_held',
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/publish`),
      204,
    );
    expectConflict(
      await decide(meetingId, { caseId: c.id, kind: 'resolved', text: 'Zgjidhur.' }),
      'meeting_not_held',
    );
    expect(await caseStatus(server, c.id)).toBe('technical_group');
  });

  it('refuses to hold a meeting without attendance, and a decision on a case not on its agenda', async () => {
    const onAgenda = await assignedCase(server, group);
    const elsewhere = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, onAgenda.id);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/publish`),
      204,
    );
    const early = await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/held`);
    expectConflict(early, 'attendance_not_recorded');
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/attendance`, {
        presentMemberIds: group.members.map((m) => m.id),
      }),
      204,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/held`),
      204,
    );
    const problem = expectConflict(
      await decide(meetingId, { caseId: elsewhere.id, kind: 'resolved', text: 'Zgjidhur.' }),
      'case_not_on_agenda',
    );
    expect(problem.detail).toBe('This case is not on the agenda of this meeting.');
    expect(await caseStatus(server, elsewhere.id)).toBe('assigned');
    // A held agenda takes no more cases.
    const late = await call(
      server,
      group.as.expert,
      'POST',
      `/api/v1/meetings/${meetingId}/items`,
      {
        caseId: elsewhere.id,
        summary: 'Rast i vonuar.',
        proposedDecision: 'resolved',
      },
    );
    expectConflict(late, 'agenda_closed');
  });

  it('refuses a second decision on the same item (409 decision_already_recorded)', async () => {
    const c = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, c.id);
    await holdMeeting(server, group, meetingId);
    expectStatus(
      await decide(meetingId, { caseId: c.id, kind: 'resolved', text: 'Zgjidhur.' }),
      201,
    );
    expectConflict(
      await decide(meetingId, {
        caseId: c.id,
        kind: 'not_discrimination',
        text: 'Jo diskriminim.',
      }),
      'decision_already_recorded',
    );
    expect(await caseStatus(server, c.id)).toBe('resolved');
    const decisions = await rows(
      server,
      `SELECT d.kind FROM meeting_decisions d JOIN meeting_agenda_items i ON i.id = d.item_id WHERE i.meeting_id = $1`,
      [meetingId],
    );
    expect(decisions).toEqual([{ kind: 'resolved' }]);
  });

  it('refuses a decision without quorum and writes nothing; a postponement needs none', async () => {
    const c = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, c.id);
    // One member of three: the default quorum is a majority, two.
    await holdMeeting(server, group, meetingId, [group.members[2]]);
    const problem = expectConflict(
      await decide(meetingId, {
        caseId: c.id,
        kind: 'refer',
        text: 'Referim.',
        referrals: [
          {
            institutionCode: localCode('institution', 'ministry_education'),
            recommendation: 'Të merren masa brenda afatit.',
            summary:
              'A school moved the Roma pupils of one grade to a separate class in a side building.',
            responseDueDate: dueDate(server),
            ...ONE_OFF_RECIPIENT,
          },
        ],
      }),
      'no_quorum',
    );
    expect(problem.detail).toBe('No quorum: 1 members are present and not recused, 2 are needed.');
    expect(await caseStatus(server, c.id)).toBe('technical_group');
    expect(await rows(server, 'SELECT id FROM case_referrals WHERE case_id = $1', [c.id])).toEqual(
      [],
    );
    expectStatus(
      await decide(meetingId, { caseId: c.id, kind: 'postpone', text: 'Pa kuorum.' }),
      201,
    );
  });

  it('recuses members of the institution concerned or referred to, and they do not count for the quorum', async () => {
    const [ombudsperson, police, health] = group.members;
    const aboutPolice = await assignedCase(server, group);
    const toHealth = await assignedCase(server, group);
    const plain = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    const policeItem = await addItem(server, group.as.expert, meetingId, aboutPolice.id, {
      proposedDecision: 'resolved',
      proposedInstitutionCodes: [],
      respondentInstitutionCode: police.institutionCode,
    });
    await addItem(server, group.as.expert, meetingId, toHealth.id, {
      proposedDecision: 'resolved',
      proposedInstitutionCodes: [],
    });
    await addItem(server, group.as.expert, meetingId, plain.id);
    // Two of three present: exactly the quorum, so one recusal among them breaks it.
    await holdMeeting(server, group, meetingId, [police, health]);

    const detail = (
      await call(server, group.as.admin, 'GET', `/api/v1/meetings/${meetingId}`)
    ).json() as {
      items: {
        id: string;
        case: { id: string };
        recusals: { memberId: string; reason: string }[];
        quorum: { voting: number; met: boolean };
      }[];
    };
    const recused = detail.items.find((i) => i.id === policeItem)!;
    expect(recused.recusals).toEqual([
      expect.objectContaining({ memberId: police.id, reason: 'respondent_institution' }),
    ]);
    expect(recused.quorum).toMatchObject({ voting: 1, met: false });
    expectConflict(
      await decide(meetingId, { caseId: aboutPolice.id, kind: 'resolved', text: 'Zgjidhur.' }),
      'no_quorum',
    );

    // Referring to the health ministry recuses its member at the decision: no quorum either.
    expectConflict(
      await decide(meetingId, {
        caseId: toHealth.id,
        kind: 'refer',
        text: 'Referim te ministria.',
        referrals: [
          {
            institutionCode: health.institutionCode,
            recommendation: 'Të shqyrtohet trajtimi në spital.',
            summary:
              'A school moved the Roma pupils of one grade to a separate class in a side building.',
            responseDueDate: dueDate(server),
            ...ONE_OFF_RECIPIENT,
          },
        ],
      }),
      'no_quorum',
    );
    expect(await caseStatus(server, toHealth.id)).toBe('technical_group');
    // The ombudsperson's member is absent: recusal of an absent member changes nothing.
    expect(ombudsperson.institutionCode).toBe(localCode('institution', 'ombudsperson'));
    expectStatus(
      await decide(meetingId, { caseId: plain.id, kind: 'resolved', text: 'Zgjidhur.' }),
      201,
    );

    // A declared conflict of interest is recorded by the administrator and counts the same.
    expectStatus(
      await call(
        server,
        group.as.admin,
        'POST',
        `/api/v1/meetings/${meetingId}/items/${detail.items.find((i) => i.case.id === toHealth.id)!.id}/recusals`,
        {
          memberId: police.id,
        },
      ),
      204,
    );
    expectConflict(
      await decide(meetingId, { caseId: toHealth.id, kind: 'resolved', text: 'Zgjidhur.' }),
      'no_quorum',
    );
  });

  it('refuses any change once the minutes are approved (409 minutes_approved), in the database too', async () => {
    const c = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, c.id);
    await holdMeeting(server, group, meetingId);
    const early = await call(
      server,
      group.as.admin,
      'POST',
      `/api/v1/meetings/${meetingId}/minutes/approve`,
    );
    expectConflict(early, 'minutes_missing');
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: 'Procesverbal.',
      }),
      204,
    );
    expectConflict(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      'items_undecided',
    );
    expectStatus(
      await decide(meetingId, { caseId: c.id, kind: 'resolved', text: 'Zgjidhur.' }),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );

    const attempts = [
      call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: 'Ndryshuar.',
      }),
      call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/attendance`, {
        presentMemberIds: [],
      }),
      decide(meetingId, { caseId: c.id, kind: 'postpone', text: 'Shtyhet.' }),
      call(
        server,
        group.as.members[0],
        'POST',
        `/api/v1/meetings/${meetingId}/items/${(await itemIds(meetingId))[0]}/comments`,
        {
          body: 'Vonë.',
        },
      ),
    ];
    for (const attempt of attempts) expectConflict(await attempt, 'minutes_approved');
    const [meeting] = await rows<{ minutes_text: string }>(
      server,
      'SELECT minutes_text FROM meetings WHERE id = $1',
      [meetingId],
    );
    expect(meeting.minutes_text).toBe('Procesverbal.');

    await expect(
      rows(server, `UPDATE meetings SET minutes_text = 'x' WHERE id = $1`, [meetingId]),
    ).rejects.toThrow(/minutes of this meeting are approved/);
    await expect(rows(server, `UPDATE meeting_decisions SET text = 'x'`)).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(
      rows(server, `DELETE FROM meeting_agenda_items WHERE meeting_id = $1`, [meetingId]),
    ).rejects.toThrow(/minutes of this meeting are approved/);
  });

  it('lets only administrators run a meeting and hides a planned agenda from members', async () => {
    const meetingId = await planMeeting(server, group);
    const member = group.as.members[0];
    expectStatus(
      await call(server, member, 'POST', '/api/v1/meetings', {
        scheduledAt: '2026-12-01T10:00',
        place: 'X',
      }),
      403,
    );
    expectStatus(
      await call(server, group.as.expert, 'POST', `/api/v1/meetings/${meetingId}/publish`),
      403,
    );
    expectStatus(await call(server, member, 'GET', `/api/v1/meetings/${meetingId}`), 404);
    expectStatus(
      await call(server, member, 'GET', `/api/v1/meetings/${meetingId}/agenda.pdf`),
      404,
    );
    const noPlace = await call(server, group.as.admin, 'POST', '/api/v1/meetings', {
      scheduledAt: '2026-12-01T10:00',
    });
    expectStatus(noPlace, 400);
    expect((noPlace.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'place',
    ]);
  });

  it('shows the reason of a refusal on the meeting page', async () => {
    const c = await assignedCase(server, group);
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, c.id);
    await holdMeeting(server, group, meetingId, [group.members[0]]);
    const page = await server.app.inject({
      method: 'POST',
      url: `/staff/meetings/${meetingId}/decisions`,
      headers: { cookie: group.as.admin.cookie, 'content-type': FORM, 'accept-language': 'en' },
      payload: form({
        _csrf: group.as.admin.csrf,
        caseId: c.id,
        kind: 'resolved',
        text: 'Zgjidhur.',
      }),
    });
    expect(page.statusCode).toBe(409);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('No quorum: 1 members are present and not recused, 2 are needed.');
    expect(page.body).toContain(`href="#decide-${c.id}"`);
  });

  async function itemIds(meetingId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      server,
      'SELECT id FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position',
      [meetingId],
    );
    return found.map((r) => r.id);
  }
});
