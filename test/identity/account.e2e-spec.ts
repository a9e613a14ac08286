import { DataSource } from 'typeorm';
import { Locale, isOfferedLocale, translate } from '@app/core';
import { localCode, localName } from '../support/country-codes';
import { FORM, StaffLogin, TestStaff, createStaff, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/**
 * A staff language besides the default and English, another working language beside it and the
 * staff dashboard's title in it: Serbian where the profile offers it, else Romani.
 */
const SECOND: { language: Locale; other: Locale; dashboard: string } = isOfferedLocale('sr')
  ? { language: 'sr', other: 'rom', dashboard: 'Kontrolna tabla osoblja' }
  : { language: 'rom', other: 'en', dashboard: 'Angluni strana e butjarnengi' };
/** The Kosovo Police, or the installation's police. */
const POLICE = localCode('institution', 'kosovo_police');

/**
 * A staff member's own language (the account page, and a `?lang=` that stays), labels instead
 * of codes on the staff accounts page, and error pages under /staff in the staff frame.
 */
describe('Staff account: language, labels, the staff frame on errors', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: TestStaff;
  let adminLogin: StaffLogin;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    admin = await createStaff(server, { role: 'administrator', locale: 'en' });
    adminLogin = await loginAs(server, admin);
  });
  afterAll(async () => {
    await server.close();
  });

  function get(login: StaffLogin, url: string) {
    return server.app.inject({ method: 'GET', url, headers: { cookie: login.cookie } });
  }

  function post(login: StaffLogin, url: string, fields: Record<string, string>) {
    return server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: form({ ...fields, _csrf: login.csrf }),
    });
  }

  async function accountLocale(id: string): Promise<string> {
    const [row] = await db.query(`SELECT locale FROM staff_users WHERE id = $1`, [id]);
    return row.locale as string;
  }

  const htmlLang = (body: string) => /<html lang="([a-z]+)"/.exec(body)?.[1];

  it('lets any staff member change their language on the account page, and it holds', async () => {
    const member = await createStaff(server, {
      role: 'technical_group_member',
      institutionCode: POLICE,
      locale: 'en',
    });
    const login = await loginAs(server, member);
    const page = await get(login, '/staff/account');
    expect(page.statusCode).toBe(200);
    expect(htmlLang(page.body)).toBe('en');
    expect(page.body).toContain(localName('institution', POLICE));
    expect(page.body).not.toContain(POLICE);

    const saved = await server.app.inject({
      method: 'POST',
      url: '/staff/account',
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: `${form({ locale: SECOND.language, _csrf: login.csrf })}&workingLocales=${SECOND.language}&workingLocales=${SECOND.other}`,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/account?done=language');
    expect(await accountLocale(member.id)).toBe(SECOND.language);
    const [languages] = await db.query(`SELECT working_locales FROM staff_users WHERE id = $1`, [
      member.id,
    ]);
    expect(languages.working_locales).toEqual([SECOND.language, SECOND.other]);
    const after = await get(login, '/staff');
    expect(htmlLang(after.body)).toBe(SECOND.language);
    expect(after.body).toContain(SECOND.dashboard);
  });

  it('takes Serbian Cyrillic as the page and working language where the profile offers it', async () => {
    const offered = isOfferedLocale('sr-Cyrl');
    const member = await createStaff(server, {
      role: 'legal_expert',
      locale: offered ? 'sr-Cyrl' : 'en',
    });
    const login = await loginAs(server, member);
    const [before] = await db.query(`SELECT working_locales FROM staff_users WHERE id = $1`, [
      member.id,
    ]);
    const saved = await server.app.inject({
      method: 'POST',
      url: '/staff/account',
      headers: { cookie: login.cookie, 'content-type': FORM },
      payload: `${form({ locale: 'sr-Cyrl', _csrf: login.csrf })}&workingLocales=sr-Cyrl`,
    });
    // Not offered: refused, naming the fields, the account as it was.
    expect(saved.statusCode).toBe(offered ? 303 : 400);
    expect(saved.body.includes('href="#locale"')).toBe(!offered);
    const [languages] = await db.query(`SELECT working_locales FROM staff_users WHERE id = $1`, [
      member.id,
    ]);
    expect(languages.working_locales).toEqual(offered ? ['sr-Cyrl'] : before.working_locales);
    expect(await accountLocale(member.id)).toBe(offered ? 'sr-Cyrl' : 'en');
  });

  it('refuses a language that is not offered, or no working language, with nothing changed', async () => {
    const expert = await createStaff(server, { role: 'legal_expert', locale: 'en' });
    const login = await loginAs(server, expert);
    const refused = await post(login, '/staff/account', { locale: 'de', workingLocales: 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('error-summary');
    expect(refused.body).toContain('href="#locale"');
    expect(await accountLocale(expert.id)).toBe('en');
    // No language to write to reporters in: refused too, the account as it was.
    const none = await post(login, '/staff/account', { locale: 'sr' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#workingLocales"');
    expect(await accountLocale(expert.id)).toBe('en');
  });

  it('keeps a language chosen with ?lang= on a staff page for the next pages', async () => {
    const expert = await createStaff(server, { role: 'legal_expert', locale: SECOND.language });
    const login = await loginAs(server, expert);
    expect(htmlLang((await get(login, '/staff/cases')).body)).toBe(SECOND.language);
    const chosen = await get(login, '/staff/cases?lang=en');
    expect(htmlLang(chosen.body)).toBe('en');
    expect(await accountLocale(expert.id)).toBe('en');
    const next = await get(login, '/staff/meetings');
    expect(htmlLang(next.body)).toBe('en');
    // The JSON API answers in the language asked, without changing the account.
    await server.app.inject({
      method: 'GET',
      url: '/api/v1/cases?lang=sq',
      headers: { cookie: login.cookie },
    });
    expect(await accountLocale(expert.id)).toBe('en');
  });

  it('shows institutions by name on the staff accounts page and in the invitation form', async () => {
    await createStaff(server, {
      role: 'technical_group_member',
      institutionCode: localCode('institution', 'ministry_education'),
    });
    const page = await get(adminLogin, '/staff/users');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(
      new RegExp(`>\\s*(${POLICE}|${localCode('institution', 'ministry_education')})\\s*<`),
    );
    expect(page.body).toContain('<select id="institutionCode" name="institutionCode"');
    expect(page.body).toContain(
      `<option value="${POLICE}">${localName('institution', POLICE).replace(/'/g, '&#39;')}</option>`,
    );
    expect(page.body).not.toContain('e.g. ombudsperson');

    const unknown = await post(adminLogin, '/staff/users', {
      name: 'Member Unknown',
      email: 'member.unknown@test.pmd',
      role: 'technical_group_member',
      locale: 'en',
      institutionCode: 'no_such_institution',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Choose an institution from the list.');
    const none = await post(adminLogin, '/staff/users', {
      name: 'Expert None',
      email: 'expert.none@test.pmd',
      role: 'legal_expert',
      locale: 'en',
      institutionCode: '',
    });
    expect(none.statusCode).toBe(303);
    const [row] = await db.query(`SELECT institution_code FROM staff_users WHERE email = $1`, [
      'expert.none@test.pmd',
    ]);
    expect(row.institution_code).toBeNull();
  });

  it('shows a 403 and a 404 under /staff in the staff frame, in the account language', async () => {
    const member = await createStaff(server, {
      role: 'technical_group_member',
      institutionCode: localCode('institution', 'ombudsperson'),
      locale: SECOND.language,
    });
    const login = await loginAs(server, member);
    for (const [url, status] of [
      ['/staff/users', 403],
      ['/staff/no-such-page', 404],
      ['/staff/meetings/7d2c1f0e-0000-4000-8000-000000000000', 404],
    ] as const) {
      const page = await server.app.inject({
        method: 'GET',
        url,
        headers: { cookie: login.cookie, 'accept-language': 'en' },
      });
      expect(page.statusCode).toBe(status);
      expect(htmlLang(page.body)).toBe(SECOND.language);
      expect(page.body).toContain('action="/staff/logout"');
      expect(page.body).toContain('href="/staff/account"');
      expect(page.body).toContain('href="/staff/meetings"');
      // The public footer (a note to reporters) is not on staff pages.
      expect(page.body).not.toContain(translate(SECOND.language, 'site.footer.privacy'));
    }
    // Signed out, a 404 under /staff is still the staff frame, offering to sign in.
    const anonymous = await server.app.inject({ method: 'GET', url: '/staff/no-such-page' });
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.body).toContain('href="/staff/login"');
    expect(anonymous.body).not.toContain('action="/staff/logout"');
  });
});
