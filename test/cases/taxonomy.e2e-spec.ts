import { TAXONOMY_KINDS, TAXONOMY_SEED, TaxonomyService } from '@app/taxonomy';
import { TestServer, startTestServer } from '../support/test-server';
import { rows, validReport } from './case-fixtures';

describe('Reference data (taxonomy)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('is seeded by the migration exactly as TAXONOMY_SEED says, in its order, all active', async () => {
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
    const expected = TAXONOMY_KINDS.flatMap((kind) =>
      TAXONOMY_SEED[kind].map((item, index) => ({
        kind,
        code: item.code,
        labels: item.labels,
        description: item.description ?? null,
        sort_order: index + 1,
        active: true,
      })),
    ).sort((a, b) => a.kind.localeCompare(b.kind) || a.sort_order - b.sort_order);
    expect(stored).toEqual(expected);
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
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=sr' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.locale).toBe('sr');
    expect(Object.keys(body.kinds).sort()).toEqual([...TAXONOMY_KINDS].sort());
    for (const kind of TAXONOMY_KINDS.filter((k) => k !== 'municipality')) {
      expect(body.kinds[kind].map((e: { code: string }) => e.code)).toEqual(
        TAXONOMY_SEED[kind].map((i) => i.code),
      );
    }
    // Municipalities come in the alphabetical order of the asked language, not the Albanian one.
    const serbian: string[] = body.kinds.municipality.map((e: { label: string }) => e.label);
    expect(serbian).toEqual([...serbian].sort(new Intl.Collator('sr-Latn').compare));
    expect(serbian.indexOf('Đakovica')).toBeGreaterThan(serbian.indexOf('Dragaš'));
    expect(body.kinds.municipality).toContainEqual({ code: 'peje', label: 'Peć' });
    expect(body.kinds.ground[0]).toEqual({
      code: 'discrimination',
      label: 'Diskriminacija',
      description: expect.stringContaining('ponašaju lošije'),
    });
  });

  it('labels everything in Romani and in Serbian Cyrillic, and follows Accept-Language without ?lang', async () => {
    const romani = (
      await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=rom' })
    ).json();
    expect(romani.kinds.area).toContainEqual({ code: 'education', label: 'Sikljovipe' });
    expect(romani.kinds.area).toContainEqual({ code: 'employment', label: 'Buti' });
    for (const kind of TAXONOMY_KINDS) {
      for (const item of TAXONOMY_SEED[kind]) {
        expect(romani.kinds[kind]).toContainEqual(
          expect.objectContaining({ code: item.code, label: item.labels.rom }),
        );
      }
    }
    const cyrillic = await server.app.inject({
      method: 'GET',
      url: '/api/v1/taxonomy',
      headers: { 'accept-language': 'sr-Cyrl-RS, sr;q=0.8' },
    });
    expect(cyrillic.json().locale).toBe('sr-Cyrl');
    expect(cyrillic.json().kinds.municipality).toContainEqual({ code: 'peje', label: 'Пећ' });
    expect(cyrillic.json().kinds.municipality).toContainEqual({
      code: 'gjakove',
      label: 'Ђаковица',
    });
    const english = await server.app.inject({
      method: 'GET',
      url: '/api/v1/taxonomy',
      headers: { 'accept-language': 'en-US,en;q=0.8' },
    });
    expect(english.json().kinds.community[0]).toEqual({ code: 'roma', label: 'Roma' });
    const refused = await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=de' });
    expect(refused.statusCode).toBe(400);
  });

  it('stops offering an inactive code and refuses it on new reports', async () => {
    await rows(
      server,
      `UPDATE taxonomy_items SET active = false WHERE kind = 'municipality' AND code = 'junik'`,
    );
    server.app.get(TaxonomyService).invalidate();
    const list = (
      await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=en' })
    ).json();
    expect(list.kinds.municipality.map((e: { code: string }) => e.code)).not.toContain('junik');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: validReport({ municipality: 'junik' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'municipality', code: 'isKnownCode' }),
    ]);
  });
});
