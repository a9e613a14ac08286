import { DataSource } from 'typeorm';
import { installationProfile, isOfferedLocale } from '@app/core';
import { FORM, StaffLogin, TestStaff, createStaff, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** A name as the pages write it (HTML-escaped). */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const MEDIATOR = {
  kind: 'community_mediator',
  nameSq: 'Ndërmjetësja komunitare e Gjilanit',
  nameSr: 'Posrednica iz zajednice u Gnjilanu',
  nameEn: 'Community mediator in Gjilan',
  nameRom: 'Medijatorka e komunitetestar ando Gjilani',
  phone: '+383 44 000 111',
  email: 'mediator.gjilan@example.org',
  address: 'Gjilan',
  website: '',
  sortOrder: '5',
};

describe('Public contact points: the administrators’ page', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: TestStaff;
  let adminLogin: StaffLogin;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    admin = await createStaff(server, { role: 'administrator' });
    adminLogin = await loginAs(server, admin);
  });
  afterAll(async () => {
    await server.close();
  });

  function post(url: string, fields: Record<string, string>, login = adminLogin) {
    return server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: login.cookie, 'content-type': FORM, 'accept-language': 'en' },
      payload: form({ ...fields, _csrf: login.csrf }),
    });
  }

  function get(url: string, login = adminLogin) {
    return server.app.inject({
      method: 'GET',
      url,
      headers: { cookie: login.cookie, 'accept-language': 'en' },
    });
  }

  async function contactCount(): Promise<number> {
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM public_contacts`)) as {
      count: number;
    }[];
    return count;
  }

  async function auditOf(id: string) {
    return (await db.query(
      `SELECT actor_id, action, subject_type, details FROM audit_log
       WHERE subject_id = $1 ORDER BY at, id`,
      [id],
    )) as { actor_id: string; action: string; subject_type: string; details: object }[];
  }

  it('lists the seeded contact points with their kinds', async () => {
    const page = await get('/staff/contacts');
    expect(page.statusCode).toBe(200);
    // Seeded by the migrations (Kosovo) or from the profile (another country): every one listed,
    // the profile's appeal routes among them.
    const seeded = (await db.query(`SELECT names FROM public_contacts`)) as {
      names: Record<string, string>;
    }[];
    expect(seeded.length).toBeGreaterThan(0);
    const shown = (names: Record<string, string>) =>
      names.en ?? names[installationProfile().languages.default];
    for (const { names } of seeded) expect(page.body).toContain(html(shown(names)));
    const appeal = installationProfile().contacts.appeal;
    expect(appeal.length).toBeGreaterThan(0);
    for (const { names } of appeal) expect(page.body).toContain(html(shown(names)));
    expect(page.body).toContain('Appeal route (“if you disagree”)');
    expect(page.body).toContain('href="/staff/contacts"');
  });

  it('adds a contact, audits it, and the help page shows it in every language', async () => {
    const before = await contactCount();
    const response = await post('/staff/contacts', MEDIATOR);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/contacts?done=created');
    expect(await contactCount()).toBe(before + 1);
    const [row] = (await db.query(
      `SELECT id, kind, names, phone, email, address, website, sort_order, active
       FROM public_contacts WHERE names->>'en' = $1`,
      [MEDIATOR.nameEn],
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      id: expect.any(String),
      kind: 'community_mediator',
      names: {
        sq: MEDIATOR.nameSq,
        sr: MEDIATOR.nameSr,
        en: MEDIATOR.nameEn,
        rom: MEDIATOR.nameRom,
      },
      phone: MEDIATOR.phone,
      email: MEDIATOR.email,
      address: 'Gjilan',
      website: null,
      sort_order: 5,
      active: true,
    });
    expect(await auditOf(row.id as string)).toEqual([
      {
        actor_id: admin.id,
        action: 'public_contact_created',
        subject_type: 'public_contact',
        details: { kind: 'community_mediator' },
      },
    ]);
    for (const [locale, name] of [
      ['sq', MEDIATOR.nameSq],
      ['sr', MEDIATOR.nameSr],
      ['en', MEDIATOR.nameEn],
      ['rom', MEDIATOR.nameRom],
    ]) {
      // A language the profile does not offer shows the default language's name.
      const help = await server.app.inject({ method: 'GET', url: `/help?lang=${locale}` });
      expect(help.body).toContain(`<h3>${isOfferedLocale(locale) ? name : MEDIATOR.nameSq}</h3>`);
      expect(help.body).toContain('<a href="tel:+38344000111">+383 44 000 111</a>');
    }
    const done = await get('/staff/contacts?done=created');
    expect(done.body).toContain('The contact was added.');
  });

  it('refuses a contact with bad fields: 400, the form again with an error summary, nothing stored', async () => {
    const before = await contactCount();
    const auditBefore = (await db.query(`SELECT count(*)::int AS n FROM audit_log`)) as {
      n: number;
    }[];
    const response = await post('/staff/contacts', {
      ...MEDIATOR,
      kind: 'lawyer',
      nameRom: '',
      email: 'not an address',
      website: 'ftp://files.example.org',
      phone: 'call me',
      sortOrder: 'first',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="error-summary"');
    for (const field of ['kind', 'nameRom', 'email', 'website', 'phone', 'sortOrder']) {
      expect(response.body).toContain(`<a href="#${field}">`);
      expect(response.body).toContain(`id="${field}-error"`);
    }
    expect(response.body).toContain('This field is required.');
    expect(response.body).toContain('Enter a valid email address.');
    // What was typed is offered again, in the field it was typed in.
    expect(response.body).toContain(`value="${MEDIATOR.nameEn}"`);
    expect(response.body).toContain('value="not an address"');
    expect(await contactCount()).toBe(before);
    const auditAfter = (await db.query(`SELECT count(*)::int AS n FROM audit_log`)) as {
      n: number;
    }[];
    expect(auditAfter[0].n).toBe(auditBefore[0].n);
  });

  it('edits a contact, and refuses bad input on the edit page without changing it', async () => {
    // Kosovo's Free Legal Aid Agency, or the installation's first appeal route without a phone.
    const [{ id, names }] = (await db.query(
      `SELECT id, names FROM public_contacts WHERE kind = 'appeal_route' AND phone IS NULL
       ORDER BY (names->>'en' = 'Free Legal Aid Agency') DESC, sort_order LIMIT 1`,
    )) as { id: string; names: Record<string, string> }[];
    const page = await get(`/staff/contacts/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${html(names.sq)}"`);
    expect(page.body).toMatch(/<option value="appeal_route" selected>/);

    const fields = {
      kind: 'appeal_route',
      nameSq: 'Agjencia për Ndihmë Juridike Falas',
      nameSr: 'Agencija za besplatnu pravnu pomoć',
      nameEn: 'Free Legal Aid Agency',
      nameRom: 'Agencija vaš bipoćindo pravno ažutipe',
      phone: '0800 10 100',
      email: '',
      address: '',
      website: 'https://legal-aid.example.org/',
      sortOrder: '3',
    };
    const refused = await post(`/staff/contacts/${id}`, { ...fields, nameSq: 'A' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('class="error-summary"');
    expect(refused.body).toContain('<a href="#nameSq">');
    expect(refused.body).toContain(`action="/staff/contacts/${id}"`);
    const unchanged = (await db.query(`SELECT phone FROM public_contacts WHERE id = $1`, [id])) as {
      phone: string | null;
    }[];
    expect(unchanged[0].phone).toBeNull();

    const saved = await post(`/staff/contacts/${id}`, fields);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/contacts?done=updated');
    const help = await server.app.inject({ method: 'GET', url: '/help?lang=en' });
    expect(help.body).toContain('<a href="tel:080010100">0800 10 100</a>');
    expect(help.body).toContain('href="https://legal-aid.example.org/"');
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['public_contact_updated']);
  });

  it('takes a contact off the public pages and puts it back, each change audited once', async () => {
    // Kosovo's Balkan Sunflowers Kosova, or the first contact of the installation's help page;
    // the page in the default language names it so.
    const [{ id, name }] = (await db.query(
      `SELECT id, names->>$1 AS name FROM public_contacts
       WHERE active AND kind IN ('emergency_number', 'help_organisation', 'appeal_route')
       ORDER BY (names->>'en' = 'Balkan Sunflowers Kosova') DESC, kind, sort_order LIMIT 1`,
      [installationProfile().languages.default],
    )) as { id: string; name: string }[];
    expect((await server.app.inject({ method: 'GET', url: '/help' })).body).toContain(html(name));
    const off = await post(`/staff/contacts/${id}/deactivate`, {});
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe('/staff/contacts?done=deactivated');
    expect((await server.app.inject({ method: 'GET', url: '/help' })).body).not.toContain(
      html(name),
    );
    // Again: nothing more changes and nothing more is recorded.
    expect((await post(`/staff/contacts/${id}/deactivate`, {})).statusCode).toBe(303);
    const back = await post(`/staff/contacts/${id}/reactivate`, {});
    expect(back.headers.location).toBe('/staff/contacts?done=reactivated');
    expect((await server.app.inject({ method: 'GET', url: '/help' })).body).toContain(html(name));
    expect((await auditOf(id)).map((e) => e.action)).toEqual([
      'public_contact_deactivated',
      'public_contact_reactivated',
    ]);
  });

  it('answers 404 for a contact that does not exist, on every route', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(`/staff/contacts/${unknown}`)).statusCode).toBe(404);
    expect((await get('/staff/contacts/not-an-id')).statusCode).toBe(404);
    expect((await post(`/staff/contacts/${unknown}`, MEDIATOR)).statusCode).toBe(404);
    expect((await post(`/staff/contacts/${unknown}/deactivate`, {})).statusCode).toBe(404);
    // A refused form on a malformed id: still 404, the id never reaches the database.
    const malformed = await post('/staff/contacts/not-an-id', { ...MEDIATOR, nameSq: '' });
    expect(malformed.statusCode).toBe(404);
    expect(server.logs.entries().filter((e) => e.msg === 'input refused by the database')).toEqual(
      [],
    );
  });

  it('refuses every other role with 403 and anonymous callers with the sign-in page', async () => {
    const [{ id }] = (await db.query(`SELECT id FROM public_contacts LIMIT 1`)) as {
      id: string;
    }[];
    for (const role of ['legal_expert', 'technical_group_member'] as const) {
      const login = await loginAs(server, await createStaff(server, { role }));
      expect((await get('/staff/contacts', login)).statusCode).toBe(403);
      expect((await post('/staff/contacts', MEDIATOR, login)).statusCode).toBe(403);
      expect((await post(`/staff/contacts/${id}/deactivate`, {}, login)).statusCode).toBe(403);
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/staff/contacts' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/staff\/login\?next=/);
  });
});
