import { DEFAULT_LOCALE, Locale } from './locale';

/** Messages of one lib: Albanian is the reference; sr and en must be complete, rom may be partial. */
export interface Messages<K extends string = string> {
  sq: Record<K, string>;
  sr: Record<K, string>;
  en: Record<K, string>;
  rom: Partial<Record<K, string>>;
}

export type MessageParams = Record<string, string | number>;

/**
 * Defines a lib's messages with the keys of the Albanian catalogue as the contract:
 * a missing Serbian or English string is a compile error.
 */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

const catalogs: Record<Locale, Map<string, string>> = {
  sq: new Map(),
  sr: new Map(),
  en: new Map(),
  rom: new Map(),
};

/** Adds a lib's messages to the process-wide catalogue (done once, when the lib loads). */
export function registerMessages(messages: Messages): void {
  for (const locale of Object.keys(catalogs) as Locale[]) {
    for (const [key, text] of Object.entries(messages[locale] as Record<string, string>)) {
      catalogs[locale].set(key, text);
    }
  }
}

function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

/** Translates a key; Romani (or any gap) falls back to Albanian, then to the key itself. */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const text = catalogs[locale].get(key) ?? catalogs[DEFAULT_LOCALE].get(key);
  return interpolate(text ?? key, params);
}

export function hasMessage(key: string): boolean {
  return catalogs[DEFAULT_LOCALE].has(key);
}

/** Keys that have an Albanian text but no Romani one, for native speakers to complete. */
export function missingTranslations(locale: Locale): string[] {
  return [...catalogs[DEFAULT_LOCALE].keys()].filter((key) => !catalogs[locale].has(key)).sort();
}

export type Translator = (key: string, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
