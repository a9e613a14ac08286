import { installationReferencePrefix } from '@app/core';

/**
 * The free-text search of the staff case list. Text is matched by the database after
 * `pmd_fold` (lower case, diacritics removed), so `gjakove` finds `Gjakovë` and `cop` finds
 * `çop`; here the typed text only becomes a safe LIKE pattern.
 */
export const SEARCH_MAX_LENGTH = 200;

/** Trimmed, inner whitespace collapsed; undefined when nothing is left. */
export function normaliseSearch(raw: string | undefined | null): string | undefined {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH);
  return text.length > 0 ? text : undefined;
}

/** Escapes LIKE's wildcards and its escape character (a backslash, PostgreSQL's default). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` with the text's own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * A prefix of a case reference (`PMD-2026-000`, `pmd-2026`, with the installation's prefix), upper-cased for the index, with
 * `%` appended; undefined when the text cannot be the start of a reference.
 */
export function referencePrefixPattern(
  text: string,
  prefix = installationReferencePrefix(),
): string | undefined {
  const start = new RegExp(`^${prefix}(-\\d{0,4}(-\\d{0,6})?)?$`, 'i');
  return start.test(text) ? `${escapeLike(text.toUpperCase())}%` : undefined;
}
