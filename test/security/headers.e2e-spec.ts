import { randomBytes } from 'node:crypto';
import { csrfFrom, submitReport } from '../cases/case-fixtures';
import {
  FORM,
  createStaff,
  csrfFromPage,
  form,
  loginAs,
  visitorCsrf,
  CookieJar,
} from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** The configuration of a production install: real secrets, HTTPS public address. */
function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://pmd.example.org',
    SESSION_SECRET: randomBytes(48).toString('base64url'),
    FIELD_ENCRYPTION_KEYS: `prod1:${randomBytes(32).toString('base64')}`,
    FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'prod1',
  };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const PAGES = ['/', '/report', '/follow-up', '/staff/login', '/api/v1/taxonomy', '/no-such-page'];

describe('Security headers in production', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(productionEnv());
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(PAGES)('%s has HSTS, a CSP without inline scripts, no framing, nosniff', async (url) => {
    const res = await server.app.inject({ method: 'GET', url });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
    for (const [name, values] of csp) {
      expect([name, values.filter((v) => /unsafe-(inline|eval)|\*/.test(v))]).toEqual([name, []]);
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each(['/', '/report', '/follow-up', '/staff/login'])(
    '%s has no inline script, event handler or style attribute (the CSP would block them)',
    async (url) => {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(res.body).not.toMatch(/\son[a-z]+\s*=/i);
      expect(res.body).not.toMatch(/\sstyle\s*=/i);
      expect(res.body).not.toMatch(/href\s*=\s*"javascript:/i);
    },
  );

  it('marks every cookie Secure, HttpOnly and SameSite', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar.header(), 'content-type': FORM },
      payload: form({ email: user.email, password: user.password, _csrf: csrf }),
    });
    const followUpForm = await server.app.inject({ method: 'GET', url: '/follow-up' });
    const cookies = [signIn, followUpForm].flatMap((r) =>
      ([] as string[]).concat(r.headers['set-cookie'] ?? []),
    );
    expect(cookies.length).toBeGreaterThan(1);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=(Strict|Lax)/);
    }
  });
});

describe('Security headers outside production', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends no HSTS over plain HTTP in development and tests, the CSP all the same', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(directives(String(res.headers['content-security-policy'])).get('script-src')).toEqual([
      "'self'",
    ]);
  });

  it('gives a reporter a new follow-up session at each sign-in; a planted or ended one opens nothing', async () => {
    const filed = await submitReport(server);
    const signIn = async () => {
      const page = await csrfFrom(server, '/follow-up');
      const res = await server.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { cookie: page.cookie, 'content-type': FORM },
        payload: form({
          reference: filed.reference,
          receiptCode: filed.receiptCode,
          _csrf: page.token,
        }),
      });
      expect(res.statusCode).toBe(303);
      const session = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('pmd_follow_up='))!
        .split(';')[0];
      const cookie = `${page.cookie}; ${session}`;
      // The token of the signed-in page: one from before sign-in is not the session's.
      const signedIn = await server.app.inject({
        method: 'GET',
        url: '/follow-up/case',
        headers: { cookie },
      });
      return { session, csrf: csrfFromPage(signedIn.body), cookie };
    };
    const casePage = (cookie: string) =>
      server.app.inject({ method: 'GET', url: '/follow-up/case', headers: { cookie } });

    // A value an attacker chose (unsigned, or signed with another secret) is ignored.
    for (const planted of [
      'pmd_follow_up=attacker-chosen',
      `pmd_follow_up=${'A'.repeat(43)}.sig`,
    ]) {
      const res = await casePage(planted);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/follow-up?expired=1');
    }
    const first = await signIn();
    const second = await signIn();
    expect(second.session).not.toBe(first.session);
    expect((await casePage(first.cookie)).statusCode).toBe(200);

    const out = await server.app.inject({
      method: 'POST',
      url: '/follow-up/sign-out',
      headers: { cookie: first.cookie, 'content-type': FORM },
      payload: form({ _csrf: first.csrf }),
    });
    expect(out.statusCode).toBe(303);
    expect((await casePage(first.cookie)).headers.location).toBe('/follow-up?expired=1');
    expect((await casePage(second.cookie)).statusCode).toBe(200);
  });

  it('refuses a staff state change with a CSRF token of another visitor', async () => {
    const login = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const otherVisitor = await visitorCsrf(server);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/staff-users',
      headers: { cookie: login.cookie, 'x-csrf-token': otherVisitor, 'accept-language': 'en' },
      payload: {
        name: 'New Person',
        email: 'new.person@example.org',
        role: 'legal_expert',
        locale: 'en',
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_invalid' });
  });
});
