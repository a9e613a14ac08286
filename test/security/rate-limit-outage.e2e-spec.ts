import { installationReferencePrefix } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import { TestRedis } from '../support/redis-server';
import { CookieJar, FORM, createStaff, form, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/**
 * Issue 14, item 7: with Redis down, the rate limits of staff sign-in and of receipt codes
 * used to let everything through. They now count in the process; intake alone still fails
 * open (a lost report is worse). Redis here is a private redis-server, stopped for the test.
 */
describe('Rate limits with Redis down', () => {
  let redis: TestRedis;
  let server: TestServer;

  beforeAll(async () => {
    redis = await TestRedis.start();
    server = await startTestServer({
      REDIS_URL: redis.url,
      INTAKE_RATE_LIMIT: '1',
      FOLLOW_UP_RATE_LIMIT: '3',
      LOGIN_RATE_LIMIT: '3',
      LOGIN_RATE_WINDOW_SECONDS: '600',
    });
    await redis.stop();
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('still refuses the fourth receipt code from one address, whatever the references', async () => {
    const attempt = (reference: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/follow-up',
        payload: { reference, receiptCode: '0000 0000 0000 0000' },
        remoteAddress: '10.9.0.1',
      });
    for (const seq of [1, 2, 3]) {
      expect([
        seq,
        (await attempt(`${installationReferencePrefix()}-2021-0000${seq}`)).statusCode,
      ]).toEqual([seq, 404]);
    }
    const limited = await attempt(`${installationReferencePrefix()}-2021-00004`);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('still refuses the fourth password from one address, across accounts', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    const attempt = (email: string, password: string) =>
      server.app.inject({
        method: 'POST',
        url: '/staff/login',
        headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
        payload: form({ email, password, _csrf: csrf }),
      });
    for (const email of ['a@test.pmd', 'b@test.pmd', 'c@test.pmd']) {
      expect((await attempt(email, 'some password 123')).statusCode).toBe(401);
    }
    const limited = await attempt(user.email, user.password);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('Too many requests');
  });

  it('still accepts reports, beyond the intake limit', async () => {
    const first = await submitReport(server);
    expect(first.reference.startsWith(`${installationReferencePrefix()}-`)).toBe(true);
    const second = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: validReport(),
    });
    expect(second.statusCode).toBe(201);
  });
});
