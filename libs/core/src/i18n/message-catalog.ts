import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { installationYear } from '../clock/clock';
import { installationProfile, installationReferencePrefix } from '../country/installation';
import { projectRoot } from '../views/project-root';
import { areaOfOrigin } from './catalogue-areas';
import { DEFAULT_LOCALE, LOCALES, Locale } from './locale';
import { readPoTexts } from './po-file';
import { nameIn, toSerbianCyrillic } from './serbian-cyrillic';

/**
 * Who reads a message. `public` (the public pages, the report form, the follow-up and the
 * institutions' referral pages, the errors they show, and the reference labels) and `email` must
 * be complete in every offered language, Romani and Serbian Cyrillic included; `staff` pages may
 * still lack Romani (they then show Albanian).
 */
export const MESSAGE_AREAS = ['public', 'email', 'staff'] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

/** The languages the catalogues are written in; Serbian Cyrillic is made from `sr`. */
export type WrittenLocale = Exclude<Locale, 'sr-Cyrl'>;
export const WRITTEN_LOCALES: readonly WrittenLocale[] = ['sq', 'sr', 'en', 'rom'];

/** Messages given in code (tests and tools); the product's words are the catalogue files. */
export interface Messages<K extends string = string> {
  sq: Record<K, string>;
  sr: Record<K, string>;
  en: Record<K, string>;
  rom: Partial<Record<K, string>>;
  'sr-Cyrl'?: Partial<Record<K, string>>;
  /** Who reads these messages (`staff` when not said). */
  area?: MessageArea;
}

export type MessageParams = Record<string, string | number>;

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

/**
 * The folder of the catalogues: one PO file per written locale (`i18n/sq.po`, `i18n/rom.po`…)
 * and `i18n/sr-Cyrl.po` with only the Cyrillic texts that transliteration of `sr` gets wrong.
 */
export function catalogueDir(): string {
  return join(projectRoot(), 'i18n');
}

export function catalogueFile(locale: Locale): string {
  return join(catalogueDir(), `${locale}.po`);
}

type Catalogs = Record<Locale, Map<string, string>>;
let catalogs: Catalogs | undefined;
const areas = new Map<string, MessageArea>();

interface Compiled {
  message: IntlMessageFormat;
  /** Arguments the message formats itself (plural, number…): they keep their number type. */
  typed: Set<string>;
}
const compiled = new Map<string, Compiled>();

function readCatalogue(locale: Locale) {
  const file = catalogueFile(locale);
  return existsSync(file) ? readPoTexts(readFileSync(file, 'utf8')) : [];
}

/**
 * The catalogues, read from the PO files on first use (a few milliseconds, once). An entry
 * without text (empty `msgstr`) is a gap, not a text.
 */
function loaded(): Catalogs {
  if (catalogs) return catalogs;
  const fresh = Object.fromEntries(LOCALES.map((l) => [l, new Map<string, string>()])) as Catalogs;
  for (const locale of WRITTEN_LOCALES) {
    for (const { key, text, origin } of readCatalogue(locale)) {
      if (locale === DEFAULT_LOCALE) {
        const area = areaOfOrigin(origin);
        areas.set(key, area === 'reference' ? 'public' : area);
      }
      if (text !== '') fresh[locale].set(key, text);
    }
  }
  const cyrillic = new Map(readCatalogue('sr-Cyrl').map((e) => [e.key, e.text]));
  for (const [key, text] of fresh.sr) {
    fresh['sr-Cyrl'].set(key, cyrillic.get(key) || toSerbianCyrillic(text));
  }
  catalogs = fresh;
  return fresh;
}

const STRICTER: Record<MessageArea, number> = { staff: 0, email: 1, public: 2 };

/** Adds messages given in code (tests and tools) to the catalogues read from the files. */
export function registerMessages(messages: Messages): void {
  const all = loaded();
  const area = messages.area ?? 'staff';
  for (const key of Object.keys(messages.sq)) {
    const known = areas.get(key);
    if (!known || STRICTER[area] > STRICTER[known]) areas.set(key, area);
  }
  for (const locale of WRITTEN_LOCALES) {
    for (const [key, text] of Object.entries(messages[locale] as Record<string, string>)) {
      all[locale].set(key, text);
      compiled.delete(`${locale}\u0000${key}`);
    }
  }
  const cyrillic = messages['sr-Cyrl'] ?? {};
  for (const [key, text] of Object.entries(messages.sr as Record<string, string>)) {
    all['sr-Cyrl'].set(key, cyrillic[key] ?? toSerbianCyrillic(text));
    compiled.delete(`sr-Cyrl\u0000${key}`);
  }
}

/** Intl's name for a locale (Romani has no CLDR plural rules: one/other, as in English). */
function intlLocale(locale: Locale): string {
  return locale === 'rom' ? 'en' : locale;
}

/**
 * Numbers stay as the code gives them (a year is "2026", not "2,026") unless the message asks
 * for a number format or a plural: `{count, plural, …}`, `{amount, number}`.
 */
function plainNumbers(typed: Set<string>, params?: MessageParams): MessageParams {
  if (!params) return {};
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'number' && !typed.has(name) ? String(value) : value;
  }
  return out;
}

function format(locale: Locale, key: string, text: string, params?: MessageParams): string {
  if (!text.includes('{')) return text;
  const id = `${locale}\u0000${key}`;
  try {
    let entry = compiled.get(id);
    if (!entry) {
      entry = {
        message: new IntlMessageFormat(text, intlLocale(locale), undefined, { ignoreTag: true }),
        typed: new Set([...text.matchAll(/\{\s*(\w+)\s*,/g)].map((m) => m[1])),
      };
      compiled.set(id, entry);
    }
    return String(entry.message.format(plainNumbers(entry.typed, params)));
  } catch {
    // A parameter the caller did not give (or a malformed text, which the catalogue test
    // refuses) stays visible as its placeholder, never a crash.
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      params?.[name] === undefined ? match : String(params[name]),
    );
  }
}

/** Thrown under test when a public or e-mail message has no text in the asked language. */
export class MissingTranslationError extends Error {
  constructor(locale: Locale, key: string) {
    super(`The ${messageArea(key)} message ${key} has no ${locale} text`);
    this.name = 'MissingTranslationError';
  }
}

/**
 * Translates a key with ICU MessageFormat (`{name}`, `{count, plural, one {…} other {…}}`). A
 * staff message without Romani falls back to Albanian. A public or e-mail message must exist in
 * every language: under test (NODE_ENV=test) a gap throws, so that a Romani page never silently
 * shows Albanian; in production the catalogue test has already refused such a gap, and Albanian
 * is the last resort. An unknown key shows as itself.
 */
/**
 * The installation's country as a message names it (`{country}`, given to every message): the
 * profile's name in that language, else in the profile's default language.
 */
export function countryName(locale: Locale): string {
  const profile = installationProfile();
  return nameIn(profile.country.names, locale, profile.languages.default);
}

/**
 * The office that runs the installation as a message names it (`{office}`: the site's owner,
 * the e-mail signature, the meeting minutes): the profile's first `contacts.office` in that
 * language (else its default language), or "the office that runs the platform" when the profile
 * names none.
 */
export function officeName(locale: Locale): string {
  const profile = installationProfile();
  const office = profile.contacts.office?.[0];
  if (!office) {
    const all = loaded();
    return all[locale].get(UNNAMED_OFFICE) ?? all[DEFAULT_LOCALE].get(UNNAMED_OFFICE) ?? '';
  }
  return nameIn(office.names, locale, profile.languages.default);
}

const UNNAMED_OFFICE = 'site.office.unnamed';

/**
 * The installation's own words that any message may name, for the site's pages and the e-mails
 * alike: `{country}`, `{office}`, and an example case reference with the installation's prefix
 * and this year (`{exampleReference}`, `PMD-2026-00042`; `{exampleReferenceYear}`, `PMD-2026`).
 * Only what `text` names is worked out.
 */
export function installationParams(locale: Locale, text: string): Record<string, string> {
  const params: Record<string, string> = { country: countryName(locale) };
  if (text.includes('{office}')) params.office = officeName(locale);
  if (text.includes('{exampleReference')) {
    const year = `${installationReferencePrefix()}-${installationYear(new Date())}`;
    params.exampleReferenceYear = year;
    params.exampleReference = `${year}-00042`;
  }
  return params;
}

export function translate(locale: Locale, key: string, given?: MessageParams): string {
  const all = loaded();
  const text = all[locale].get(key);
  const reference = text ?? all[DEFAULT_LOCALE].get(key);
  if (reference === undefined) return key;
  const params = { ...installationParams(locale, reference), ...given };
  if (text !== undefined) return format(locale, key, text, params);
  if (messageArea(key) !== 'staff' && process.env.NODE_ENV === 'test') {
    throw new MissingTranslationError(locale, key);
  }
  return format(DEFAULT_LOCALE, key, reference, params);
}

export function hasMessage(key: string): boolean {
  return loaded()[DEFAULT_LOCALE].has(key);
}

/** Who reads a message (`staff` for an unknown key). */
export function messageArea(key: string): MessageArea {
  loaded();
  return areas.get(key) ?? 'staff';
}

/** Every key, in order, with who reads it. */
export function registeredMessages(): Array<{ key: string; area: MessageArea }> {
  return [...loaded()[DEFAULT_LOCALE].keys()]
    .sort()
    .map((key) => ({ key, area: messageArea(key) }));
}

/** The text of a message in a language, without any fallback (undefined when not written). */
export function writtenMessage(locale: Locale, key: string): string | undefined {
  return loaded()[locale].get(key);
}

/** Keys that have an Albanian text but none in `locale`, for native speakers to complete. */
export function missingTranslations(locale: Locale, area?: MessageArea): string[] {
  const all = loaded();
  return [...all[DEFAULT_LOCALE].keys()]
    .filter((key) => !all[locale].has(key))
    .filter((key) => area === undefined || messageArea(key) === area)
    .sort();
}

export type Translator = (key: string, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
