import { loadCountryProfile, useInstallationProfile, writtenMessage } from '@app/core';
import { TAXONOMY_KINDS, TAXONOMY_SEED } from '../data/taxonomy.data';
import { localizedLabel } from './localized-label';
import { TaxonomyEntry, TaxonomySnapshot } from './taxonomy-snapshot';

function seedEntries(): TaxonomyEntry[] {
  return TAXONOMY_KINDS.flatMap((kind) =>
    TAXONOMY_SEED[kind].map((item, index) => ({
      kind,
      code: item.code,
      labels: item.labels,
      description: item.description ?? null,
      sortOrder: index + 1,
      active: true,
    })),
  );
}

describe('localizedLabel from the catalogue', () => {
  it('prefers the catalogue entry of the code to the stored label', () => {
    const stored = { sq: 'x', sr: 'x', en: 'x', rom: 'x' };
    expect(localizedLabel(stored, 'en', 'taxonomy.area.education')).toBe(
      writtenMessage('en', 'taxonomy.area.education'),
    );
    expect(localizedLabel(stored, 'sr-Cyrl', 'taxonomy.area.education')).toMatch(/[а-я]/);
    expect(localizedLabel(stored, 'en', 'taxonomy.area.no_such_code')).toBe('x');
  });
});

describe("localizedLabel of the country profile's reference data", () => {
  const stored = { sq: 'x', sr: 'x', en: 'x', rom: 'x' };
  afterEach(() => useInstallationProfile(loadCountryProfile('kosovo')));

  it("gives the installation's own name for a code another country also uses", () => {
    useInstallationProfile(loadCountryProfile('albania'));
    // Albania's `municipality` institution is the Bashkia, not Kosovo's Komuna.
    expect(localizedLabel(stored, 'sq', 'taxonomy.institution.municipality')).toBe('Bashkia');
    expect(localizedLabel(stored, 'en', 'taxonomy.institution.municipality')).toBe('Municipality');
    // A language the profile does not name it in: the catalogue's word, never Albanian.
    expect(localizedLabel(stored, 'rom', 'taxonomy.institution.municipality')).toBe(
      writtenMessage('rom', 'taxonomy.institution.municipality'),
    );
  });

  it("changes nothing for Kosovo, whose profile names are the catalogue's", () => {
    useInstallationProfile(loadCountryProfile('kosovo'));
    for (const locale of ['sq', 'sr', 'en', 'rom'] as const) {
      expect(localizedLabel(stored, locale, 'taxonomy.institution.municipality')).toBe(
        writtenMessage(locale, 'taxonomy.institution.municipality'),
      );
    }
    expect(localizedLabel(stored, 'sr-Cyrl', 'taxonomy.municipality.prishtine')).toMatch(/[а-я]/);
  });
});

describe('localizedLabel', () => {
  it('gives the label of the language, Serbian Cyrillic made from the Serbian label', () => {
    const labels = { sq: 'Punësimi', sr: 'Zapošljavanje', en: 'Employment', rom: 'Buti' };
    expect(localizedLabel(labels, 'sr')).toBe('Zapošljavanje');
    expect(localizedLabel(labels, 'sr-Cyrl')).toBe('Запошљавање');
    expect(localizedLabel(labels, 'rom')).toBe('Buti');
    expect(localizedLabel(labels, 'en')).toBe('Employment');
  });
});

describe('TaxonomySnapshot', () => {
  const snapshot = new TaxonomySnapshot(seedEntries());

  it('knows the active codes of each kind and nothing across kinds', () => {
    expect(snapshot.isKnown('municipality', 'prizren')).toBe(true);
    expect(snapshot.isKnown('community', 'prizren')).toBe(false);
    expect(snapshot.isKnown('ground', 'nope')).toBe(false);
  });

  it('names a fact the earlier platform did not record in words, in every language', () => {
    const snapshot = new TaxonomySnapshot(seedEntries());
    expect(snapshot.label('reporter_role', 'not_recorded', 'en')).toBe('Not recorded');
    expect(snapshot.label('perpetrator_kind', 'not_recorded', 'sq')).toBe('E paregjistruar');
    expect(snapshot.label('perpetrator_kind', 'not_recorded', 'rom')).toBe('Na ramome');
    expect(snapshot.label('area', 'unknown_code', 'en')).toBe('unknown_code');
  });

  it('treats an inactive code as unknown for new cases but still labels it', () => {
    const entries = seedEntries().map((e) =>
      e.kind === 'area' && e.code === 'housing' ? { ...e, active: false } : e,
    );
    const withInactive = new TaxonomySnapshot(entries);
    expect(withInactive.isKnown('area', 'housing')).toBe(false);
    expect(withInactive.list('area', 'en').map((e) => e.code)).not.toContain('housing');
    expect(withInactive.label('area', 'housing', 'en')).toBe('Housing');
  });

  it('lists entries in their order with descriptions for grounds', () => {
    const grounds = snapshot.list('ground', 'en');
    expect(grounds.map((g) => g.code)).toEqual(TAXONOMY_SEED.ground.map((g) => g.code));
    expect(grounds[0].description).toContain('treated worse');
    expect(snapshot.list('community', 'sq')[0]).toEqual({ code: 'roma', label: 'Rom' });
  });

  it('lists municipalities alphabetically in the page language, in both Serbian scripts', () => {
    const labels = (locale: Parameters<TaxonomySnapshot['list']>[1]) =>
      snapshot.list('municipality', locale).map((m) => m.label);
    const sq = labels('sq');
    expect(sq).toEqual([...sq].sort(new Intl.Collator('sq').compare));
    const latin = labels('sr');
    // Serbian order: Đ after Dž after D, Š after S, Z before Ž.
    expect(latin.indexOf('Đakovica')).toBeGreaterThan(latin.indexOf('Dragaš'));
    expect(latin.indexOf('Štrpce')).toBeGreaterThan(latin.indexOf('Srbica'));
    expect(latin.indexOf('Štimlje')).toBeGreaterThan(latin.indexOf('Suva Reka'));
    expect(latin).toEqual([...latin].sort(new Intl.Collator('sr-Latn').compare));
    const cyrillic = labels('sr-Cyrl');
    expect(cyrillic).toContain('Ђаковица');
    expect(cyrillic).toContain('Штрпце');
    expect(cyrillic).toEqual([...cyrillic].sort(new Intl.Collator('sr-Cyrl').compare));
    // Cyrillic order differs from Latin: Ђ comes before Е, while Đ comes after Dž.
    expect(cyrillic.indexOf('Ђаковица')).toBeLessThan(cyrillic.indexOf('Звечан'));
    expect(snapshot.list('municipality', 'rom').map((m) => m.label)).toContain('Gjakovë');
  });
});
