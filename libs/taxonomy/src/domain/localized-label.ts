import { type Locale, toSerbianCyrillic, writtenMessage } from '@app/core';
import type { TaxonomyLabels } from '../data/taxonomy.data';

/**
 * The text of a label in a language: the catalogue's entry (`taxonomy.<kind>.<code>`, where
 * translators keep it with the other messages), else the label stored with the code (one added
 * after the catalogue was written). Serbian Cyrillic is the Serbian (Latin) label
 * transliterated, so a municipality keeps its official Serbian name in both scripts.
 */
export function localizedLabel(labels: TaxonomyLabels, locale: Locale, key?: string): string {
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
