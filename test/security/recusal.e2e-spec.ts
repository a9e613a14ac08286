import { pdfText } from '../support/pdf-text';
import { FORM, createStaff, form } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import {
  Group,
  addItem,
  assignedCase,
  call,
  createGroup,
  expectStatus,
  holdMeeting,
  planMeeting,
} from '../meetings/meeting-fixtures';
import { rows } from '../cases/case-fixtures';

/** What is said of the item about the police: its respondent's member must read none of it. */
const SUMMARY = 'Summary-marker-Qzvx: the officer refused to register the complaint.';
const COMMENT = 'Comment-marker-Wkjy: the station has done this before.';
const DECISION = 'Decision-marker-Pmrt: no discrimination could be shown.';
/** The item referred to the Ministry of Health: its member is out of the quorum only. */
const REFERRAL_SUMMARY = 'Referral-summary-Hbnc: the clinic turned the family away.';

/**
 * Issue 14, item 13. Members of the Group: ombudsperson (members[0]), Kosovo Police
 * (members[1]) and Ministry of Health (members[2]), plus one member without an institution (on
 * another profile, its institutions in their place: memberInstitutions).
 * Item A is about the police: members[1] is recused as the respondent and excluded from it.
 * Item B would be referred to the Ministry of Health: members[2] is recused from its quorum
 * only, and reads and comments as any member.
 */
describe('Recusal: a respondent institution’s member is excluded from the item', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;
  let itemA: string;
  let itemB: string;
  let referenceA: string;
  let caseB: string;

  beforeAll(async () => {
    // Three voting members decide an item; four are active.
    server = await startTestServer({ MEETING_QUORUM: '3' });
    group = await createGroup(server);
    const extra = await createStaff(server, { role: 'technical_group_member', locale: 'sq' });
    const a = await assignedCase(server, group);
    const b = await assignedCase(server, group);
    referenceA = a.reference;
    caseB = b.id;
    meetingId = await planMeeting(server, group);
    itemA = await addItem(server, group.as.expert, meetingId, a.id, {
      summary: SUMMARY,
      proposedDecision: 'not_discrimination',
      proposedInstitutionCodes: [],
      respondentInstitutionCode: group.members[1].institutionCode!,
    });
    itemB = await addItem(server, group.as.expert, meetingId, b.id, {
      summary: REFERRAL_SUMMARY,
      proposedDecision: 'refer',
      proposedInstitutionCodes: [group.members[2].institutionCode!],
    });
    // The police member stays away; three are present.
    await holdMeeting(server, group, meetingId, [group.members[0], group.members[2], extra]);
    expectStatus(
      await call(
        server,
        group.as.members[0],
        'POST',
        `/api/v1/meetings/${meetingId}/items/${itemA}/comments`,
        { body: COMMENT },
      ),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: a.id,
        kind: 'not_discrimination',
        text: DECISION,
      }),
      201,
    );
  });
  afterAll(async () => {
    await server.close();
  });

  /** Everything a member can read of the meeting: API, pages and PDFs. */
  async function everythingSeenBy(member: number): Promise<[string, string][]> {
    const login = group.as.members[member];
    const seen: [string, string][] = [];
    const urls = [
      `/api/v1/meetings/${meetingId}`,
      `/staff/meetings/${meetingId}`,
      `/staff/meetings/${meetingId}/agenda`,
      `/staff/meetings/${meetingId}/minutes`,
    ];
    for (const url of urls) {
      const res = await call(server, login, 'GET', url);
      expectStatus(res, 200);
      seen.push([url, res.body]);
    }
    for (const url of [
      `/api/v1/meetings/${meetingId}/agenda.pdf`,
      `/api/v1/meetings/${meetingId}/minutes.pdf`,
    ]) {
      const res = await call(server, login, 'GET', url);
      expectStatus(res, 200);
      seen.push([url, await pdfText(res.rawPayload)]);
    }
    return seen;
  }

  it('refuses a comment from the respondent’s member with a 403 problem, and writes nothing', async () => {
    const before = await rows(server, 'SELECT id FROM meeting_comments');
    const res = await call(
      server,
      group.as.members[1],
      'POST',
      `/api/v1/meetings/${meetingId}/items/${itemA}/comments?lang=en`,
      { body: 'The station did nothing wrong.' },
    );
    expectStatus(res, 403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 403,
      code: 'recused_from_item',
      detail: expect.stringContaining('recused'),
    });

    const page = await server.app.inject({
      method: 'POST',
      url: `/staff/meetings/${meetingId}/items/${itemA}/comments`,
      headers: { cookie: group.as.members[1].cookie, 'content-type': FORM },
      payload: form({ body: 'Through the page form.', _csrf: group.as.members[1].csrf }),
    });
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain(SUMMARY);
    expect(page.body).not.toContain(COMMENT);
    expect(await rows(server, 'SELECT id FROM meeting_comments')).toEqual(before);
  });

  it('hides the item’s summary, comments and decision text from them in the API, the pages and the PDFs', async () => {
    // The minutes are approved, so members read them too.
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: caseB,
        kind: 'postpone',
        text: 'Postponed for lack of quorum.',
      }),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: 'Two cases were heard.',
      }),
      204,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );

    for (const [url, text] of await everythingSeenBy(1)) {
      const leaked = [SUMMARY, COMMENT, DECISION].filter((marker) => text.includes(marker));
      expect({ url, leaked }).toEqual({ url, leaked: [] });
      // The item itself is there (the member knows they are recused from it), and so is the
      // other item's content.
      expect({ url, reference: text.includes(referenceA) }).toEqual({ url, reference: true });
      if (!url.includes('minutes')) {
        expect({ url, other: text.includes(REFERRAL_SUMMARY) }).toEqual({ url, other: true });
      }
    }
    const detail = (
      await call(server, group.as.members[1], 'GET', `/api/v1/meetings/${meetingId}`)
    ).json() as {
      items: {
        id: string;
        excluded: boolean;
        summary: string | null;
        comments: unknown[];
        decision: { kind: string; text: string | null } | null;
      }[];
    };
    const a = detail.items.find((i) => i.id === itemA)!;
    expect(a).toMatchObject({ excluded: true, summary: null, comments: [] });
    expect(a.decision).toMatchObject({ kind: 'not_discrimination', text: null });
    expect(detail.items.find((i) => i.id === itemB)).toMatchObject({
      excluded: false,
      summary: REFERRAL_SUMMARY,
    });

    // Another member reads it all, in the same places: the markers are really there to leak.
    for (const [url, text] of await everythingSeenBy(0)) {
      if (url.includes('agenda'))
        expect({ url, summary: text.includes(SUMMARY) }).toEqual({ url, summary: true });
      if (url.includes('minutes'))
        expect({ url, decision: text.includes(DECISION) }).toEqual({ url, decision: true });
    }
    const page = await call(
      server,
      group.as.members[0],
      'GET',
      `/staff/meetings/${meetingId}/agenda`,
    );
    expect(page.body).toContain(COMMENT);
  });
});

describe('Recusal: a referral target’s member only leaves the quorum', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;
  let itemId: string;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer({ MEETING_QUORUM: '3' });
    group = await createGroup(server);
    const extra = await createStaff(server, { role: 'technical_group_member', locale: 'sq' });
    const c = await assignedCase(server, group);
    caseId = c.id;
    meetingId = await planMeeting(server, group);
    itemId = await addItem(server, group.as.expert, meetingId, c.id, {
      summary: REFERRAL_SUMMARY,
      proposedDecision: 'refer',
      proposedInstitutionCodes: [group.members[2].institutionCode!],
    });
    await holdMeeting(server, group, meetingId, [group.members[0], group.members[2], extra]);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets them read the item and comment on it', async () => {
    const member = group.as.members[2];
    const res = await call(
      server,
      member,
      'POST',
      `/api/v1/meetings/${meetingId}/items/${itemId}/comments`,
      { body: 'The ministry will answer within the deadline.' },
    );
    expectStatus(res, 201);
    const detail = (await call(server, member, 'GET', `/api/v1/meetings/${meetingId}`)).json() as {
      items: {
        excluded: boolean;
        summary: string;
        comments: { body: string }[];
        recusals: { reason: string }[];
      }[];
    };
    expect(detail.items[0]).toMatchObject({
      excluded: false,
      summary: REFERRAL_SUMMARY,
      comments: [
        expect.objectContaining({ body: 'The ministry will answer within the deadline.' }),
      ],
      recusals: [expect.objectContaining({ reason: 'referral_institution' })],
    });
    const agenda = await call(server, member, 'GET', `/staff/meetings/${meetingId}/agenda`);
    expect(agenda.body).toContain(REFERRAL_SUMMARY);
    expect(agenda.body).toContain(`/items/${itemId}/comments`);
    const pdf = await call(server, member, 'GET', `/api/v1/meetings/${meetingId}/agenda.pdf`);
    expectStatus(pdf, 200);
    expect(await pdfText(pdf.rawPayload)).toContain(REFERRAL_SUMMARY);
  });

  it('does not count them for the quorum: three present, two voting, no decision', async () => {
    const detail = (
      await call(server, group.as.admin, 'GET', `/api/v1/meetings/${meetingId}`)
    ).json() as { items: { quorum: Record<string, unknown> }[] };
    expect(detail.items[0].quorum).toEqual({
      present: 3,
      recused: 1,
      voting: 2,
      required: 3,
      met: false,
    });
    const res = await call(
      server,
      group.as.admin,
      'POST',
      `/api/v1/meetings/${meetingId}/decisions?lang=en`,
      {
        caseId,
        kind: 'not_discrimination',
        text: 'The clinic acted within its rules.',
      },
    );
    expectStatus(res, 409);
    expect(res.json()).toMatchObject({
      code: 'no_quorum',
      detail: 'No quorum: 2 members are present and not recused, 3 are needed.',
    });
  });
});
