import { TAXONOMY_SEED, TAXONOMY_KINDS } from './taxonomy.data';

type Kind = (typeof TAXONOMY_KINDS)[number];

const REQUIRED_CODES: Record<Kind, readonly string[]> = {
  community: ['roma', 'ashkali', 'egyptian', 'other'],
  area: [
    'education',
    'employment',
    'social_welfare',
    'health',
    'housing',
    'civil_registration',
    'public_services',
    'justice_and_police',
    'media_and_online',
    'goods_and_services',
    'other',
  ],
  ground: [
    'discrimination',
    'racism',
    'harassment',
    'hate_speech',
    'hate_crime',
    'bullying',
    'segregation',
    'other',
  ],
  reporter_role: ['victim', 'witness', 'on_behalf_of_victim', 'organisation'],
  perpetrator_kind: [
    'public_institution',
    'municipality',
    'school',
    'health_facility',
    'police',
    'employer',
    'private_person',
    'business',
    'media_or_online',
    'other',
  ],
  gender: ['female', 'male', 'other', 'prefer_not_to_say'],
  age_group: ['under_18', '18_29', '30_44', '45_64', '65_plus', 'prefer_not_to_say'],
  municipality: [
    'decan',
    'dragash',
    'ferizaj',
    'fushe_kosove',
    'gjakove',
    'gjilan',
    'drenas',
    'gracanice',
    'hani_i_elezit',
    'istog',
    'junik',
    'kacanik',
    'kamenice',
    'kline',
    'kllokot',
    'leposaviq',
    'lipjan',
    'malisheve',
    'mamushe',
    'mitrovice_e_jugut',
    'mitrovice_e_veriut',
    'novoberde',
    'obiliq',
    'partesh',
    'peje',
    'podujeve',
    'prishtine',
    'prizren',
    'rahovec',
    'ranillug',
    'shterpce',
    'shtime',
    'skenderaj',
    'suhareke',
    'viti',
    'vushtrri',
    'zubin_potok',
    'zvecan',
  ],
  institution: [
    'ombudsperson',
    'kosovo_police',
    'state_prosecutor',
    'courts',
    'ministry_education',
    'ministry_health',
    'ministry_finance_labour_transfers',
    'ministry_environment_spatial_planning',
    'employment_agency',
    'labour_inspectorate',
    'free_legal_aid_agency',
    'agency_gender_equality',
    'independent_media_commission',
    'municipality',
    'other',
  ],
  closure_reason: ['withdrawn', 'duplicate', 'outside_mandate', 'insufficient_information'],
};

const REQUIRED_LOCALES = ['sq', 'sr', 'en'] as const;

function expectGoodText(value: unknown, where: string): void {
  expect({ where, type: typeof value }).toEqual({ where, type: 'string' });
  const text = value as string;
  expect({ where, trimmed: text.trim() === text, nonEmpty: text.length > 0 }).toEqual({
    where,
    trimmed: true,
    nonEmpty: true,
  });
}

describe('TAXONOMY_SEED', () => {
  it('has an entry for every kind and no unknown kinds', () => {
    expect(Object.keys(TAXONOMY_SEED).sort()).toEqual([...TAXONOMY_KINDS].sort());
    for (const kind of TAXONOMY_KINDS) {
      expect(Array.isArray(TAXONOMY_SEED[kind])).toBe(true);
      expect(TAXONOMY_SEED[kind].length).toBeGreaterThan(0);
    }
  });

  describe.each(TAXONOMY_KINDS.map((kind) => [kind]))('%s', (kind: Kind) => {
    const items = TAXONOMY_SEED[kind];

    it('has unique snake_case ASCII codes', () => {
      const codes = items.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        expect(code).toMatch(/^[a-z0-9_]+$/);
      }
    });

    it('has non-empty, trimmed sq/sr/en labels (and rom when present)', () => {
      for (const item of items) {
        for (const locale of REQUIRED_LOCALES) {
          expectGoodText(item.labels[locale], `${kind}.${item.code}.labels.${locale}`);
        }
        if (item.labels.rom !== undefined) {
          expectGoodText(item.labels.rom, `${kind}.${item.code}.labels.rom`);
        }
      }
    });

    it('writes Serbian in Latin script (no Cyrillic)', () => {
      for (const item of items) {
        expect(item.labels.sr).not.toMatch(/[\u0400-\u04FF]/);
        if (item.description) {
          expect(item.description.sr).not.toMatch(/[\u0400-\u04FF]/);
        }
      }
    });

    it('contains all required codes', () => {
      const codes = new Set(items.map((item) => item.code));
      const missing = REQUIRED_CODES[kind].filter((code) => !codes.has(code));
      expect(missing).toEqual([]);
    });
  });

  it('has exactly 38 municipalities', () => {
    expect(TAXONOMY_SEED.municipality).toHaveLength(38);
    expect(REQUIRED_CODES.municipality).toHaveLength(38);
  });

  it('uses the Albanian name as en and rom label for municipalities', () => {
    for (const item of TAXONOMY_SEED.municipality) {
      expect(item.labels.en).toBe(item.labels.sq);
      expect(item.labels.rom).toBe(item.labels.sq);
    }
  });

  it('gives every ground a description in sq, sr and en', () => {
    for (const item of TAXONOMY_SEED.ground) {
      expect(item.description).toBeDefined();
      for (const locale of REQUIRED_LOCALES) {
        expectGoodText(item.description?.[locale], `ground.${item.code}.description.${locale}`);
      }
      if (item.description?.rom !== undefined) {
        expectGoodText(item.description.rom, `ground.${item.code}.description.rom`);
      }
    }
  });
});
