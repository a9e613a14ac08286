import { randomBytes } from 'node:crypto';
import { csrfFrom, multipart, png, submitReport } from '../cases/case-fixtures';
import {
  CookieJar,
  FORM,
  createStaff,
  csrfFromPage,
  form,
  freshTotpCode,
  loginAs,
  pageCsrf,
  visitorCsrf,
} from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** Cookies and form token of a reporter signed in to follow up a case. */
async function followUpSession(server: TestServer) {
  const filed = await submitReport(server);
  const jar = new CookieJar();
  const token = await pageCsrf(server, '/follow-up', jar);
  const signIn = await server.app.inject({
    method: 'POST',
    url: '/follow-up',
    headers: { cookie: jar.header(), 'content-type': FORM },
    payload: form({ reference: filed.reference, receiptCode: filed.receiptCode, _csrf: token }),
  });
  expect(signIn.statusCode).toBe(303);
  jar.take(signIn);
  const page = await server.app.inject({
    method: 'GET',
    url: '/follow-up/case',
    headers: { cookie: jar.header() },
  });
  expect(page.statusCode).toBe(200);
  return { jar, csrf: csrfFromPage(page.body), before: token, signIn };
}

describe('CSRF tokens bound to the session', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const signOut = (cookie: string, csrf: string, url = '/staff/logout') =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': FORM, 'accept-language': 'en' },
      payload: form(csrf ? { _csrf: csrf } : {}),
    });

  it('refuses an anonymous visitor’s cookie and token together with a staff session', async () => {
    const login = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const visitor = new CookieJar();
    const visitorToken = await visitorCsrf(server, visitor);
    const session = login.cookie.split('; ').find((c) => c.startsWith('pmd_session='))!;
    const mixed = `${session}; ${visitor.header()}`;
    const api = await server.app.inject({
      method: 'POST',
      url: '/api/v1/staff-users',
      headers: { cookie: mixed, 'x-csrf-token': visitorToken, 'accept-language': 'en' },
      payload: {},
    });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ code: 'csrf_invalid' });
    const page = await signOut(mixed, visitorToken);
    expect(page.statusCode).toBe(403);
    // The session's own token still works.
    expect((await signOut(login.cookie, login.csrf)).statusCode).toBe(303);
  });

  it('refuses after sign-in a token made before it, and after sign-out one made during the session', async () => {
    const user = await createStaff(server, { role: 'legal_expert' });
    const jar = new CookieJar();
    const anonymous = await visitorCsrf(server, jar);
    const password = await server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar.header(), 'content-type': FORM },
      payload: form({ email: user.email, password: user.password, _csrf: anonymous }),
    });
    expect(password.statusCode).toBe(303);
    jar.take(password);
    // The half-signed-in session already refuses the visitor's token.
    const early = await server.app.inject({
      method: 'POST',
      url: '/staff/login/totp',
      headers: { cookie: jar.header(), 'content-type': FORM },
      payload: form({ code: await freshTotpCode(server, user), _csrf: anonymous }),
    });
    expect(early.statusCode).toBe(403);
    const half = await pageCsrf(server, '/staff/login/totp', jar);
    const code = await server.app.inject({
      method: 'POST',
      url: '/staff/login/totp',
      headers: { cookie: jar.header(), 'content-type': FORM },
      payload: form({ code: await freshTotpCode(server, user), _csrf: half }),
    });
    expect(code.statusCode).toBe(303);
    jar.take(code);

    expect((await signOut(jar.header(), anonymous)).statusCode).toBe(403);
    expect((await signOut(jar.header(), half)).statusCode).toBe(403);
    const during = await pageCsrf(server, '/staff', jar);
    const out = await signOut(jar.header(), during);
    expect(out.statusCode).toBe(303);
    jar.take(out);
    // Signed out: the session's token is worth nothing for the visitor the browser is again.
    const afterwards = await server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
      payload: form({ email: user.email, password: user.password, _csrf: during }),
    });
    expect(afterwards.statusCode).toBe(403);
  });

  it('binds the reporter’s follow-up forms to their follow-up session too', async () => {
    const { jar, csrf, before } = await followUpSession(server);
    const post = (token: string) =>
      server.app.inject({
        method: 'POST',
        url: '/follow-up/messages',
        headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
        payload: form({ body: 'A message about the case', _csrf: token }),
      });
    expect((await post(before)).statusCode).toBe(403);
    expect((await post(csrf)).statusCode).toBe(303);
  });

  it('takes ?_csrf= only on the multipart forms that need it', async () => {
    const login = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    // A form route that is not multipart: the query token is ignored.
    const inQuery = await server.app.inject({
      method: 'POST',
      url: `/staff/logout?_csrf=${encodeURIComponent(login.csrf)}`,
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: '',
    });
    expect(inQuery.statusCode).toBe(403);
    const followUp = await followUpSession(server);
    const messageInQuery = await server.app.inject({
      method: 'POST',
      url: `/follow-up/messages?_csrf=${encodeURIComponent(followUp.csrf)}`,
      headers: { cookie: followUp.jar.header(), 'content-type': FORM },
      payload: form({ body: 'A message about the case' }),
    });
    expect(messageInQuery.statusCode).toBe(403);

    // The report form.
    const reportPage = await csrfFrom(server, '/report?lang=en');
    const report = multipart([['description', 'x']]);
    const reported = await server.app.inject({
      method: 'POST',
      url: `/report?_csrf=${encodeURIComponent(reportPage.token)}`,
      headers: { ...report.headers, cookie: reportPage.cookie },
      payload: report.payload,
    });
    expect(reported.statusCode).toBe(400);
    // The evidence form of the follow-up page.
    const evidence = multipart(
      [],
      [{ filename: 'photo.png', content: png(), contentType: 'image/png' }],
    );
    const added = await server.app.inject({
      method: 'POST',
      url: `/follow-up/evidence?_csrf=${encodeURIComponent(followUp.csrf)}`,
      headers: { ...evidence.headers, cookie: followUp.jar.header() },
      payload: evidence.payload,
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/follow-up/case?done=evidence#evidence');
    // The statistics import page.
    const importPage = await server.app.inject({
      method: 'GET',
      url: '/staff/statistics/import?lang=en',
      headers: { cookie: login.cookie },
    });
    const action = /action="(\/staff\/statistics\/import\?_csrf=[^"]+)"/.exec(importPage.body)![1];
    const empty = multipart([], []);
    const imported = await server.app.inject({
      method: 'POST',
      url: action.replace(/&amp;/g, '&'),
      headers: { ...empty.headers, cookie: login.cookie, 'accept-language': 'en' },
      payload: empty.payload,
    });
    expect(imported.statusCode).toBe(400);
  });
});

describe('Cookie names in production', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://pmd.example.org',
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      FIELD_ENCRYPTION_KEYS: `prod1:${randomBytes(32).toString('base64')}`,
      FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'prod1',
    });
  });
  afterAll(() => server.close());

  function setCookies(response: { headers: Record<string, unknown> }): string[] {
    return ([] as string[]).concat((response.headers['set-cookie'] as string[] | string) ?? []);
  }

  function expectHostCookie(lines: string[], name: string): void {
    const line = lines.find((l) => l.startsWith(`__Host-${name}=`));
    expect([name, line]).toEqual([name, expect.stringMatching(/; Path=\/(;|$)/)]);
    expect(line).toMatch(/; Secure/);
    expect(line).not.toMatch(/; Domain=/i);
    expect(lines.some((l) => l.startsWith(`${name}=`))).toBe(false);
  }

  it('names the CSRF, staff session and follow-up cookies __Host- (Secure, Path=/, no Domain)', async () => {
    const user = await createStaff(server, { role: 'administrator' });
    const jar = new CookieJar();
    const loginPage = await server.app.inject({ method: 'GET', url: '/staff/login' });
    expectHostCookie(setCookies(loginPage), 'pmd_csrf');
    jar.take(loginPage);
    const password = await server.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar.header(), 'content-type': FORM },
      payload: form({
        email: user.email,
        password: user.password,
        _csrf: csrfFromPage(loginPage.body),
      }),
    });
    expect(password.statusCode).toBe(303);
    expectHostCookie(setCookies(password), 'pmd_session');

    // A whole sign-in works with these names.
    const login = await loginAs(server, user);
    const home = await server.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: login.cookie },
    });
    expect(home.statusCode).toBe(200);

    const followUp = await followUpSession(server);
    expectHostCookie(setCookies(followUp.signIn), 'pmd_follow_up');
  });
});
