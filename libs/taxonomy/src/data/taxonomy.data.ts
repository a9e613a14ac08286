/**
 * Seed data for all controlled vocabularies (taxonomies) of the platform.
 *
 * Plain data only: no runtime dependencies (municipalities and institutions are in
 * `places.data.ts`).
 *
 * Rules:
 * - `code` is stable snake_case ASCII and is never translated or renamed.
 * - `sq`, `sr` and `en` labels are required. Serbian (`sr`) is written in
 *   Latin script (č ć š ž đ), as in Kosovo's official Serbian-language texts.
 * - `rom` (Romani, in the Latin orthography of Kosovo's Romani schooling) is required too:
 *   a Romani page never shows an Albanian label. Drafts stay flagged for a native speaker's
 *   review in i18n/review/rom.json.
 * - Serbian Cyrillic (`sr-Cyrl`) is not stored: it is transliterated from `sr`.
 */

import { INSTITUTION, MUNICIPALITY } from './places.data';

export const TAXONOMY_LOCALES = ['sq', 'sr', 'en', 'rom'] as const;
export type TaxonomyLocale = (typeof TAXONOMY_LOCALES)[number];

/** Labels in the four written languages (Serbian Cyrillic is made from `sr`). */
export interface TaxonomyLabels {
  sq: string;
  sr: string;
  en: string;
  rom: string;
}

export interface TaxonomySeedItem {
  code: string;
  labels: TaxonomyLabels;
  /** extra, only for some kinds */
  description?: TaxonomyLabels;
}

export const TAXONOMY_KINDS = [
  'community',
  'area',
  'ground',
  'reporter_role',
  'perpetrator_kind',
  'gender',
  'age_group',
  'municipality',
  'institution',
  'closure_reason',
] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

const COMMUNITY: readonly TaxonomySeedItem[] = [
  { code: 'roma', labels: { sq: 'Rom', sr: 'Romi', en: 'Roma', rom: 'Rom' } },
  { code: 'ashkali', labels: { sq: 'Ashkali', sr: 'Aškalije', en: 'Ashkali', rom: 'Aškali' } },
  {
    code: 'egyptian',
    labels: { sq: 'Egjiptian', sr: 'Egipćani', en: 'Egyptian', rom: 'Egipćani' },
  },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];

const AREA: readonly TaxonomySeedItem[] = [
  {
    code: 'education',
    labels: { sq: 'Arsimi', sr: 'Obrazovanje', en: 'Education', rom: 'Sikljovipe' },
  },
  {
    code: 'employment',
    labels: { sq: 'Punësimi', sr: 'Zapošljavanje', en: 'Employment', rom: 'Buti' },
  },
  {
    code: 'social_welfare',
    labels: {
      sq: 'Mirëqenia sociale',
      sr: 'Socijalna zaštita',
      en: 'Social welfare',
      rom: 'Socijalno arakhipe',
    },
  },
  { code: 'health', labels: { sq: 'Shëndetësia', sr: 'Zdravstvo', en: 'Health', rom: 'Sastipe' } },
  {
    code: 'housing',
    labels: { sq: 'Strehimi', sr: 'Stanovanje', en: 'Housing', rom: 'Beše thaj kher' },
  },
  {
    code: 'civil_registration',
    labels: {
      sq: 'Regjistrimi civil dhe dokumentet',
      sr: 'Civilna registracija i dokumenta',
      en: 'Civil registration and documents',
      rom: 'Civilno registracija thaj dokumentura',
    },
  },
  {
    code: 'public_services',
    labels: {
      sq: 'Shërbimet publike',
      sr: 'Javne usluge',
      en: 'Public services',
      rom: 'Javna servisura',
    },
  },
  {
    code: 'justice_and_police',
    labels: {
      sq: 'Drejtësia dhe policia',
      sr: 'Pravosuđe i policija',
      en: 'Justice and police',
      rom: 'Pravosudstvo thaj policija',
    },
  },
  {
    code: 'media_and_online',
    labels: {
      sq: 'Media dhe interneti',
      sr: 'Mediji i internet',
      en: 'Media and online',
      rom: 'Medije thaj interneti',
    },
  },
  {
    code: 'goods_and_services',
    labels: {
      sq: 'Mallrat dhe shërbimet',
      sr: 'Roba i usluge',
      en: 'Goods and services',
      rom: 'Stvarura thaj servisura',
    },
  },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];

const GROUND: readonly TaxonomySeedItem[] = [
  {
    code: 'discrimination',
    labels: {
      sq: 'Diskriminim',
      sr: 'Diskriminacija',
      en: 'Discrimination',
      rom: 'Diskriminacija',
    },
    description: {
      sq: 'Kur ju trajtojnë më keq se njerëzit e tjerë për shkak të asaj që jeni, për shembull sepse jeni pjesë e komunitetit rom, ashkali ose egjiptian.',
      sr: 'Kada se prema vama ponašaju lošije nego prema drugim ljudima zbog toga ko ste, na primer zato što ste deo romske, aškalijske ili egipćanske zajednice.',
      en: 'Being treated worse than other people because of who you are, for example because you are Roma, Ashkali or Egyptian.',
      rom: 'Kana keren tuće maj bilačhe sar avere manušenđe adalese ko san, sar primero adalese kaj san katar o romano, aškalijengo vaj egipćanengo komuniteti.',
    },
  },
  {
    code: 'racism',
    labels: { sq: 'Racizëm', sr: 'Rasizam', en: 'Racism', rom: 'Rasizmo' },
    description: {
      sq: 'Kur ju trajtojnë keq ose ju përbuzin për shkak të ngjyrës së lëkurës, prejardhjes ose popullit tuaj.',
      sr: 'Kada se prema vama loše ponašaju ili vas omalovažavaju zbog boje kože, porekla ili naroda kome pripadate.',
      en: 'Being treated badly or looked down on because of your skin colour, your origin or your people.',
      rom: 'Kana keren tuće bilačhe vaj dikhen tut tele adalese so si tiri morkhi, tiro poreklo vaj tiro narodo.',
    },
  },
  {
    code: 'harassment',
    labels: {
      sq: 'Ngacmim',
      sr: 'Uznemiravanje',
      en: 'Harassment',
      rom: 'Dukhavipe thaj zorisaripe',
    },
    description: {
      sq: 'Kur dikush thotë ose bën gjëra që ju lëndojnë, ju frikësojnë ose ju turpërojnë për shkak të asaj që jeni.',
      sr: 'Kada vam neko govori ili radi stvari koje vas povređuju, plaše ili sramote zbog toga ko ste.',
      en: 'Someone says or does things that hurt, scare or shame you because of who you are.',
      rom: 'Kana varekon phenel vaj kerel buća kaj dukhaven tut, daravaven tut vaj ladžaven tut adalese ko san.',
    },
  },
  {
    code: 'hate_speech',
    labels: {
      sq: 'Gjuhë e urrejtjes',
      sr: 'Govor mržnje',
      en: 'Hate speech',
      rom: 'Vakeripe e mrzostjako',
    },
    description: {
      sq: 'Fjalë, fotografi ose postime që fyejnë një grup të tërë njerëzish ose nxisin urrejtje kundër tyre, për shembull në internet.',
      sr: 'Reči, slike ili objave koje vređaju celu grupu ljudi ili podstiču mržnju prema njima, na primer na internetu.',
      en: 'Words, pictures or posts that insult a whole group of people or stir up hate against them, for example on the internet.',
      rom: 'Lava, fotografije vaj objave kaj prasan sasti grupa manušengi vaj vazden mrzost mamuj lende, sar primero ko interneti.',
    },
  },
  {
    code: 'hate_crime',
    labels: {
      sq: 'Krim i urrejtjes',
      sr: 'Zločin iz mržnje',
      en: 'Hate crime',
      rom: 'Krivično delo e mrzostjako',
    },
    description: {
      sq: 'Një krim, si sulm, kërcënim ose dëmtim i shtëpisë a i sendeve tuaja, që ju bëhet për shkak të asaj që jeni.',
      sr: 'Krivično delo, kao napad, pretnja ili oštećenje vaše kuće ili stvari, koje vam neko učini zbog toga ko ste.',
      en: 'A crime, such as an attack, a threat or damage to your home or things, done to you because of who you are.',
      rom: 'Jekh krivično delo, sar maripe, daravipe vaj phagavipe tire khereso vaj tire stvarengo, kaj kerdol tuće adalese ko san.',
    },
  },
  {
    code: 'bullying',
    labels: {
      sq: 'Bullizëm',
      sr: 'Maltretiranje (buling)',
      en: 'Bullying',
      rom: 'Maltretiripe (buling)',
    },
    description: {
      sq: 'Kur ju lëndojnë, ju tallin ose ju lënë jashtë vazhdimisht, për shembull në shkollë, në punë ose në internet.',
      sr: 'Kada vas stalno povređuju, ismevaju ili izostavljaju, na primer u školi, na poslu ili na internetu.',
      en: 'Being hurt, teased or left out again and again, for example at school, at work or online.',
      rom: 'Kana sa o vakti dukhaven tut, asan tutar vaj mukhen tut avri, sar primero ki škola, ki buti vaj ko interneti.',
    },
  },
  {
    code: 'segregation',
    labels: { sq: 'Segregim', sr: 'Segregacija', en: 'Segregation', rom: 'Segregacija' },
    description: {
      sq: 'Kur ju mbajnë të ndarë nga të tjerët, për shembull në një klasë ose shkollë të veçantë, për shkak të asaj që jeni.',
      sr: 'Kada vas drže odvojeno od drugih, na primer u posebnom odeljenju ili školi, zbog toga ko ste.',
      en: 'Being kept apart from others, for example in a separate class or school, because of who you are.',
      rom: 'Kana ićeren tut korkoro, dur avrendar, sar primero ande avri klasa vaj škola, adalese ko san.',
    },
  },
  {
    code: 'other',
    labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' },
    description: {
      sq: 'Diçka tjetër që ishte e padrejtë ose ju lëndoi për shkak të asaj që jeni.',
      sr: 'Nešto drugo što je bilo nepravedno ili vas je povredilo zbog toga ko ste.',
      en: 'Something else that was unfair or hurt you because of who you are.',
      rom: 'Vareso aver kaj na sasa čačo vaj dukhavda tut adalese ko san.',
    },
  },
];

const REPORTER_ROLE: readonly TaxonomySeedItem[] = [
  { code: 'victim', labels: { sq: 'Viktimë', sr: 'Žrtva', en: 'Victim', rom: 'Žrtva' } },
  { code: 'witness', labels: { sq: 'Dëshmitar', sr: 'Svedok', en: 'Witness', rom: 'Svedoko' } },
  {
    code: 'on_behalf_of_victim',
    labels: {
      sq: 'Në emër të viktimës',
      sr: 'U ime žrtve',
      en: 'On behalf of the victim',
      rom: 'Ko anav e žrtvako',
    },
  },
  {
    code: 'organisation',
    labels: { sq: 'Organizatë', sr: 'Organizacija', en: 'Organisation', rom: 'Organizacija' },
  },
];

const PERPETRATOR_KIND: readonly TaxonomySeedItem[] = [
  {
    code: 'public_institution',
    labels: {
      sq: 'Institucion publik',
      sr: 'Javna institucija',
      en: 'Public institution',
      rom: 'Javno institucija',
    },
  },
  {
    code: 'municipality',
    labels: { sq: 'Komunë', sr: 'Opština', en: 'Municipality', rom: 'Komuna' },
  },
  { code: 'school', labels: { sq: 'Shkollë', sr: 'Škola', en: 'School', rom: 'Škola' } },
  {
    code: 'health_facility',
    labels: {
      sq: 'Institucion shëndetësor',
      sr: 'Zdravstvena ustanova',
      en: 'Health facility',
      rom: 'Institucija e sastipasko',
    },
  },
  { code: 'police', labels: { sq: 'Policia', sr: 'Policija', en: 'Police', rom: 'Policija' } },
  {
    code: 'employer',
    labels: { sq: 'Punëdhënës', sr: 'Poslodavac', en: 'Employer', rom: 'Gazda ki buti' },
  },
  {
    code: 'private_person',
    labels: {
      sq: 'Person privat',
      sr: 'Privatno lice',
      en: 'Private person',
      rom: 'Privatno manuš',
    },
  },
  {
    code: 'business',
    labels: { sq: 'Biznes', sr: 'Preduzeće ili radnja', en: 'Business', rom: 'Biznisi' },
  },
  {
    code: 'media_or_online',
    labels: {
      sq: 'Media ose internet',
      sr: 'Mediji ili internet',
      en: 'Media or online',
      rom: 'Medije vaj interneti',
    },
  },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];

const GENDER: readonly TaxonomySeedItem[] = [
  { code: 'female', labels: { sq: 'Femër', sr: 'Ženski', en: 'Female', rom: 'Džuvli' } },
  { code: 'male', labels: { sq: 'Mashkull', sr: 'Muški', en: 'Male', rom: 'Murš' } },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
  {
    code: 'prefer_not_to_say',
    labels: {
      sq: 'Nuk dëshiroj ta them',
      sr: 'Ne želim da kažem',
      en: 'Prefer not to say',
      rom: 'Na kamav te phenav',
    },
  },
];

const AGE_GROUP: readonly TaxonomySeedItem[] = [
  {
    code: 'under_18',
    labels: { sq: 'Nën 18 vjeç', sr: 'Mlađi od 18 godina', en: 'Under 18', rom: 'Tele 18 berša' },
  },
  {
    code: '18_29',
    labels: { sq: '18–29 vjeç', sr: '18–29 godina', en: '18–29', rom: '18–29 berša' },
  },
  {
    code: '30_44',
    labels: { sq: '30–44 vjeç', sr: '30–44 godina', en: '30–44', rom: '30–44 berša' },
  },
  {
    code: '45_64',
    labels: { sq: '45–64 vjeç', sr: '45–64 godina', en: '45–64', rom: '45–64 berša' },
  },
  {
    code: '65_plus',
    labels: {
      sq: '65 vjeç e më shumë',
      sr: '65 godina i više',
      en: '65 and over',
      rom: '65 berša thaj maj but',
    },
  },
  {
    code: 'prefer_not_to_say',
    labels: {
      sq: 'Nuk dëshiroj ta them',
      sr: 'Ne želim da kažem',
      en: 'Prefer not to say',
      rom: 'Na kamav te phenav',
    },
  },
];

const CLOSURE_REASON: readonly TaxonomySeedItem[] = [
  {
    code: 'withdrawn',
    labels: {
      sq: 'Raporti u tërhoq',
      sr: 'Prijava je povučena',
      en: 'Report withdrawn',
      rom: 'O raporti lilo palpale',
    },
  },
  {
    code: 'duplicate',
    labels: {
      sq: 'Raport i dyfishtë',
      sr: 'Dvostruka prijava',
      en: 'Duplicate report',
      rom: 'O raporti sasa duj drom',
    },
  },
  {
    code: 'outside_mandate',
    labels: {
      sq: 'Jashtë mandatit',
      sr: 'Van mandata',
      en: 'Outside mandate',
      rom: 'Avri katar o mandati',
    },
  },
  {
    code: 'insufficient_information',
    labels: {
      sq: 'Informacion i pamjaftueshëm',
      sr: 'Nedovoljno informacija',
      en: 'Insufficient information',
      rom: 'Nane dosta informacije',
    },
  },
];

export const TAXONOMY_SEED: Record<TaxonomyKind, readonly TaxonomySeedItem[]> = {
  community: COMMUNITY,
  area: AREA,
  ground: GROUND,
  reporter_role: REPORTER_ROLE,
  perpetrator_kind: PERPETRATOR_KIND,
  gender: GENDER,
  age_group: AGE_GROUP,
  municipality: MUNICIPALITY,
  institution: INSTITUTION,
  closure_reason: CLOSURE_REASON,
};
