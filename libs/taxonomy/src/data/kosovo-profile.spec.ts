import { loadCountryProfile, profileTaxonomyRows } from '@app/core';
import { TAXONOMY_SEED } from './taxonomy.data';

/**
 * Kosovo's country profile (config/countries/kosovo.json) gives exactly the reference data the
 * migrations seed (TAXONOMY_SEED, which a test compares with them): applying it at start-up
 * changes nothing in a Kosovo database.
 */
describe('Kosovo country profile and the taxonomy seed', () => {
  const rows = profileTaxonomyRows(loadCountryProfile('kosovo'));

  it.each(['community', 'municipality', 'institution'] as const)(
    'gives every %s of the seed, in its order, with its labels in the four languages',
    (kind) => {
      expect(
        rows
          .filter((r) => r.kind === kind)
          .map((r) => ({ code: r.code, labels: r.labels, sortOrder: r.sortOrder })),
      ).toEqual(
        TAXONOMY_SEED[kind].map((s, index) => ({
          code: s.code,
          labels: s.labels,
          sortOrder: index + 1,
        })),
      );
    },
  );

  it('writes the Romani labels of the seed (migration 1797400000000), no Albanian stand-in', () => {
    const rom = (kind: string, code: string) =>
      rows.find((r) => r.kind === kind && r.code === code)?.labels.rom;
    expect(rom('community', 'ashkali')).toBe('Aškali');
    expect(rom('institution', 'kosovo_police')).toBe('Policija e Kosovosko');
  });
});

describe('Albania country profile as reference data', () => {
  const rows = profileTaxonomyRows(loadCountryProfile('albania'));

  it('gives the 61 municipalities, numbered in the profile order', () => {
    const municipalities = rows.filter((r) => r.kind === 'municipality');
    expect(municipalities).toHaveLength(61);
    expect(municipalities.map((m) => m.sortOrder)).toEqual(
      Array.from({ length: 61 }, (_, i) => i + 1),
    );
    expect(municipalities.find((m) => m.code === 'tirane')?.labels).toEqual({
      sq: 'Tiranë',
      sr: 'Tiranë',
      en: 'Tiranë',
      rom: 'Tiranë',
    });
  });

  it('names in every language it offers, and a language it does not offer (Serbian) in the default one', () => {
    const commissioner = rows.find((r) => r.code === 'commissioner_protection_discrimination');
    expect(commissioner?.labels).toEqual({
      sq: 'Komisioneri për Mbrojtjen nga Diskriminimi',
      sr: 'Komisioneri për Mbrojtjen nga Diskriminimi',
      en: 'Commissioner for Protection from Discrimination',
      rom: 'Komesari baši arakhipe katar i diskriminacija',
    });
  });
});
