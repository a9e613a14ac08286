import type { Locale } from '@app/core';
import type { TaxonomyLabels } from '../data/taxonomy.data';

/** The text of a label in a language; Romani falls back to Albanian where it is not written. */
export function localizedLabel(labels: TaxonomyLabels, locale: Locale): string {
  if (locale === 'rom') return labels.rom ?? labels.sq;
  return labels[locale];
}
