import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Locale, isOfferedLocale } from '@app/core';
import { StaffDirectory } from '@app/identity';
import { createAdminCommand } from '../../apps/server/src/cli/create-admin.command';
import { seedDemoCommand } from '../../apps/server/src/cli/seed-demo.command';
import {
  CookieJar,
  FORM,
  StaffLogin,
  TestStaff,
  createStaff,
  csrfFromPage,
  form,
  loginAs,
  totpCodeAt,
  visitorCsrf,
} from '../support/staff';
import { localCode } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';

const HOUR = 3_600_000;
/** A staff language besides the default: Serbian where the profile offers it, else Romani. */
const SECOND_LANGUAGE: Locale = isOfferedLocale('sr') ? 'sr' : 'rom';
/** The installation's ombudsperson and police (Kosovo's codes on Kosovo). */
const OMBUDSPERSON = localCode('institution', 'ombudsperson');
const POLICE = localCode('institution', 'kosovo_police');

describe('Staff accounts: invitation, deactivation, password reset', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: TestStaff;
  let adminLogin: StaffLogin;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    admin = await createStaff(server, { role: 'administrator', name: 'Admin One' });
    adminLogin = await loginAs(server, admin);
  });
  afterAll(async () => {
    await server.close();
  });

  async function adminPost(url: string, fields: Record<string, string> = {}) {
    return server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: adminLogin.cookie, 'content-type': FORM },
      payload: form({ ...fields, _csrf: adminLogin.csrf }),
    });
  }

  async function invite(fields: Record<string, string>) {
    const response = await adminPost('/staff/users', fields);
    const [user] = await db.query(`SELECT id FROM staff_users WHERE email = $1`, [fields.email]);
    return { response, userId: user?.id as string | undefined };
  }

  /** The link of the newest email of a template (the outbox keeps its parameters). */
  async function lastLink(template: 'staff_invitation' | 'password_reset'): Promise<string> {
    const [row] = await db.query(
      `SELECT params FROM notification_outbox WHERE template = $1 ORDER BY created_at DESC LIMIT 1`,
      [template],
    );
    const url: string =
      template === 'staff_invitation' ? row.params.inviteUrl : row.params.resetUrl;
    return new URL(url).pathname;
  }

  /** Opens a link page and posts the password form; returns the browser state after. */
  async function setPassword(path: string, password: string, confirmation = password) {
    const jar = new CookieJar();
    const page = await server.app.inject({
      method: 'GET',
      url: path,
      headers: { 'accept-language': 'en' },
    });
    jar.take(page);
    if (page.statusCode !== 200) return { page, response: page, jar, csrf: '' };
    const csrf = csrfFromPage(page.body);
    const response = await server.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
      payload: form({ password, passwordConfirmation: confirmation, _csrf: csrf }),
    });
    jar.take(response);
    return { page, response, jar, csrf };
  }

  async function enrol(
    jar: CookieJar,
    options: { wrongCodeFirst?: boolean } = {},
  ): Promise<{ secret: string; done: number }> {
    const page = await server.app.inject({
      method: 'GET',
      url: '/staff/login/enrol',
      headers: { cookie: jar.header() },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const secretOf = (html: string) =>
      /id="totp-secret">([A-Z2-7 ]+)</.exec(html)![1].replace(/ /g, '');
    const secret = secretOf(page.body);
    if (options.wrongCodeFirst) {
      const right = totpCodeAt(secret, server.clock.now());
      const wrong = await server.app.inject({
        method: 'POST',
        url: '/staff/login/enrol',
        headers: { cookie: jar.header(), 'content-type': FORM, 'accept-language': 'en' },
        payload: form({
          code: right === '123456' ? '654321' : '123456',
          _csrf: csrfFromPage(page.body),
        }),
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('The code is wrong');
      // The same secret is offered again: the app may already hold it.
      expect(secretOf(wrong.body)).toBe(secret);
    }
    const done = await server.app.inject({
      method: 'POST',
      url: '/staff/login/enrol',
      headers: { cookie: jar.header(), 'content-type': FORM },
      payload: form({
        code: totpCodeAt(secret, server.clock.now()),
        _csrf: csrfFromPage(page.body),
      }),
    });
    jar.take(done);
    expect(done.headers.location).toBe('/staff');
    return { secret, done: done.statusCode };
  }

  it('invites, and the invitee sets a password, enrols the authenticator and signs in', async () => {
    const email = 'Mira.Invitee@Test.pmd';
    const { response, userId } = await invite({
      name: 'Mira Invitee',
      email,
      role: 'technical_group_member',
      locale: SECOND_LANGUAGE,
      institutionCode: OMBUDSPERSON,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/users?done=invited');
    expect(userId).toBeUndefined(); // stored in lower case
    const [stored] = await db.query(
      `SELECT id, email, password_hash, institution_code FROM staff_users WHERE email = $1`,
      [email.toLowerCase()],
    );
    expect(stored).toMatchObject({ password_hash: null, institution_code: OMBUDSPERSON });

    const [mail] = await db.query(
      `SELECT locale, recipient_kind, params FROM notification_outbox WHERE template = 'staff_invitation'`,
    );
    expect(mail.locale).toBe(SECOND_LANGUAGE);
    expect(mail.recipient_kind).toBe('staff');
    expect(Object.keys(mail.params).sort()).toEqual(['expiresAt', 'inviteUrl', 'name']);
    expect(mail.params.inviteUrl).toMatch(
      new RegExp(`^${server.config.app.publicUrl}/staff/invitation/[A-Za-z0-9_-]{43}$`),
    );
    const path = await lastLink('staff_invitation');

    const weak = await setPassword(path, 'password1234');
    expect(weak.page.body).toContain('Hello, Mira Invitee.');
    expect(weak.response.statusCode).toBe(400);
    expect(weak.response.body).toContain('This password is too common');
    const mismatch = await setPassword(path, 'a good long phrase here', 'another phrase entirely');
    expect(mismatch.response.statusCode).toBe(400);
    expect(mismatch.response.body).toContain('The two passwords do not match');
    const asEmail = await setPassword(path, email);
    expect(asEmail.response.body).toContain('The password cannot be your email address');

    const accepted = await setPassword(path, 'a good long phrase here');
    expect(accepted.response.statusCode).toBe(303);
    expect(accepted.response.headers.location).toBe('/staff/login/enrol');
    const { secret } = await enrol(accepted.jar);
    const home = await server.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: accepted.jar.header() },
    });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<html lang="${SECOND_LANGUAGE}">`);

    // The link was spent: neither its page nor its form work again.
    expect((await setPassword(path, 'another good phrase')).page.statusCode).toBe(404);
    // (A visitor's CSRF pair: the one of the link page belonged to the browser before sign-in.)
    const visitor = new CookieJar();
    const visitorToken = await visitorCsrf(server, visitor);
    const replay = await server.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie: visitor.header(), 'content-type': FORM },
      payload: form({
        password: 'another good phrase',
        passwordConfirmation: 'another good phrase',
        _csrf: visitorToken,
      }),
    });
    expect(replay.statusCode).toBe(404);

    const invitee: TestStaff = {
      id: stored.id,
      name: 'Mira Invitee',
      email: email.toLowerCase(),
      role: 'technical_group_member',
      locale: SECOND_LANGUAGE,
      institutionCode: OMBUDSPERSON,
      password: 'a good long phrase here',
      totpSecret: secret,
    };
    await loginAs(server, invitee);
    const actions = await db.query(
      `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`,
      [stored.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'user_invited',
      'invitation_accepted',
      'totp_enrolled',
      'login_succeeded',
      'login_succeeded',
    ]);
  });

  it('refuses an invitation link after 72 hours, and one replaced by a newer link', async () => {
    const { userId } = await invite({
      name: 'Late Invitee',
      email: 'late.invitee@test.pmd',
      role: 'legal_expert',
      locale: 'en',
    });
    const first = await lastLink('staff_invitation');
    const resent = await adminPost(`/staff/users/${userId}/link`, { scope: 'password' });
    expect(resent.headers.location).toBe('/staff/users?done=invitation');
    const second = await lastLink('staff_invitation');
    expect(second).not.toBe(first);
    const replaced = await setPassword(first, 'a good long phrase here');
    expect(replaced.page.statusCode).toBe(404);
    expect(replaced.page.body).toContain('This link is not valid');

    server.clock.advance(72 * HOUR + 60_000);
    expect((await setPassword(second, 'a good long phrase here')).page.statusCode).toBe(404);
    // Three days passed for the administrator's session too.
    adminLogin = await loginAs(server, admin);
  });

  it('refuses to invite an address twice, and an institution for a role other than Technical Group', async () => {
    const duplicate = await invite({
      name: 'Again',
      email: admin.email.toUpperCase(),
      role: 'legal_expert',
      locale: 'en',
    });
    expect(duplicate.response.statusCode).toBe(409);
    expect(duplicate.response.body).toContain('error-summary');
    const institution = await invite({
      name: 'Expert With Institution',
      email: 'expert.institution@test.pmd',
      role: 'legal_expert',
      locale: 'en',
      institutionCode: POLICE,
    });
    expect(institution.response.statusCode).toBe(400);
    expect(institution.userId).toBeUndefined();
    const invalid = await invite({ name: '', email: 'not-an-email', role: 'boss', locale: 'de' });
    expect(invalid.response.statusCode).toBe(400);
    for (const field of ['name', 'email', 'role', 'locale']) {
      expect(invalid.response.body).toContain(`href="#${field}"`);
    }
  });

  it('deactivation ends every session at once and refuses sign-in; reactivation allows it again', async () => {
    const expert = await createStaff(server, { role: 'legal_expert' });
    const sessionA = await loginAs(server, expert);
    const sessionB = await loginAs(server, expert);
    const done = await adminPost(`/staff/users/${expert.id}/deactivate`);
    expect(done.headers.location).toBe('/staff/users?done=deactivated');
    for (const session of [sessionA, sessionB]) {
      const api = await server.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: session.cookie },
      });
      expect(api.statusCode).toBe(401);
    }
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM staff_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [expert.id],
    );
    expect(open).toBe(0);
    await expect(loginAs(server, expert)).rejects.toThrow(/password step: expected 303.*got 401/);
    expect(await server.app.get(StaffDirectory).findActive(expert.id)).toBeNull();

    await adminPost(`/staff/users/${expert.id}/reactivate`);
    await loginAs(server, expert);
    expect(await server.app.get(StaffDirectory).findActive(expert.id)).toMatchObject({
      id: expert.id,
      email: expert.email,
      role: 'legal_expert',
    });
  });

  it('refuses to deactivate one’s own account', async () => {
    const response = await adminPost(`/staff/users/${admin.id}/deactivate`);
    expect(response.statusCode).toBe(409);
    const [row] = await db.query(`SELECT active FROM staff_users WHERE id = $1`, [admin.id]);
    expect(row.active).toBe(true);
  });

  it('resets a password: old password and sessions end, the authenticator stays', async () => {
    const member = await createStaff(server, { role: 'technical_group_member' });
    const before = await loginAs(server, member);
    const sent = await adminPost(`/staff/users/${member.id}/link`, { scope: 'password' });
    expect(sent.headers.location).toBe('/staff/users?done=password_reset');
    // Until the link is used, nothing changes for the member.
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/staff',
          headers: { cookie: before.cookie },
        })
      ).statusCode,
    ).toBe(200);
    const path = await lastLink('password_reset');
    expect(path).toMatch(/^\/staff\/reset\/[A-Za-z0-9_-]{43}$/);
    const reset = await setPassword(path, 'a brand new passphrase');
    expect(reset.response.headers.location).toBe('/staff/login/totp');
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/staff',
          headers: { cookie: before.cookie },
        })
      ).statusCode,
    ).toBe(303);
    await expect(loginAs(server, member)).rejects.toThrow(/got 401/);
    await loginAs(server, { ...member, password: 'a brand new passphrase' });
  });

  it('a reset of password and authenticator leads to a new enrolment', async () => {
    const member = await createStaff(server, { role: 'legal_expert' });
    await adminPost(`/staff/users/${member.id}/link`, { scope: 'password_and_totp' });
    const reset = await setPassword(await lastLink('password_reset'), 'lost my phone passphrase');
    expect(reset.response.headers.location).toBe('/staff/login/enrol');
    const { secret } = await enrol(reset.jar, { wrongCodeFirst: true });
    expect(secret).not.toBe(member.totpSecret);
    await loginAs(server, { ...member, password: 'lost my phone passphrase', totpSecret: secret });
  });

  it('keeps the pages of staff accounts for administrators', async () => {
    const expert = await createStaff(server, { role: 'legal_expert' });
    const login = await loginAs(server, expert);
    const page = await server.app.inject({
      method: 'GET',
      url: '/staff/users',
      headers: { cookie: login.cookie },
    });
    expect(page.statusCode).toBe(403);
    const adminPage = await server.app.inject({
      method: 'GET',
      url: '/staff/users?lang=en',
      headers: { cookie: adminLogin.cookie },
    });
    expect(adminPage.statusCode).toBe(200);
    expect(adminPage.body).toContain(expert.email);
    expect(adminPage.body).toContain('Invite a member of staff');
  });

  it('lists active staff for other contexts: accepted, not deactivated', async () => {
    const directory = server.app.get(StaffDirectory);
    const administrators = await directory.activeAdministrators();
    expect(administrators.map((a) => a.id)).toContain(admin.id);
    const members = await directory.activeTechnicalGroupMembers();
    expect(members.every((m) => m.role === 'technical_group_member')).toBe(true);
    // An invitation not yet accepted does not count.
    const { userId } = await invite({
      name: 'Pending Member',
      email: 'pending.member@test.pmd',
      role: 'technical_group_member',
      locale: 'sq',
    });
    expect((await directory.activeTechnicalGroupMembers()).map((m) => m.id)).not.toContain(userId);
    expect(await directory.findActive('not-a-uuid')).toBeNull();
  });
});

describe('The command line', () => {
  let server: TestServer;
  let output: string[];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    output = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('create-admin prints a one-time enrolment link and takes no password', async () => {
    await createAdminCommand.run(server.app, {
      email: 'first.admin@test.pmd',
      name: 'First Admin',
    });
    const printed = output.join('');
    const link = /(http\S+\/staff\/invitation\/[A-Za-z0-9_-]{43})/.exec(printed)![1];
    const db = server.app.get(DataSource);
    const [user] = await db.query(
      `SELECT role, password_hash FROM staff_users WHERE email = 'first.admin@test.pmd'`,
    );
    expect(user).toEqual({ role: 'administrator', password_hash: null });
    // No email is sent: the link is only printed.
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notification_outbox`);
    expect(n).toBe(0);
    const page = await server.app.inject({ method: 'GET', url: new URL(link).pathname });
    expect(page.statusCode).toBe(200);
    await expect(
      createAdminCommand.run(server.app, { email: 'first.admin@test.pmd', name: 'Again' }),
    ).rejects.toThrow('A staff account with this email already exists.');
    await expect(createAdminCommand.run(server.app, { email: 'x@test.pmd' })).rejects.toThrow(
      '--name',
    );
  });

  it('seed-demo adds the demo staff once, with working fixed TOTP secrets', async () => {
    await seedDemoCommand.run(server.app, {});
    await seedDemoCommand.run(server.app, {});
    const printed = output.join('');
    expect(printed).toContain('demo-staff-password-2025');
    const db = server.app.get(DataSource);
    const roles = await db.query(
      `SELECT role, count(*)::int AS n FROM staff_users WHERE email LIKE '%@pmd.localhost' GROUP BY role ORDER BY role`,
    );
    expect(roles).toEqual([
      { role: 'administrator', n: 1 },
      { role: 'legal_expert', n: 2 },
      { role: 'technical_group_member', n: 3 },
    ]);
    // Fictitious contact points of the institution directory, once; the demo referral uses one.
    const points = await db.query(
      `SELECT count(*)::int AS n FROM institution_contact_points
       WHERE key LIKE 'demo.%' AND email LIKE '%@example.org'`,
    );
    expect(points).toEqual([{ n: 5 }]);
    const recipients = await db.query(`SELECT DISTINCT recipient FROM case_referrals`);
    expect(recipients).toEqual([{ recipient: 'directory' }]);
    const secret = /admin@pmd\.localhost\s+TOTP secret ([A-Z2-7]+)/.exec(printed)![1];
    const [row] = await db.query(`SELECT id FROM staff_users WHERE email = 'admin@pmd.localhost'`);
    await loginAs(server, {
      id: row.id,
      name: 'Demo admin',
      email: 'admin@pmd.localhost',
      role: 'administrator',
      locale: 'sq',
      institutionCode: null,
      password: 'demo-staff-password-2025',
      totpSecret: secret,
    });
  });

  it('seed-demo refuses to run in production', async () => {
    const production = {
      get: () => ({ app: { nodeEnv: 'production' } }),
    } as unknown as INestApplicationContext;
    await expect(seedDemoCommand.run(production, {})).rejects.toThrow('NODE_ENV=production');
  });
});
