import { loadCountryProfile } from '@app/core';
import { TAXONOMY_SEED } from './taxonomy.data';

/**
 * Kosovo's country profile (config/countries/kosovo.json) holds the reference data this lib
 * seeds today, so that moving the taxonomy onto the profile changes nothing for Kosovo.
 */
describe('Kosovo country profile and the taxonomy seed', () => {
  const profile = loadCountryProfile('kosovo');
  const codesAndNames = (list: readonly { code: string; sq: string }[]) =>
    list.map(({ code, sq }) => [code, sq]);

  it.each([
    ['municipality', profile.municipalities],
    ['community', profile.communities],
    ['institution', profile.institutions],
  ] as const)('has every %s of the seed, in order, with its Albanian name', (kind, entries) => {
    expect(codesAndNames(entries.map((e) => ({ code: e.code, sq: e.names.sq })))).toEqual(
      codesAndNames(TAXONOMY_SEED[kind].map((s) => ({ code: s.code, sq: s.labels.sq }))),
    );
  });

  it('has the Serbian names of the municipalities', () => {
    expect(profile.municipalities.map((m) => m.names.sr)).toEqual(
      TAXONOMY_SEED.municipality.map((s) => s.labels.sr),
    );
  });
});
