import { DataSource } from 'typeorm';
import { Locale, isOfferedLocale } from '@app/core';
import {
  CookieJar,
  FORM,
  createStaff,
  form,
  freshTotpCode,
  loginAs,
  pageCsrf,
  totpCodeAt,
  visitorCsrf,
} from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

const MINUTE = 60_000;

/** A staff language besides the default: Serbian where the profile offers it, else Romani. */
const OWN: { locale: Locale; welcome: string } = isOfferedLocale('sr')
  ? { locale: 'sr', welcome: 'Dobro došli' }
  : { locale: 'rom', welcome: 'Mišto avilan' };

describe('Staff sign-in with password and TOTP', () => {
  let server: TestServer;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Posts the password form as a browser would; returns the jar and the CSRF token used. */
  async function submitPassword(email: string, password: string, jar = new CookieJar()) {
    const csrf = await visitorCsrf(server, jar);
    const response = await server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
      payload: form({ email, password, _csrf: csrf }),
    });
    jar.take(response);
    // A CSRF token belongs to the session it was made with: the code page gives a new one.
    const next = response.headers.location === '/staff/login/totp';
    return { response, jar, csrf: next ? await pageCsrf(server, '/staff/login/totp', jar) : csrf };
  }

  async function submitCode(jar: CookieJar, csrf: string, code: string) {
    const response = await server.app.inject({
      method: 'POST',
      url: '/staff/login/totp',
      headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
      payload: form({ code, _csrf: csrf }),
    });
    jar.take(response);
    return response;
  }

  async function staffHome(cookie: string) {
    return server.app.inject({ method: 'GET', url: '/staff', headers: { cookie } });
  }

  async function failedLogins(userId: string): Promise<number> {
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login_failed' AND subject_id = $1`,
      [userId],
    );
    return row.n;
  }

  it('signs in with password then TOTP code, in the staff member’s own language', async () => {
    const user = await createStaff(server, { role: 'legal_expert', locale: OWN.locale });
    const login = await loginAs(server, user);
    const home = await staffHome(login.cookie);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<html lang="${OWN.locale}">`);
    expect(home.body).toContain(`${OWN.welcome}, ${user.name}.`);
    // ?lang= wins over the account's language, and becomes the account's (issue 18).
    const english = await server.app.inject({
      method: 'GET',
      url: '/staff?lang=en',
      headers: { cookie: login.cookie },
    });
    expect(english.body).toContain('<html lang="en">');
    const session = await server.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: login.cookie },
    });
    expect(session.json()).toMatchObject({
      user: { id: user.id, name: user.name, role: 'legal_expert', locale: 'en' },
      csrfToken: expect.any(String),
    });
  });

  it('sets the session cookie httpOnly, SameSite=Strict, path=/ and never stores the token', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const { response } = await submitPassword(user.email, user.password);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/pmd_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict/);
    expect(setCookie).not.toContain('Secure'); // only in production
    const token = /pmd_session=([A-Za-z0-9_-]{43})/.exec(setCookie)![1];
    const stored = await db.query(`SELECT token_hash FROM staff_sessions WHERE user_id = $1`, [
      user.id,
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(token);
  });

  it('gives nothing but the code page after the password alone', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const { response, jar } = await submitPassword(user.email, user.password);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/login/totp');
    const home = await staffHome(jar.header());
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/staff/login?next=%2Fstaff');
    const api = await server.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: jar.header(), 'accept-language': 'en' },
    });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({
      code: 'authentication_required',
      signInUrl: '/staff/login',
    });
    const codePage = await server.app.inject({
      method: 'GET',
      url: '/staff/login/totp',
      headers: { cookie: jar.header() },
    });
    expect(codePage.statusCode).toBe(200);
    expect(codePage.body).toContain('autocomplete="one-time-code"');
  });

  it('refuses a wrong TOTP code and keeps the half-signed-in session for another try', async () => {
    const user = await createStaff(server, { role: 'legal_expert' });
    const { jar, csrf } = await submitPassword(user.email, user.password);
    const right = totpCodeAt(user.totpSecret, server.clock.now());
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = await submitCode(jar, csrf, wrong);
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain('The code is wrong or was already used');
    expect(await failedLogins(user.id)).toBe(1);
    const accepted = await submitCode(jar, csrf, await freshTotpCode(server, user));
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/staff');
    expect((await staffHome(jar.header())).statusCode).toBe(200);
  });

  it('refuses a code that was already used, even within its 30 seconds', async () => {
    const user = await createStaff(server, { role: 'technical_group_member' });
    const first = await submitPassword(user.email, user.password);
    const code = await freshTotpCode(server, user);
    expect((await submitCode(first.jar, first.csrf, code)).statusCode).toBe(303);

    const second = await submitPassword(user.email, user.password);
    const replay = await submitCode(second.jar, second.csrf, code);
    expect(replay.statusCode).toBe(401);
    const [entry] = await db.query(
      `SELECT details FROM audit_log WHERE action = 'login_failed' AND subject_id = $1`,
      [user.id],
    );
    expect(entry.details).toMatchObject({ reason: 'totp_reused' });
  });

  it('answers an unknown address and a wrong password identically, and logs neither address', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const unknown = await submitPassword('nobody.here@test.pmd', 'whatever password 1');
    const wrong = await submitPassword(user.email, 'not the right password');
    for (const response of [unknown.response, wrong.response]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('The email, password or code is wrong');
      expect(String(response.headers['set-cookie'] ?? '')).not.toContain('pmd_session');
    }
    const strip = (html: string) =>
      html.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*@[^"]*"/, '');
    expect(strip(unknown.response.body)).toBe(strip(wrong.response.body));
    expect(server.logs.text()).not.toContain('nobody.here@test.pmd');
    expect(server.logs.text()).not.toContain(user.email);
  });

  it('locks the account after 5 failures (passwords and codes alike) and unlocks after 15 minutes', async () => {
    const user = await createStaff(server, { role: 'legal_expert' });
    for (let i = 0; i < 3; i++) {
      expect((await submitPassword(user.email, 'wrong password here')).response.statusCode).toBe(
        401,
      );
    }
    const half = await submitPassword(user.email, user.password);
    expect(half.response.statusCode).toBe(303);
    expect((await submitCode(half.jar, half.csrf, '000000')).statusCode).toBe(401);
    // The fifth failure: a wrong code. The account is locked and the half session ended.
    const fifth = await submitCode(half.jar, half.csrf, '999999');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.body).toContain('The email, password or code is wrong');
    const [row] = await db.query(`SELECT locked_until FROM staff_users WHERE id = $1`, [user.id]);
    expect(row.locked_until).not.toBeNull();

    // Even the right password is refused now, with the same answer.
    const locked = await submitPassword(user.email, user.password);
    expect(locked.response.statusCode).toBe(401);
    expect(locked.response.body).toContain('The email, password or code is wrong');

    server.clock.advance(14 * MINUTE);
    expect((await submitPassword(user.email, user.password)).response.statusCode).toBe(401);
    server.clock.advance(1 * MINUTE + 1000);
    const login = await loginAs(server, user);
    expect((await staffHome(login.cookie)).statusCode).toBe(200);
    const [after] = await db.query(
      `SELECT failed_login_count, locked_until FROM staff_users WHERE id = $1`,
      [user.id],
    );
    expect(after).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('ends a session after 30 minutes without a request, not before', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const login = await loginAs(server, user);
    server.clock.advance(29 * MINUTE);
    expect((await staffHome(login.cookie)).statusCode).toBe(200);
    // That request counted as activity: 29 more minutes are still fine.
    server.clock.advance(29 * MINUTE);
    expect((await staffHome(login.cookie)).statusCode).toBe(200);
    server.clock.advance(31 * MINUTE);
    const expired = await staffHome(login.cookie);
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toContain('/staff/login');
  });

  it('writes last_seen_at at most once a minute', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const login = await loginAs(server, user);
    const lastSeen = async () =>
      (
        await db.query(
          `SELECT last_seen_at FROM staff_sessions WHERE user_id = $1 AND stage = 'active'`,
          [user.id],
        )
      )[0].last_seen_at.getTime();
    const before = await lastSeen();
    server.clock.advance(20_000);
    await staffHome(login.cookie);
    expect(await lastSeen()).toBe(before);
    server.clock.advance(50_000);
    await staffHome(login.cookie);
    expect(await lastSeen()).toBeGreaterThan(before);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const user = await createStaff(server, { role: 'legal_expert' });
    const login = await loginAs(server, user);
    // 28 × 25 minutes = 11 h 40 min, never idle for 30 minutes.
    for (let i = 0; i < 28; i++) {
      server.clock.advance(25 * MINUTE);
      expect((await staffHome(login.cookie)).statusCode).toBe(200);
    }
    server.clock.advance(21 * MINUTE);
    expect((await staffHome(login.cookie)).statusCode).toBe(303);
  });

  it('issues a new session id at sign-in; the half-signed-in one is worth nothing after', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const { jar, csrf } = await submitPassword(user.email, user.password);
    const halfToken = jar.get('pmd_session')!;
    const done = await submitCode(jar, csrf, await freshTotpCode(server, user));
    expect(done.statusCode).toBe(303);
    const fullToken = jar.get('pmd_session')!;
    expect(fullToken).not.toBe(halfToken);
    expect((await staffHome(`pmd_session=${fullToken}`)).statusCode).toBe(200);
    // An attacker who planted or saw the pre-login cookie gets nothing.
    expect((await staffHome(`pmd_session=${halfToken}`)).statusCode).toBe(303);
    const codePage = await server.app.inject({
      method: 'GET',
      url: '/staff/login/totp',
      headers: { cookie: `pmd_session=${halfToken}` },
    });
    expect(codePage.headers.location).toBe('/staff/login');
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM staff_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(n).toBe(1);
  });

  it('ignores a session cookie planted before sign-in', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const planted = 'A'.repeat(43);
    const jar = new CookieJar().set('pmd_session', planted);
    const { jar: after } = await submitPassword(user.email, user.password, jar);
    expect(after.get('pmd_session')).not.toBe(planted);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const user = await createStaff(server, { role: 'technical_group_member' });
    const login = await loginAs(server, user);
    const out = await server.app.inject({
      method: 'POST',
      url: '/staff/logout',
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: form({ _csrf: login.csrf }),
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/staff/login');
    expect(String(out.headers['set-cookie'])).toMatch(/pmd_session=;/);
    expect((await staffHome(login.cookie)).statusCode).toBe(303);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'logout' AND actor_id = $1`,
      [user.id],
    );
    expect(n).toBe(1);
  });

  it('refuses a form POST without a valid CSRF token', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const login = await loginAs(server, user);
    const withoutToken = await server.app.inject({
      method: 'POST',
      url: '/staff/logout',
      headers: { cookie: login.cookie, 'content-type': FORM, 'accept-language': 'en' },
      payload: form({}),
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json()).toMatchObject({ code: 'csrf_invalid' });
    const forged = await server.app.inject({
      method: 'POST',
      url: '/staff/users',
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: form({
        name: 'X',
        email: 'x@test.pmd',
        role: 'administrator',
        locale: 'sq',
        _csrf: 'forged',
      }),
    });
    expect(forged.statusCode).toBe(403);
    // The sign-in form itself is protected too.
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { 'content-type': FORM },
      payload: form({ email: user.email, password: user.password }),
    });
    expect(signIn.statusCode).toBe(403);
    expect((await staffHome(login.cookie)).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated API call that changes state without x-csrf-token', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const login = await loginAs(server, user);
    const invitation = { name: 'Api Invitee', role: 'legal_expert', locale: 'sq' };
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/v1/staff-users',
      headers: { cookie: login.cookie, 'accept-language': 'en' },
      payload: { ...invitation, email: 'api.invitee@test.pmd' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'csrf_invalid' });
    const wrongToken = await server.app.inject({
      method: 'POST',
      url: '/api/v1/staff-users',
      headers: { cookie: login.cookie, 'x-csrf-token': 'forged-token' },
      payload: { ...invitation, email: 'api.invitee@test.pmd' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const accepted = await server.app.inject({
      method: 'POST',
      url: '/api/v1/staff-users',
      headers: login.headers,
      payload: { ...invitation, email: 'api.invitee@test.pmd' },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ id: expect.any(String) });
  });
});

describe('Staff sign-in rate limit per client address', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '600' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 with Retry-After once one address has tried too often, across accounts', async () => {
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
});
