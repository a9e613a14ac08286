import { DataSource } from 'typeorm';
import { LOCALES, Locale, toSerbianCyrillic, translate } from '@app/core';
import { createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** Settings unlike every default, so a figure written into a text cannot pass for the setting. */
const SETTINGS = {
  RETENTION_DAYS_AFTER_CLOSURE: '417',
  FOLLOW_UP_SESSION_IDLE_MINUTES: '23',
  FOLLOW_UP_SESSION_ABSOLUTE_HOURS: '5',
  QUICK_EXIT_URL: 'https://weather.example.org/today',
};

const PAGES = [
  { path: '/help', title: 'help.title' },
  { path: '/privacy', title: 'help.privacy.title' },
  { path: '/accessibility', title: 'help.accessibility.title' },
  { path: '/contact', title: 'help.contact.title' },
] as const;

/** The text of the element with this id, as a reader sees it (tags dropped, entities read). */
function textOf(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]* id="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!match) throw new Error(`no element #${id}`);
  return match[2]
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

describe('Help, privacy, accessibility and contact pages', () => {
  let server: TestServer;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer(SETTINGS);
    db = server.app.get(DataSource);
  });
  afterAll(async () => {
    await server.close();
  });

  function get(url: string, headers: Record<string, string> = {}) {
    return server.app.inject({ method: 'GET', url, headers });
  }

  describe.each(LOCALES)('in %s', (locale: Locale) => {
    it.each(PAGES)('$path answers 200 in the language asked for', async ({ path, title }) => {
      const response = await get(`${path}?lang=${locale}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain(`<html lang="${locale}">`);
      expect(response.body).toContain(`<h1>${escaped(translate(locale, title))}</h1>`);
      // Every public page links all four from its footer, and offers the quick exit.
      for (const { path: linked } of PAGES) expect(response.body).toContain(`href="${linked}"`);
      expect(response.body).toContain(`href="${SETTINGS.QUICK_EXIT_URL}"`);
      expect(response.body).toContain('<script src="/static/js/quick-exit.js" defer></script>');
    });

    it('the privacy notice states the configured retention and sign-in times', async () => {
      const html = (await get(`/privacy?lang=${locale}`)).body;
      expect(textOf(html, 'retention')).toBe(
        `${translate(locale, 'help.privacy.keep.retention', { days: 417 })} ${translate(locale, 'help.privacy.keep.daily')}`,
      );
      expect(textOf(html, 'retention')).toMatch(/^417\b/);
      expect(textOf(html, 'follow-up-session')).toBe(
        translate(locale, 'help.privacy.keep.session', { minutes: 23, hours: 5 }),
      );
      // The defaults (730 days, 30 minutes, 2 hours) appear nowhere.
      expect(html).not.toMatch(/\b730\b/);
      expect(textOf(html, 'follow-up-session')).not.toMatch(/\b30\b|\b2\b/);
    });

    it('the help page lists the emergency numbers, organisations and appeal routes of the store', async () => {
      const html = (await get(`/help?lang=${locale}`)).body;
      const names = (await db.query(
        `SELECT kind, names->>$1 AS name, phone FROM public_contacts
         WHERE kind IN ('emergency_number', 'help_organisation', 'appeal_route') AND active
         ORDER BY kind, sort_order`,
        [locale === 'sr-Cyrl' ? 'sr' : locale],
      )) as { kind: string; name: string; phone: string | null }[];
      if (locale === 'sr-Cyrl') for (const row of names) row.name = toSerbianCyrillic(row.name);
      expect(names.length).toBeGreaterThanOrEqual(8);
      for (const { name } of names) expect(html).toContain(escaped(name));
      expect(html).toContain('<a href="tel:112"><strong>112</strong></a>');
      expect(html).toContain('<a href="tel:192"><strong>192</strong></a>');
      // The "if you disagree" routes, under their own heading.
      expect(html).toContain(
        `id="appeal-routes-title">${escaped(translate(locale, 'help.appeal.title'))}<`,
      );
    });
  });

  it('shows the privacy authority and the Office on the privacy and contact pages', async () => {
    const privacy = (await get('/privacy?lang=en')).body;
    expect(privacy).toContain('Information and Privacy Agency');
    expect(privacy).toContain('href="https://aip.rks-gov.net/"');
    expect(privacy).toContain('Office for Good Governance, Office of the Prime Minister');
    const contact = (await get('/contact?lang=rom')).body;
    expect(contact).toContain('Biro vaš Lačho Upravljanje, Biro e Premijeresko');
    expect(contact).toContain('href="/follow-up"');
  });

  it('leaves out a contact an administrator took off the pages', async () => {
    const [radc] = (await db.query(
      `SELECT id FROM public_contacts WHERE names->>'en' LIKE '%(RADC)'`,
    )) as { id: string }[];
    await db.query(`UPDATE public_contacts SET active = false WHERE id = $1`, [radc.id]);
    try {
      const html = (await get('/help?lang=en')).body;
      expect(html).not.toContain('(RADC)');
      expect(html).toContain('(VoRAE)');
    } finally {
      await db.query(`UPDATE public_contacts SET active = true WHERE id = $1`, [radc.id]);
    }
  });

  it('names a contact in the page language, Romani included, never in Albanian', async () => {
    const html = (await get('/help?lang=rom')).body;
    expect(html).toContain('Institucija e Ombudspersoneski');
    expect(html).not.toContain('Institucioni i Avokatit të Popullit');
  });

  it('offers no quick exit on the staff pages, signed in or not', async () => {
    const login = await get('/staff/login?lang=en');
    expect(login.statusCode).toBe(200);
    expect(login.body).not.toContain('data-quick-exit');
    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const home = await get('/staff', { cookie: admin.cookie });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('data-quick-exit');
    expect(home.body).not.toContain('quick-exit.js');
  });

  it('offers the quick exit on the home page and the error pages', async () => {
    const home = await get('/?lang=en');
    expect(home.body).toContain(
      `<a class="quick-exit-link" href="${SETTINGS.QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit>Leave this site quickly</a>`,
    );
    const missing = await get('/no-such-page?lang=en');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('data-quick-exit');
  });
});
