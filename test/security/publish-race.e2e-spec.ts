import { createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/**
 * Found by the attack run: two administrators publishing the same year at once. Under
 * REPEATABLE READ the later INSERT … ON CONFLICT met a row its snapshot could not see and
 * PostgreSQL refused to serialize it, which answered 503. One publish wins; the others are told
 * the year is already published.
 */
describe('Publishing a year twice at the same moment', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('publishes once and answers every other attempt 409 statistics_year_already_published, never 5xx', async () => {
    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const year = new Date(server.clock.now()).getUTCFullYear() - 1;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        server.app.inject({
          method: 'POST',
          url: `/api/v1/statistics/years/${year}/publish`,
          headers: { ...admin.headers, 'accept-language': 'en' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, ...Array<number>(11).fill(409)]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json()).toMatchObject({ code: 'statistics_year_already_published' });
    }
  });
});
