import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import { DataSource } from 'typeorm';
import type { AccountRole, Locale, StaffRole } from '@app/core';
import { StaffAccounts } from '@app/identity';
import type { TestServer } from './test-server';

/** An account made for a test (staff or mediator), with what it takes to sign in as them. */
export interface TestAccount {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  locale: Locale;
  institutionCode: string | null;
  /** A community mediator's partner organisation; null or absent for staff. */
  organisationId?: string | null;
  password: string;
  totpSecret: string;
}

/** A staff member made for a test. */
export interface TestStaff extends TestAccount {
  role: StaffRole;
}

/** A community mediator made for a test. */
export interface TestMediator extends TestAccount {
  role: 'mediator';
  organisationId: string;
}

/** Headers of a signed-in staff member, to pass to `app.inject`. */
export interface StaffLogin {
  /** `pmd_session=...; pmd_csrf=...` */
  cookie: string;
  /** A CSRF token for that cookie (the `_csrf` field or the `x-csrf-token` header). */
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

export const TEST_STAFF_PASSWORD = 'correct horse battery staple';

/** An active member of staff with password and authenticator set, made through the services. */
export async function createStaff(
  server: TestServer,
  options: {
    role: StaffRole;
    name?: string;
    email?: string;
    locale?: Locale;
    institutionCode?: string | null;
    password?: string;
  },
): Promise<TestStaff> {
  const suffix = randomBytes(4).toString('hex');
  const staff = {
    name: options.name ?? `Test ${options.role} ${suffix}`,
    email: options.email ?? `${options.role.replace(/_/g, '.')}.${suffix}@test.pmd`,
    role: options.role,
    locale: options.locale ?? 'en',
    institutionCode: options.institutionCode ?? null,
    password: options.password ?? TEST_STAFF_PASSWORD,
    totpSecret: authenticator.generateSecret(20),
  };
  const user = await server.app.get(StaffAccounts).provision(staff);
  return { ...staff, id: user.id, email: user.email };
}

/** A partner organisation made for a test (active unless told otherwise). */
export async function createOrganisation(
  server: TestServer,
  options: { name?: string; active?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = options.name ?? `Test organisation ${randomBytes(4).toString('hex')}`;
  const active = options.active ?? true;
  await server.app.get(DataSource).query(
    `INSERT INTO partner_organisations (id, name, contact_email, active, deactivated_at)
     VALUES ($1, $2, 'office@partner.test', $3, CASE WHEN $3 THEN NULL ELSE now() END)`,
    [id, name, active],
  );
  return { id, name };
}

/** An active community mediator of an organisation (a new one unless given). */
export async function createMediator(
  server: TestServer,
  options: { organisationId?: string; name?: string; locale?: Locale } = {},
): Promise<TestMediator> {
  const organisationId = options.organisationId ?? (await createOrganisation(server)).id;
  const suffix = randomBytes(4).toString('hex');
  const mediator = {
    name: options.name ?? `Test mediator ${suffix}`,
    email: `mediator.${suffix}@partner.test`,
    role: 'mediator' as const,
    locale: options.locale ?? 'en',
    institutionCode: null,
    organisationId,
    password: TEST_STAFF_PASSWORD,
    totpSecret: authenticator.generateSecret(20),
  };
  const user = await server.app.get(StaffAccounts).provision(mediator);
  return { ...mediator, id: user.id };
}

/** Cookies as a browser keeps them between requests. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: LightMyRequestResponse): this {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.value === '' || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  header(): string {
    return [...this.cookies]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
  }
}

export function csrfFromPage(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF field on the page');
  return match[1];
}

/** A visitor's CSRF cookie and token, from the sign-in page. */
export async function visitorCsrf(server: TestServer, jar = new CookieJar()): Promise<string> {
  return pageCsrf(server, '/staff/login', jar);
}

/** The CSRF token of a page's form, for the cookies (and so the session) of the jar. */
export async function pageCsrf(server: TestServer, url: string, jar: CookieJar): Promise<string> {
  const page = await server.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
  jar.take(page);
  return csrfFromPage(page.body);
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM = 'application/x-www-form-urlencoded';

/** The code an authenticator app shows at `at`. */
export function totpCodeAt(secret: string, at: Date): string {
  return authenticator.clone({ epoch: at.getTime() }).generate(secret);
}

/**
 * A code the server has not seen yet: when this user's last code is of the current time
 * step, the server's clock is moved to the next step (codes are spent once used).
 */
export async function freshTotpCode(server: TestServer, user: TestAccount): Promise<string> {
  const [row] = (await server.app
    .get(DataSource)
    .query('SELECT totp_last_step FROM staff_users WHERE id = $1', [user.id])) as {
    totp_last_step: string | null;
  }[];
  const lastStep = row?.totp_last_step === null ? null : Number(row?.totp_last_step);
  const now = server.clock.now().getTime();
  if (lastStep !== null && Math.floor(now / 30_000) <= lastStep) {
    server.clock.advance((lastStep + 1) * 30_000 + 1_000 - now);
  }
  return totpCodeAt(user.totpSecret, server.clock.now());
}

function expectRedirect(response: LightMyRequestResponse, to: string, step: string): void {
  if (response.statusCode !== 303 || response.headers.location !== to) {
    throw new Error(
      `${step}: expected 303 to ${to}, got ${response.statusCode} ${String(response.headers.location ?? '')} ${response.body.slice(0, 300)}`,
    );
  }
}

/** Signs in through the real pages: password, then a TOTP code from the user's secret. */
export async function loginAs(server: TestServer, user: TestAccount): Promise<StaffLogin> {
  const jar = new CookieJar();
  const csrf = await visitorCsrf(server, jar);
  const password = await server.app.inject({
    method: 'POST',
    url: '/staff/login',
    headers: { cookie: jar.header(), 'content-type': FORM },
    payload: form({ email: user.email, password: user.password, _csrf: csrf }),
  });
  expectRedirect(password, '/staff/login/totp', 'password step');
  jar.take(password);
  // A CSRF token belongs to the session it was made with: the code page gives a new one.
  const codeCsrf = await pageCsrf(server, '/staff/login/totp', jar);
  const code = await server.app.inject({
    method: 'POST',
    url: '/staff/login/totp',
    headers: { cookie: jar.header(), 'content-type': FORM },
    payload: form({ code: await freshTotpCode(server, user), _csrf: codeCsrf }),
  });
  expectRedirect(code, '/staff', 'code step');
  jar.take(code);
  const session = await server.app.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { cookie: jar.header() },
  });
  if (session.statusCode !== 200) throw new Error(`session: ${session.statusCode} ${session.body}`);
  jar.take(session);
  const token = (session.json() as { csrfToken: string }).csrfToken;
  const cookie = jar.header();
  return { cookie, csrf: token, headers: { cookie, 'x-csrf-token': token } };
}
