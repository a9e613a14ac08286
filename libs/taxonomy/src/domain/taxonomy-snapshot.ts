import { type Locale, toSerbianCyrillic } from '@app/core';
import type { TaxonomyKind, TaxonomyLabels } from '../data/taxonomy.data';
import { labelCollator, localizedLabel } from './localized-label';

/**
 * What cases imported from the earlier platform hold where it did not record a fact (reporter
 * role, perpetrator kind): not a code of the taxonomy, but shown in words, never as the code.
 */
export const NOT_RECORDED = 'not_recorded';
const NOT_RECORDED_LABELS: Record<Locale, string> = {
  sq: 'E paregjistruar',
  sr: 'Nije evidentirano',
  'sr-Cyrl': toSerbianCyrillic('Nije evidentirano'),
  en: 'Not recorded',
  rom: 'Na ramome',
};

/**
 * Kinds listed in the alphabetical order of the page's language; the others keep their display
 * order (the most common first, "other" last).
 */
const ALPHABETICAL_KINDS: ReadonlySet<TaxonomyKind> = new Set(['municipality']);

export interface TaxonomyEntry {
  kind: TaxonomyKind;
  code: string;
  labels: TaxonomyLabels;
  description: TaxonomyLabels | null;
  sortOrder: number;
  active: boolean;
}

/** A code with its text in one language, as forms and the API show it. */
export interface LocalizedEntry {
  code: string;
  label: string;
  description?: string;
}

/** Answers whether a code exists and is offered; what intake validation needs. */
export interface KnownCodes {
  isKnown(kind: TaxonomyKind, code: string): boolean;
}

/** The reference data at one moment, indexed for lookups. Plain data, no I/O. */
export class TaxonomySnapshot implements KnownCodes {
  private readonly byKind = new Map<TaxonomyKind, TaxonomyEntry[]>();
  private readonly index = new Map<string, TaxonomyEntry>();

  constructor(entries: readonly TaxonomyEntry[]) {
    const sorted = [...entries].sort(
      (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
    );
    for (const entry of sorted) {
      const list = this.byKind.get(entry.kind) ?? [];
      list.push(entry);
      this.byKind.set(entry.kind, list);
      this.index.set(`${entry.kind}:${entry.code}`, entry);
    }
  }

  /** True for an active code of this kind. */
  isKnown(kind: TaxonomyKind, code: string): boolean {
    return this.index.get(`${kind}:${code}`)?.active === true;
  }

  /**
   * The active entries of a kind in their display order; municipalities alphabetically in the
   * page's language (Serbian by its own alphabet: Č after C, Dž and Đ after D, Lj after L).
   */
  list(kind: TaxonomyKind, locale: Locale): LocalizedEntry[] {
    const entries: LocalizedEntry[] = (this.byKind.get(kind) ?? [])
      .filter((entry) => entry.active)
      .map((entry) => ({
        code: entry.code,
        label: localizedLabel(entry.labels, locale, `taxonomy.${kind}.${entry.code}`),
        ...(entry.description
          ? {
              description: localizedLabel(
                entry.description,
                locale,
                `taxonomy.${kind}.${entry.code}.description`,
              ),
            }
          : {}),
      }));
    if (!ALPHABETICAL_KINDS.has(kind)) return entries;
    const collator = labelCollator(locale);
    return entries.sort((a, b) => collator.compare(a.label, b.label));
  }

  /** The label of a code (also of an inactive one, for old cases); the code itself if unknown. */
  label(kind: TaxonomyKind, code: string, locale: Locale): string {
    const entry = this.index.get(`${kind}:${code}`);
    if (entry) return localizedLabel(entry.labels, locale, `taxonomy.${kind}.${code}`);
    return code === NOT_RECORDED ? NOT_RECORDED_LABELS[locale] : code;
  }
}
