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
 * - `rom` (Romani, Kosovo Arli-style Latin orthography) is only given where it
 *   could be written with confidence. Where it is missing the platform falls
 *   back to Albanian (`sq`) and lists the string for native speakers to
 *   translate. Prefer omission over poor Romani.
 */

import { INSTITUTION, MUNICIPALITY } from './places.data';

export const TAXONOMY_LOCALES = ['sq', 'sr', 'en', 'rom'] as const;
export type TaxonomyLocale = (typeof TAXONOMY_LOCALES)[number];

/** Labels: sq, sr and en are required; rom only where it can be written well (falls back to sq). */
export interface TaxonomyLabels {
  sq: string;
  sr: string;
  en: string;
  rom?: string;
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
  { code: 'ashkali', labels: { sq: 'Ashkali', sr: 'Aškalije', en: 'Ashkali' } },
  { code: 'egyptian', labels: { sq: 'Egjiptian', sr: 'Egipćani', en: 'Egyptian' } },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];

const AREA: readonly TaxonomySeedItem[] = [
  {
    code: 'education',
    labels: { sq: 'Arsimi', sr: 'Obrazovanje', en: 'Education', rom: 'Sikljovipe' },
  },
  { code: 'employment', labels: { sq: 'Punësimi', sr: 'Zapošljavanje', en: 'Employment' } },
  {
    code: 'social_welfare',
    labels: { sq: 'Mirëqenia sociale', sr: 'Socijalna zaštita', en: 'Social welfare' },
  },
  { code: 'health', labels: { sq: 'Shëndetësia', sr: 'Zdravstvo', en: 'Health', rom: 'Sastipe' } },
  { code: 'housing', labels: { sq: 'Strehimi', sr: 'Stanovanje', en: 'Housing' } },
  {
    code: 'civil_registration',
    labels: {
      sq: 'Regjistrimi civil dhe dokumentet',
      sr: 'Civilna registracija i dokumenta',
      en: 'Civil registration and documents',
    },
  },
  {
    code: 'public_services',
    labels: { sq: 'Shërbimet publike', sr: 'Javne usluge', en: 'Public services' },
  },
  {
    code: 'justice_and_police',
    labels: { sq: 'Drejtësia dhe policia', sr: 'Pravosuđe i policija', en: 'Justice and police' },
  },
  {
    code: 'media_and_online',
    labels: { sq: 'Media dhe interneti', sr: 'Mediji i internet', en: 'Media and online' },
  },
  {
    code: 'goods_and_services',
    labels: { sq: 'Mallrat dhe shërbimet', sr: 'Roba i usluge', en: 'Goods and services' },
  },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];

const GROUND: readonly TaxonomySeedItem[] = [
  {
    code: 'discrimination',
    labels: { sq: 'Diskriminim', sr: 'Diskriminacija', en: 'Discrimination' },
    description: {
      sq: 'Kur ju trajtojnë më keq se njerëzit e tjerë për shkak të asaj që jeni, për shembull sepse jeni pjesë e komunitetit rom, ashkali ose egjiptian.',
      sr: 'Kada se prema vama ponašaju lošije nego prema drugim ljudima zbog toga ko ste, na primer zato što ste deo romske, aškalijske ili egipćanske zajednice.',
      en: 'Being treated worse than other people because of who you are, for example because you are Roma, Ashkali or Egyptian.',
    },
  },
  {
    code: 'racism',
    labels: { sq: 'Racizëm', sr: 'Rasizam', en: 'Racism' },
    description: {
      sq: 'Kur ju trajtojnë keq ose ju përbuzin për shkak të ngjyrës së lëkurës, prejardhjes ose popullit tuaj.',
      sr: 'Kada se prema vama loše ponašaju ili vas omalovažavaju zbog boje kože, porekla ili naroda kome pripadate.',
      en: 'Being treated badly or looked down on because of your skin colour, your origin or your people.',
    },
  },
  {
    code: 'harassment',
    labels: { sq: 'Ngacmim', sr: 'Uznemiravanje', en: 'Harassment' },
    description: {
      sq: 'Kur dikush thotë ose bën gjëra që ju lëndojnë, ju frikësojnë ose ju turpërojnë për shkak të asaj që jeni.',
      sr: 'Kada vam neko govori ili radi stvari koje vas povređuju, plaše ili sramote zbog toga ko ste.',
      en: 'Someone says or does things that hurt, scare or shame you because of who you are.',
    },
  },
  {
    code: 'hate_speech',
    labels: { sq: 'Gjuhë e urrejtjes', sr: 'Govor mržnje', en: 'Hate speech' },
    description: {
      sq: 'Fjalë, fotografi ose postime që fyejnë një grup të tërë njerëzish ose nxisin urrejtje kundër tyre, për shembull në internet.',
      sr: 'Reči, slike ili objave koje vređaju celu grupu ljudi ili podstiču mržnju prema njima, na primer na internetu.',
      en: 'Words, pictures or posts that insult a whole group of people or stir up hate against them, for example on the internet.',
    },
  },
  {
    code: 'hate_crime',
    labels: { sq: 'Krim i urrejtjes', sr: 'Zločin iz mržnje', en: 'Hate crime' },
    description: {
      sq: 'Një krim, si sulm, kërcënim ose dëmtim i shtëpisë a i sendeve tuaja, që ju bëhet për shkak të asaj që jeni.',
      sr: 'Krivično delo, kao napad, pretnja ili oštećenje vaše kuće ili stvari, koje vam neko učini zbog toga ko ste.',
      en: 'A crime, such as an attack, a threat or damage to your home or things, done to you because of who you are.',
    },
  },
  {
    code: 'bullying',
    labels: { sq: 'Bullizëm', sr: 'Maltretiranje (buling)', en: 'Bullying' },
    description: {
      sq: 'Kur ju lëndojnë, ju tallin ose ju lënë jashtë vazhdimisht, për shembull në shkollë, në punë ose në internet.',
      sr: 'Kada vas stalno povređuju, ismevaju ili izostavljaju, na primer u školi, na poslu ili na internetu.',
      en: 'Being hurt, teased or left out again and again, for example at school, at work or online.',
    },
  },
  {
    code: 'segregation',
    labels: { sq: 'Segregim', sr: 'Segregacija', en: 'Segregation' },
    description: {
      sq: 'Kur ju mbajnë të ndarë nga të tjerët, për shembull në një klasë ose shkollë të veçantë, për shkak të asaj që jeni.',
      sr: 'Kada vas drže odvojeno od drugih, na primer u posebnom odeljenju ili školi, zbog toga ko ste.',
      en: 'Being kept apart from others, for example in a separate class or school, because of who you are.',
    },
  },
  {
    code: 'other',
    labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' },
    description: {
      sq: 'Diçka tjetër që ishte e padrejtë ose ju lëndoi për shkak të asaj që jeni.',
      sr: 'Nešto drugo što je bilo nepravedno ili vas je povredilo zbog toga ko ste.',
      en: 'Something else that was unfair or hurt you because of who you are.',
    },
  },
];

const REPORTER_ROLE: readonly TaxonomySeedItem[] = [
  { code: 'victim', labels: { sq: 'Viktimë', sr: 'Žrtva', en: 'Victim' } },
  { code: 'witness', labels: { sq: 'Dëshmitar', sr: 'Svedok', en: 'Witness' } },
  {
    code: 'on_behalf_of_victim',
    labels: { sq: 'Në emër të viktimës', sr: 'U ime žrtve', en: 'On behalf of the victim' },
  },
  { code: 'organisation', labels: { sq: 'Organizatë', sr: 'Organizacija', en: 'Organisation' } },
];

const PERPETRATOR_KIND: readonly TaxonomySeedItem[] = [
  {
    code: 'public_institution',
    labels: { sq: 'Institucion publik', sr: 'Javna institucija', en: 'Public institution' },
  },
  { code: 'municipality', labels: { sq: 'Komunë', sr: 'Opština', en: 'Municipality' } },
  { code: 'school', labels: { sq: 'Shkollë', sr: 'Škola', en: 'School' } },
  {
    code: 'health_facility',
    labels: { sq: 'Institucion shëndetësor', sr: 'Zdravstvena ustanova', en: 'Health facility' },
  },
  { code: 'police', labels: { sq: 'Policia', sr: 'Policija', en: 'Police' } },
  { code: 'employer', labels: { sq: 'Punëdhënës', sr: 'Poslodavac', en: 'Employer' } },
  {
    code: 'private_person',
    labels: { sq: 'Person privat', sr: 'Privatno lice', en: 'Private person' },
  },
  { code: 'business', labels: { sq: 'Biznes', sr: 'Preduzeće ili radnja', en: 'Business' } },
  {
    code: 'media_or_online',
    labels: { sq: 'Media ose internet', sr: 'Mediji ili internet', en: 'Media or online' },
  },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];

const GENDER: readonly TaxonomySeedItem[] = [
  { code: 'female', labels: { sq: 'Femër', sr: 'Ženski', en: 'Female' } },
  { code: 'male', labels: { sq: 'Mashkull', sr: 'Muški', en: 'Male' } },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
  {
    code: 'prefer_not_to_say',
    labels: { sq: 'Nuk dëshiroj ta them', sr: 'Ne želim da kažem', en: 'Prefer not to say' },
  },
];

const AGE_GROUP: readonly TaxonomySeedItem[] = [
  { code: 'under_18', labels: { sq: 'Nën 18 vjeç', sr: 'Mlađi od 18 godina', en: 'Under 18' } },
  { code: '18_29', labels: { sq: '18–29 vjeç', sr: '18–29 godina', en: '18–29' } },
  { code: '30_44', labels: { sq: '30–44 vjeç', sr: '30–44 godina', en: '30–44' } },
  { code: '45_64', labels: { sq: '45–64 vjeç', sr: '45–64 godina', en: '45–64' } },
  {
    code: '65_plus',
    labels: { sq: '65 vjeç e më shumë', sr: '65 godina i više', en: '65 and over' },
  },
  {
    code: 'prefer_not_to_say',
    labels: { sq: 'Nuk dëshiroj ta them', sr: 'Ne želim da kažem', en: 'Prefer not to say' },
  },
];

const CLOSURE_REASON: readonly TaxonomySeedItem[] = [
  {
    code: 'withdrawn',
    labels: { sq: 'Raporti u tërhoq', sr: 'Prijava je povučena', en: 'Report withdrawn' },
  },
  {
    code: 'duplicate',
    labels: { sq: 'Raport i dyfishtë', sr: 'Dvostruka prijava', en: 'Duplicate report' },
  },
  {
    code: 'outside_mandate',
    labels: { sq: 'Jashtë mandatit', sr: 'Van mandata', en: 'Outside mandate' },
  },
  {
    code: 'insufficient_information',
    labels: {
      sq: 'Informacion i pamjaftueshëm',
      sr: 'Nedovoljno informacija',
      en: 'Insufficient information',
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
