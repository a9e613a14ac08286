import { rows } from '../cases/case-fixtures';
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

describe('Two agendas taking the same case at once', () => {
  let server: TestServer;
  let group: Group;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('puts a postponed case on one agenda only; the other gets 409 case_already_on_agenda', async () => {
    const c = await assignedCase(server, group);
    const first = await planMeeting(server, group);
    await addItem(server, group.as.expert, first, c.id);
    await holdMeeting(server, group, first);
    // Both planned before the postponement and already begun, so it is carried into neither.
    const [one, other] = [await planMeeting(server, group), await planMeeting(server, group)];
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${first}/decisions`, {
        caseId: c.id,
        kind: 'postpone',
        text: 'Shtyhet: mungon përgjigjja e komunës.',
      }),
      201,
    );

    const add = (meetingId: string) =>
      call(server, group.as.expert, 'POST', `/api/v1/meetings/${meetingId}/items`, {
        caseId: c.id,
        summary: 'Nxënësit romë u vendosën në një klasë të veçantë; shkolla nuk dha arsye.',
        proposedDecision: 'resolved',
      });
    const responses = await Promise.all([add(one), add(other)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = responses.find((r) => r.statusCode === 409)!;
    expect((refused.json() as { code: string }).code).toBe('case_already_on_agenda');

    const items = await rows<{ meeting_id: string }>(
      server,
      `SELECT meeting_id FROM meeting_agenda_items WHERE case_id = $1 AND meeting_id <> $2`,
      [c.id, first],
    );
    expect(items).toHaveLength(1);
  });
});
