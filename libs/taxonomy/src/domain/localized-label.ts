import {
  type Locale,
  installationProfile,
  nameIn,
  onInstallationProfileChange,
  toSerbianCyrillic,
  writtenMessage,
} from '@app/core';
import type { TaxonomyLabels } from '../data/taxonomy.data';

/** The kinds of reference data a country profile names (`communities`, …). */
const PROFILE_LISTS = {
  community: 'communities',
  municipality: 'municipalities',
  institution: 'institutions',
} as const;

let profileNames: Map<string, Readonly<Record<string, string>>> | undefined;
onInstallationProfileChange(() => (profileNames = undefined));

/** The names the installation's profile gives a code of a kind it holds, by language. */
function namesInProfile(key: string): Readonly<Record<string, string>> | undefined {
  if (!profileNames) {
    const profile = installationProfile();
    profileNames = new Map(
      Object.entries(PROFILE_LISTS).flatMap(([kind, list]) =>
        profile[list].map((entry) => [`taxonomy.${kind}.${entry.code}`, entry.names] as const),
      ),
    );
  }
  return profileNames.get(key);
}

/**
 * The text of a label in a language:
 * - a community, municipality or institution: the installation's country profile's own name in
 *   that language, where the profile gives one (the same code may name another body in another
 *   country: Albania's `municipality` institution is the Bashkia);
 * - else the catalogue's entry (`taxonomy.<kind>.<code>`, where translators keep it with the
 *   other messages);
 * - else the label stored with the code (one added after the catalogue was written).
 * Serbian Cyrillic is the Serbian (Latin) label transliterated, so a municipality keeps its
 * official Serbian name in both scripts.
 */
export function localizedLabel(labels: TaxonomyLabels, locale: Locale, key?: string): string {
  if (key !== undefined) {
    const names = namesInProfile(key);
    const own = names && nameIn(names, locale);
    if (own !== undefined) return own;
  }
  const written = key === undefined ? undefined : writtenMessage(locale, key);
  if (written !== undefined) return written;
  if (locale === 'sr-Cyrl') return toSerbianCyrillic(labels.sr);
  return labels[locale];
}

/** BCP 47 tags for collation: Romani place names are the official (Albanian) ones. */
const COLLATION: Record<Locale, string[]> = {
  sq: ['sq'],
  sr: ['sr-Latn'],
  'sr-Cyrl': ['sr-Cyrl'],
  en: ['en'],
  rom: ['rom', 'sq'],
};

const collators = new Map<Locale, Intl.Collator>();

/** Compares labels as the page's language sorts words. */
export function labelCollator(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(COLLATION[locale], { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}
