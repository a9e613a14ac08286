import { Area, areaOfOrigin } from './catalogue-areas';
import { CatalogueEntry, CatalogueFile } from './po-file';

/**
 * The round trip of a locale through a reviewer: export the locale's entries (optionally one
 * area) as a PO file for Poedit or Weblate; import the file they return. The import changes
 * only what the reviewer changed (a text, or the "needs review" flag cleared or set) and only
 * where the Albanian source they saw is still the current one.
 */
export function exportForReview(file: CatalogueFile, area?: Area): CatalogueFile {
  return {
    locale: file.locale,
    entries: area ? file.entries.filter((e) => areaOfOrigin(e.origin) === area) : file.entries,
  };
}

export interface ImportReport {
  /** The catalogue with the reviewer's changes applied. */
  file: CatalogueFile;
  /** Keys whose text or review flag changed. */
  changed: string[];
  /** Keys the reviewer saw with an older Albanian source: left as they were. */
  stale: string[];
  /** Keys in the returned file that the catalogue does not have. */
  unknown: string[];
}

export function importReview(current: CatalogueFile, returned: CatalogueFile): ImportReport {
  if (returned.locale && returned.locale !== current.locale) {
    throw new Error(
      `The file is for locale "${returned.locale}", the catalogue is "${current.locale}"`,
    );
  }
  const byKey = new Map(returned.entries.map((e) => [e.key, e]));
  const known = new Set(current.entries.map((e) => e.key));
  const changed: string[] = [];
  const stale: string[] = [];
  const entries: CatalogueEntry[] = current.entries.map((entry) => {
    const edit = byKey.get(entry.key);
    if (!edit) return entry;
    const same = edit.text === entry.text && edit.needsReview === entry.needsReview;
    if (same) return entry;
    if (edit.source !== entry.source) {
      stale.push(entry.key);
      return entry;
    }
    changed.push(entry.key);
    return { ...entry, text: edit.text, needsReview: edit.needsReview };
  });
  const unknown = returned.entries.map((e) => e.key).filter((key) => !known.has(key));
  return { file: { locale: current.locale, entries }, changed, stale, unknown };
}
