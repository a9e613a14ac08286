import { DEFAULT_LOCALE, LOCALES, Locale } from './locale';
import { toSerbianCyrillic } from './serbian-cyrillic';

/**
 * Who reads a catalogue's messages. `public` (the public pages, the report form, the follow-up
 * and the institutions' referral pages, the errors they show) and `email` must be complete in
 * every offered language, Romani and Serbian Cyrillic included; `staff` pages may still lack
 * Romani (they then show Albanian).
 */
export const MESSAGE_AREAS = ['public', 'email', 'staff'] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

/** The languages a catalogue is written in; Serbian Cyrillic is made from `sr`. */
export type WrittenLocale = Exclude<Locale, 'sr-Cyrl'>;

/**
 * Messages of one lib: Albanian is the reference; sr and en must be complete, rom may be partial
 * only in the staff area. `sr-Cyrl` holds the rare Cyrillic text that transliteration of `sr`
 * would get wrong.
 */
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

/**
 * Defines a lib's messages with the keys of the Albanian catalogue as the contract:
 * a missing Serbian or English string is a compile error; a missing Romani one in a public or
 * e-mail catalogue fails the coverage test (scripts/i18n-coverage.spec.ts).
 */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, new Map()])) as Record<
  Locale,
  Map<string, string>
>;

const areas = new Map<string, MessageArea>();

const STRICTER: Record<MessageArea, number> = { staff: 0, email: 1, public: 2 };

/** Adds a lib's messages to the process-wide catalogue (done once, when the lib loads). */
export function registerMessages(messages: Messages): void {
  const area = messages.area ?? 'staff';
  for (const key of Object.keys(messages.sq)) {
    const known = areas.get(key);
    if (!known || STRICTER[area] > STRICTER[known]) areas.set(key, area);
  }
  for (const locale of ['sq', 'sr', 'en', 'rom'] as const) {
    for (const [key, text] of Object.entries(messages[locale] as Record<string, string>)) {
      catalogs[locale].set(key, text);
    }
  }
  const cyrillic = messages['sr-Cyrl'] ?? {};
  for (const [key, text] of Object.entries(messages.sr as Record<string, string>)) {
    catalogs['sr-Cyrl'].set(key, cyrillic[key] ?? toSerbianCyrillic(text));
  }
}

function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

/** Thrown under test when a public or e-mail message has no text in the asked language. */
export class MissingTranslationError extends Error {
  constructor(locale: Locale, key: string) {
    super(`The ${messageArea(key)} message ${key} has no ${locale} text`);
    this.name = 'MissingTranslationError';
  }
}

/**
 * Translates a key. A staff message without Romani falls back to Albanian. A public or e-mail
 * message must exist in every language: under test (NODE_ENV=test) a gap throws, so that a
 * Romani page never silently shows Albanian; in production the coverage test has already
 * refused such a gap, and Albanian is the last resort. An unknown key shows as itself.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  let text = catalogs[locale].get(key);
  if (text === undefined) {
    const reference = catalogs[DEFAULT_LOCALE].get(key);
    if (reference !== undefined && messageArea(key) !== 'staff' && strictTranslations()) {
      throw new MissingTranslationError(locale, key);
    }
    text = reference;
  }
  return interpolate(text ?? key, params);
}

function strictTranslations(): boolean {
  return process.env.NODE_ENV === 'test';
}

export function hasMessage(key: string): boolean {
  return catalogs[DEFAULT_LOCALE].has(key);
}

/** Who reads a message (`staff` for an unknown key). */
export function messageArea(key: string): MessageArea {
  return areas.get(key) ?? 'staff';
}

/** Every registered key, in order, with who reads it. */
export function registeredMessages(): Array<{ key: string; area: MessageArea }> {
  return [...catalogs[DEFAULT_LOCALE].keys()]
    .sort()
    .map((key) => ({ key, area: messageArea(key) }));
}

/** The text of a message in a language, without any fallback (undefined when not written). */
export function writtenMessage(locale: Locale, key: string): string | undefined {
  return catalogs[locale].get(key);
}

/** Keys that have an Albanian text but none in `locale`, for native speakers to complete. */
export function missingTranslations(locale: Locale, area?: MessageArea): string[] {
  return [...catalogs[DEFAULT_LOCALE].keys()]
    .filter((key) => !catalogs[locale].has(key))
    .filter((key) => area === undefined || messageArea(key) === area)
    .sort();
}

export type Translator = (key: string, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
