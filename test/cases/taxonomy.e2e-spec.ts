import {
  Locale,
  PROFILE_TAXONOMY_KINDS,
  installationProfile,
  isOfferedLocale,
  profileTaxonomyRows,
  writtenMessage,
} from '@app/core';
import { TAXONOMY_KINDS, TAXONOMY_SEED, TaxonomyService } from '@app/taxonomy';
import { localCode, localName } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import { rows, validReport } from './case-fixtures';

/** Kinds the country profile holds (communities, municipalities, institutions). */
const FROM_PROFILE = new Set<string>(PROFILE_TAXONOMY_KINDS);
/** The installation's codes of a kind, in its order: the profile's, or the seed's. */
function codesOf(kind: (typeof TAXONOMY_KINDS)[number]): string[] {
  return FROM_PROFILE.has(kind)
    ? profileTaxonomyRows(installationProfile())
        .filter((r) => r.kind === kind)
        .map((r) => r.code)
    : TAXONOMY_SEED[kind].map((i) => i.code);
}
/** A language besides the default and English: Serbian where the profile offers it, else Romani. */
const SECOND: Locale = isOfferedLocale('sr') ? 'sr' : 'rom';
const DEFAULT = installationProfile().languages.default as Locale;
const PEJE = localCode('municipality', 'peje');

describe('Reference data (taxonomy)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('is seeded by the migration as TAXONOMY_SEED says, the profile’s kinds as its profile says, in order', async () => {
    const stored = await rows<{
      kind: string;
      code: string;
      labels: Record<string, string>;
      description: Record<string, string> | null;
      sort_order: number;
      active: boolean;
    }>(
      server,
      'SELECT kind, code, labels, description, sort_order, active FROM taxonomy_items ORDER BY kind, sort_order',
    );
    const profile = profileTaxonomyRows(installationProfile());
    const expected = [
      ...TAXONOMY_KINDS.filter((kind) => !FROM_PROFILE.has(kind)).flatMap((kind) =>
        TAXONOMY_SEED[kind].map((item, index) => ({
          kind,
          code: item.code,
          labels: item.labels,
          description: item.description ?? null,
          sort_order: index + 1,
          active: true,
        })),
      ),
      ...profile.map((row) => ({
        kind: row.kind,
        code: row.code,
        labels: row.labels,
        description: null,
        sort_order: row.sortOrder,
        active: true,
      })),
    ].sort((a, b) => a.kind.localeCompare(b.kind) || a.sort_order - b.sort_order);
    expect(stored.filter((r) => r.active)).toEqual(expected);
    // What is inactive is another country's reference data, kept for its old cases (none on
    // Kosovo's own database).
    const inactive = stored.filter((r) => !r.active);
    for (const row of inactive) {
      expect(FROM_PROFILE.has(row.kind)).toBe(true);
      expect(profile.some((p) => p.kind === row.kind && p.code === row.code)).toBe(false);
    }
    expect(inactive.length === 0).toBe(installationProfile().country.code === 'XK');
  });

  it('refuses an unknown kind in the database', async () => {
    await expect(
      rows(
        server,
        `INSERT INTO taxonomy_items (kind, code, labels, sort_order) VALUES ('planet', 'mars', '{"sq":"a","sr":"b","en":"c"}', 1)`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('serves every kind with labels in the asked language, grounds with their description', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/taxonomy?lang=${SECOND}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.locale).toBe(SECOND);
    expect(Object.keys(body.kinds).sort()).toEqual([...TAXONOMY_KINDS].sort());
    for (const kind of TAXONOMY_KINDS.filter((k) => k !== 'municipality')) {
      expect(body.kinds[kind].map((e: { code: string }) => e.code)).toEqual(codesOf(kind));
    }
    // Municipalities come in the alphabetical order of the asked language, not the Albanian one.
    const collator = new Intl.Collator(SECOND === 'sr' ? 'sr-Latn' : ['rom', 'sq']);
    const labels: string[] = body.kinds.municipality.map((e: { label: string }) => e.label);
    expect(labels).toEqual([...labels].sort(collator.compare));
    expect([...body.kinds.municipality.map((e: { code: string }) => e.code)].sort()).toEqual(
      [...codesOf('municipality')].sort(),
    );
    // Serbian: Đakovica after Dragaš.
    const [dragash, gjakove] = ['dragash', 'gjakove'].map((c) =>
      localName('municipality', localCode('municipality', c), SECOND),
    );
    expect(Math.sign(labels.indexOf(gjakove) - labels.indexOf(dragash))).toBe(
      Math.sign(collator.compare(gjakove, dragash)),
    );
    expect(body.kinds.municipality).toContainEqual({
      code: PEJE,
      label: localName('municipality', PEJE, SECOND),
    });
    expect(body.kinds.ground[0]).toEqual({
      code: 'discrimination',
      label: 'Diskriminacija', // the same word in Serbian and Romani
      description: expect.stringContaining(
        SECOND === 'sr' ? 'ponašaju lošije' : 'maj bilačhe sar avere',
      ),
    });
  });

  it('labels everything in Romani and in Serbian Cyrillic, and follows Accept-Language without ?lang', async () => {
    const romani = (
      await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=rom' })
    ).json();
    expect(romani.kinds.area).toContainEqual({ code: 'education', label: 'Sikljovipe' });
    expect(romani.kinds.area).toContainEqual({ code: 'employment', label: 'Buti' });
    for (const kind of TAXONOMY_KINDS) {
      for (const code of codesOf(kind)) {
        // The catalogue's label where translators wrote one, else the profile's name.
        const label = FROM_PROFILE.has(kind)
          ? (writtenMessage('rom', `taxonomy.${kind}.${code}`) ??
            localName(kind as 'community' | 'municipality' | 'institution', code, 'rom'))
          : TAXONOMY_SEED[kind].find((i) => i.code === code)!.labels.rom;
        expect(romani.kinds[kind]).toContainEqual(expect.objectContaining({ code, label }));
      }
    }
    const cyrillic = await server.app.inject({
      method: 'GET',
      url: '/api/v1/taxonomy',
      headers: { 'accept-language': 'sr-Cyrl-RS, sr;q=0.8' },
    });
    // Where the profile offers no Serbian, the default language answers.
    const cyrillicOffered = isOfferedLocale('sr-Cyrl');
    expect(cyrillic.json().locale).toBe(cyrillicOffered ? 'sr-Cyrl' : DEFAULT);
    expect(cyrillic.json().kinds.municipality).toContainEqual(
      cyrillicOffered
        ? { code: 'peje', label: 'Пећ' }
        : { code: PEJE, label: localName('municipality', PEJE, DEFAULT) },
    );
    const gjakove = localCode('municipality', 'gjakove');
    expect(cyrillic.json().kinds.municipality).toContainEqual({
      code: gjakove,
      label: cyrillicOffered ? 'Ђаковица' : localName('municipality', gjakove, DEFAULT),
    });
    const english = await server.app.inject({
      method: 'GET',
      url: '/api/v1/taxonomy',
      headers: { 'accept-language': 'en-US,en;q=0.8' },
    });
    const first = installationProfile().communities[0].code; // roma in both profiles
    expect(english.json().kinds.community[0]).toEqual({
      code: first,
      label: localName('community', first, 'en'),
    });
    const refused = await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=de' });
    expect(refused.statusCode).toBe(400);
  });

  it('stops offering an inactive code and refuses it on new reports', async () => {
    const junik = localCode('municipality', 'junik');
    await rows(
      server,
      `UPDATE taxonomy_items SET active = false WHERE kind = 'municipality' AND code = $1`,
      [junik],
    );
    server.app.get(TaxonomyService).invalidate();
    const list = (
      await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=en' })
    ).json();
    expect(list.kinds.municipality.map((e: { code: string }) => e.code)).not.toContain(junik);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: validReport({ municipality: junik }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'municipality', code: 'isKnownCode' }),
    ]);
  });
});
