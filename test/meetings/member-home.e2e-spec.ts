import { FORM, form } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import {
  Group,
  addItem,
  assignedCase,
  call,
  createGroup,
  expectStatus,
  planMeeting,
} from './meeting-fixtures';

/** A Technical Group member's home: their meetings and agenda items, comments one link away. */
describe('Technical Group member home', () => {
  let server: TestServer;
  let group: Group;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists the published meetings with their items, and every link on it answers 200', async () => {
    const member = group.as.members[0];
    const kase = await assignedCase(server, group);
    const meetingId = await planMeeting(
      server,
      group,
      new Date(server.clock.now().getTime() + 7 * 86_400_000),
    );
    const itemId = await addItem(server, group.as.expert, meetingId, kase.id);

    // Before the agenda is published the member has nothing to read.
    const before = await server.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: member.cookie },
    });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain(kase.reference);
    expect(before.body).not.toContain('href="/staff/cases"');

    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/publish`),
      204,
    );
    const home = await server.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: member.cookie },
    });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(kase.reference);
    expect(home.body).toContain(`href="/staff/meetings/${meetingId}/agenda#item-${itemId}"`);
    expect(home.body).toContain(`href="/staff/meetings/${meetingId}/agenda#comment-${itemId}"`);
    expect(home.body).not.toContain('href="/staff/cases"');

    // Every link of the page leads somewhere the member may go.
    const links = [...home.body.matchAll(/href="(\/staff[^"#]*)/g)].map((m) => m[1]);
    for (const link of new Set(links)) {
      const page = await server.app.inject({
        method: 'GET',
        url: link,
        headers: { cookie: member.cookie },
      });
      expect({ link, status: page.statusCode }).toEqual({ link, status: 200 });
    }

    // The comment form is on the agenda page the home links to.
    const agenda = await server.app.inject({
      method: 'GET',
      url: `/staff/meetings/${meetingId}/agenda`,
      headers: { cookie: member.cookie },
    });
    expect(agenda.body).toContain(`id="comment-${itemId}"`);
    const commented = await server.app.inject({
      method: 'POST',
      url: `/staff/meetings/${meetingId}/items/${itemId}/comments`,
      headers: { cookie: member.cookie, 'content-type': FORM },
      payload: form({
        body: 'Pyetje për shkollën: a ka pasur ankesa të tjera?',
        _csrf: member.csrf,
      }),
    });
    expect(commented.statusCode).toBe(303);
    const after = await server.app.inject({
      method: 'GET',
      url: '/staff?lang=en',
      headers: { cookie: member.cookie },
    });
    expect(after.body).toContain('Comments: 1');
  });

  it('shows no meetings section to legal experts and administrators', async () => {
    const home = await server.app.inject({
      method: 'GET',
      url: '/staff?lang=en',
      headers: { cookie: group.as.expert.cookie },
    });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('Your meetings and agenda items');
    expect(home.body).toContain('href="/staff/cases"');
  });
});
