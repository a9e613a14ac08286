import { IDENTITY, identifiedReport, rows } from '../cases/case-fixtures';
import { pdfText } from '../support/pdf-text';
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
} from './meeting-fixtures';

/** Words of the reporter's own description: members read the legal expert's summary instead. */
const DESCRIPTION_MARKER = 'Zqvxt-description-marker';
const HELPER_NAME = 'Qendra Ndihmuese Wxyzq';

/** Every way the reporter's identity could be written in a page, a JSON answer or a PDF. */
function identityTraces(): string[] {
  return [
    IDENTITY.name,
    IDENTITY.name.split('-')[0],
    'Gashi-Unique',
    IDENTITY.email,
    IDENTITY.phone,
    IDENTITY.phone.replace(/\s/g, ''),
    '987 654',
    DESCRIPTION_MARKER,
    HELPER_NAME,
  ];
}

function expectNoIdentity(where: string, text: string): void {
  const found = identityTraces().filter((trace) => text.includes(trace));
  expect({ where, found }).toEqual({ where, found: [] });
}

describe('A Technical Group member never sees who reported', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;
  let caseId: string;
  let reference: string;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
    const identified = await assignedCase(
      server,
      group,
      identifiedReport({
        description: `The teacher moved my son out of the class. ${DESCRIPTION_MARKER} happened twice.`,
        helper: { kind: 'organisation', name: HELPER_NAME },
      }),
    );
    caseId = identified.id;
    reference = identified.reference;
    meetingId = await planMeeting(server, group);
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses an agenda summary that names the reporter (their name, email or phone)', async () => {
    for (const summary of [
      `${IDENTITY.name} complains about the school.`,
      'Ms Gashi-Unique complains about the school.',
      `Write to ${IDENTITY.email}.`,
      'Call 044 987 654 for details.',
    ]) {
      const res = await call(
        server,
        group.as.expert,
        'POST',
        `/api/v1/meetings/${meetingId}/items`,
        {
          caseId,
          summary,
          proposedDecision: 'resolved',
        },
      );
      expectStatus(res, 400);
      const problem = res.json() as { errors: { field: string; code: string; message: string }[] };
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'summary', code: 'revealsIdentity' }),
      ]);
      expectNoIdentity('refusal', res.body);
    }
  });

  it('shows members the case facts and the summary, never the identity, in the API, the pages and the PDFs', async () => {
    await addItem(server, group.as.expert, meetingId, caseId, {
      summary:
        'Një nxënës rom u largua nga klasa; mësuesi e përsëriti dy herë. Çështja kërkon vëmendje.',
    });
    await holdMeeting(server, group, meetingId);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId,
        kind: 'resolved',
        text: 'Shkolla e ktheu nxënësin në klasë.',
      }),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: 'U shqyrtua një rast.',
      }),
      204,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );

    const member = group.as.members[0];
    const seen: [string, string][] = [];
    for (const url of [
      '/api/v1/meetings',
      `/api/v1/meetings/${meetingId}`,
      '/staff/meetings',
      `/staff/meetings/${meetingId}`,
      `/staff/meetings/${meetingId}/agenda`,
      `/staff/meetings/${meetingId}/minutes`,
    ]) {
      const res = await call(server, member, 'GET', url);
      expectStatus(res, 200);
      seen.push([url, res.body]);
    }
    for (const url of [
      `/api/v1/meetings/${meetingId}/agenda.pdf`,
      `/api/v1/meetings/${meetingId}/minutes.pdf`,
    ]) {
      const res = await call(server, member, 'GET', url);
      expectStatus(res, 200);
      seen.push([url, await pdfText(res.rawPayload)]);
    }
    for (const [url, text] of seen) {
      // The member does read the case: its reference is everywhere.
      if (!url.endsWith('/api/v1/meetings') && url !== '/staff/meetings')
        expect(text).toContain(reference);
      expectNoIdentity(url, text);
    }
    const agendaJson = JSON.parse(seen[1][1]) as { items: { case: Record<string, unknown> }[] };
    expect(Object.keys(agendaJson.items[0].case).sort()).toEqual([
      'area',
      'community',
      'grounds',
      'id',
      'incidentDate',
      'municipality',
      'perpetratorKind',
      'reference',
      'status',
      'submittedOn',
    ]);
  });

  it('gives members no other way to the case: the case API refuses them', async () => {
    const res = await call(server, group.as.members[0], 'GET', `/api/v1/cases/${caseId}`);
    expect([403, 404]).toContain(res.statusCode);
    expectNoIdentity('case api', res.body);
  });

  it('keeps the identity out of the agenda email and the audit log of the meeting', async () => {
    const mails = await rows<{ params: unknown }>(
      server,
      `SELECT params FROM notification_outbox WHERE template = 'agenda_published'`,
    );
    expect(mails.length).toBe(group.members.length);
    expectNoIdentity('agenda emails', JSON.stringify(mails));
    const audit = await rows(
      server,
      `SELECT details FROM audit_log WHERE subject_type = 'meeting'`,
    );
    expectNoIdentity('audit', JSON.stringify(audit));
    expectNoIdentity('logs', server.logs.text());
  });
});
