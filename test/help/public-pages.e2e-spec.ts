import { DataSource } from 'typeorm';
import {
  LOCALES,
  Locale,
  installationProfile,
  isOfferedLocale,
  toSerbianCyrillic,
  translate,
} from '@app/core';
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

/** The language a page asked for in `locale` is written in: the default if not offered. */
const shownIn = (locale: Locale): Locale =>
  isOfferedLocale(locale) ? locale : (installationProfile().languages.default as Locale);

interface ContactRow {
  kind: string;
  names: Record<string, string>;
  phone: string | null;
  website: string | null;
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

  // A language the profile does not offer is answered in the default language.
  describe.each(LOCALES)('in %s', (asked: Locale) => {
    const locale = shownIn(asked);
    it.each(PAGES)('$path answers 200 in the language asked for', async ({ path, title }) => {
      const response = await get(`${path}?lang=${asked}`);
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
      const html = (await get(`/privacy?lang=${asked}`)).body;
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
      const html = (await get(`/help?lang=${asked}`)).body;
      const names = (await db.query(
        `SELECT kind, names->>$1 AS name, phone FROM public_contacts
         WHERE kind IN ('emergency_number', 'help_organisation', 'appeal_route') AND active
         ORDER BY kind, sort_order`,
        [locale === 'sr-Cyrl' ? 'sr' : locale],
      )) as { kind: string; name: string; phone: string | null }[];
      if (locale === 'sr-Cyrl') for (const row of names) row.name = toSerbianCyrillic(row.name);
      // The profile's contacts at least (Kosovo's store holds more, seeded by the migrations).
      const { help, appeal, emergency } = installationProfile().contacts;
      const profiled = help.length + appeal.length + (emergency?.length ?? 0);
      expect(names.length).toBeGreaterThanOrEqual(profiled);
      expect(profiled).toBeGreaterThan(0);
      for (const { name } of names) expect(html).toContain(escaped(name));
      // Emergency numbers are called from the page, the number in bold (Kosovo: 112, 192).
      const numbers = names.filter((n) => n.kind === 'emergency_number' && n.phone);
      expect(numbers.length).toBeGreaterThan(0);
      for (const { phone } of numbers) {
        expect(html).toContain(
          `<a href="tel:${phone!.replace(/[^\d+]/g, '')}"><strong>${escaped(phone!)}</strong></a>`,
        );
      }
      // The "if you disagree" routes, under their own heading.
      expect(html).toContain(
        `id="appeal-routes-title">${escaped(translate(locale, 'help.appeal.title'))}<`,
      );
    });
  });

  it('shows the privacy authority and the Office on the privacy and contact pages', async () => {
    // Kosovo's (Information and Privacy Agency; Office for Good Governance), or none where the
    // profile names none (Albania's does not yet).
    const rows = (await db.query(
      `SELECT kind, names, phone, website FROM public_contacts
       WHERE kind IN ('privacy_authority', 'office') AND active ORDER BY kind, sort_order`,
    )) as ContactRow[];
    const { privacyAuthority, office } = installationProfile().contacts;
    expect(rows).toHaveLength((privacyAuthority?.length ?? 0) + (office?.length ?? 0));
    const privacy = (await get('/privacy?lang=en')).body;
    const contact = (await get('/contact?lang=rom')).body;
    for (const row of rows) {
      expect(privacy).toContain(escaped(row.names.en));
      if (row.website) expect(privacy).toContain(`href="${escaped(row.website)}"`);
    }
    for (const row of rows.filter((r) => r.kind === 'office')) {
      expect(contact).toContain(escaped(row.names.rom));
    }
    expect(contact).toContain('href="/follow-up"');
  });

  it('leaves out a contact an administrator took off the pages', async () => {
    // Kosovo: the RADC taken off, the VoRAE still there; elsewhere the first and last of the help
    // page's contacts.
    const shown = (await db.query(
      `SELECT id, names->>'en' AS name FROM public_contacts
       WHERE kind IN ('emergency_number', 'help_organisation', 'appeal_route') AND active
       ORDER BY (names->>'en' LIKE '%(RADC)') DESC, (names->>'en' LIKE '%(VoRAE)'), kind, sort_order`,
    )) as { id: string; name: string }[];
    expect(shown.length).toBeGreaterThan(1);
    const [off, kept] = [shown[0], shown[shown.length - 1]];
    await db.query(`UPDATE public_contacts SET active = false WHERE id = $1`, [off.id]);
    try {
      const html = (await get('/help?lang=en')).body;
      expect(html).not.toContain(escaped(off.name));
      expect(html).toContain(escaped(kept.name));
    } finally {
      await db.query(`UPDATE public_contacts SET active = true WHERE id = $1`, [off.id]);
    }
  });

  it('names a contact in the page language, Romani included, never in Albanian', async () => {
    // Kosovo: 'Institucija e Ombudspersoneski', never 'Institucioni i Avokatit të Popullit'. A
    // profile without Romani names (Albania's, until translated) stores the default language's.
    const html = (await get('/help?lang=rom')).body;
    const rows = (await db.query(
      `SELECT kind, names, phone, website FROM public_contacts
       WHERE kind = 'appeal_route' AND active`,
    )) as ContactRow[];
    expect(rows.length).toBeGreaterThan(0);
    for (const { names } of rows) {
      expect(html).toContain(escaped(names.rom));
      if (names.rom !== names.sq) expect(html).not.toContain(escaped(names.sq));
    }
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
