import { DataSource } from 'typeorm';
import { PasswordHasher } from '@app/identity';
import { CookieJar, FORM, TestStaff, createStaff, form, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

const MINUTE = 60_000;
const LIMIT = 5;

/** The answer of a refused sign-in without what differs on every page (token, request id). */
function comparable(response: {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}) {
  return {
    status: response.statusCode,
    location: response.headers.location,
    sessionCookie: /pmd_session=/.test(String(response.headers['set-cookie'] ?? '')),
    body: response.body
      .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id'),
  };
}

describe('Staff lock-out under parallel password attempts', () => {
  let server: TestServer;
  let db: DataSource;
  let user: TestStaff;
  let jar: CookieJar;
  let csrf: string;

  beforeAll(async () => {
    // The per-address limit is another defence; here every attempt must reach the account's count.
    server = await startTestServer({
      LOGIN_MAX_ATTEMPTS: String(LIMIT),
      LOGIN_LOCK_MINUTES: '15',
      LOGIN_RATE_LIMIT: '1000',
    });
    db = server.app.get(DataSource);
    user = await createStaff(server, { role: 'legal_expert' });
    jar = new CookieJar();
    csrf = await visitorCsrf(server, jar);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server.close();
  });

  function submitPassword(password: string) {
    return server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
      payload: form({ email: user.email, password, _csrf: csrf }),
    });
  }

  async function failures(): Promise<Record<string, number>> {
    const rows = (await db.query(
      `SELECT details->>'reason' AS reason, count(*)::int AS n FROM audit_log
        WHERE action = 'login_failed' AND subject_id = $1 GROUP BY 1`,
      [user.id],
    )) as { reason: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
  }

  it('judges at most the limit of 50 parallel wrong passwords; the others cost the same and are refused alike', async () => {
    const hasher = server.app.get(PasswordHasher);
    const judged = jest.spyOn(hasher, 'verify');
    const unjudged = jest.spyOn(hasher, 'verifyDummy');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submitPassword(`wrong password number ${i}`)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(401));
    expect(await failures()).toEqual({ password: LIMIT, locked: 50 - LIMIT });
    expect(unjudged).toHaveBeenCalledTimes(50 - LIMIT);
    // verifyDummy verifies too; the real hashes judged are the rest.
    expect(judged.mock.calls.length - unjudged.mock.calls.length).toBe(LIMIT);
    const [row] = await db.query(`SELECT locked_until FROM staff_users WHERE id = $1`, [user.id]);
    expect(row.locked_until).not.toBeNull();
    judged.mockRestore();
    unjudged.mockRestore();
  });

  it('answers the right password during the lock exactly as a wrong one, without judging it', async () => {
    const before = await failures();
    const hasher = server.app.get(PasswordHasher);
    const unjudged = jest.spyOn(hasher, 'verifyDummy');
    const wrong = await submitPassword('yet another wrong password');
    const right = await submitPassword(user.password);
    expect(comparable(right)).toEqual(comparable(wrong));
    expect(right.statusCode).toBe(401);
    expect(unjudged).toHaveBeenCalledTimes(2);
    unjudged.mockRestore();
    expect(await failures()).toEqual({ ...before, locked: before.locked + 2 });
  });

  it('lets the right password through to the code step once the lock has run out', async () => {
    server.clock.advance(15 * MINUTE + 1000);
    const response = await submitPassword(user.password);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/login/totp');
  });

  it('holds the limit when the right password races 49 wrong ones', async () => {
    server.clock.advance(15 * MINUTE + 1000);
    const racer = await createStaff(server, { role: 'administrator' });
    const attempts = Array.from({ length: 50 }, (_, i) =>
      server.app.inject({
        method: 'POST',
        url: '/staff/login',
        headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
        payload: form({
          email: racer.email,
          password: i === 25 ? racer.password : `wrong ${i}`,
          _csrf: csrf,
        }),
      }),
    );
    const answers = await Promise.all(attempts);
    const [judged] = (await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login_failed'
          AND subject_id = $1 AND details->>'reason' = 'password'`,
      [racer.id],
    )) as { n: number }[];
    const passed = answers.filter((a) => a.statusCode === 303).length;
    // The right password either had one of the slots (and reached the code step) or none.
    expect(judged.n + passed).toBeLessThanOrEqual(LIMIT);
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(50 - passed);
  });
});
