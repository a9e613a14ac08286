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

describe('localizedLabel', () => {
  it('gives the label of the language and falls back from Romani to Albanian', () => {
    const labels = { sq: 'Arsimi', sr: 'Obrazovanje', en: 'Education' };
    expect(localizedLabel(labels, 'sr')).toBe('Obrazovanje');
    expect(localizedLabel(labels, 'rom')).toBe('Arsimi');
    expect(localizedLabel({ ...labels, rom: 'Sikljovipe' }, 'rom')).toBe('Sikljovipe');
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
});
