/**
 * The "needs review" record of drafted translations (i18n/review/<locale>.json). Each written
 * text of the locale has an entry with a hash of its Albanian source and a state: `draft` until
 * a native speaker clears it (`reviewed`). When the Albanian source changes, the hash no longer
 * matches and the text is flagged again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Locale, projectRoot } from '@app/core';
import { CatalogueText } from './catalogue';

export type ReviewState = 'draft' | 'reviewed';

export interface ReviewEntry {
  /** First 16 hex digits of the SHA-256 of the Albanian source text. */
  source: string;
  state: ReviewState;
}

export interface ReviewRecord {
  locale: Locale;
  note: string;
  entries: Record<string, ReviewEntry>;
}

export function reviewPath(locale: Locale): string {
  return join(projectRoot(), 'i18n', 'review', `${locale}.json`);
}

export function sourceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export function readReview(locale: Locale): ReviewRecord {
  return JSON.parse(readFileSync(reviewPath(locale), 'utf8')) as ReviewRecord;
}

export function writeReview(record: ReviewRecord): void {
  writeFileSync(reviewPath(record.locale), `${JSON.stringify(record, null, 2)}\n`);
}

/** What differs between the catalogues and the record. */
export interface ReviewDrift {
  /** Written in the locale but not in the record. */
  unrecorded: string[];
  /** In the record, but the Albanian source has changed since. */
  changedSource: string[];
  /** In the record but no longer written in the locale (or no longer a key). */
  stale: string[];
}

function written(texts: readonly CatalogueText[], locale: Locale): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of texts) {
    const text = entry.text[locale];
    const source = entry.text.sq;
    if (text !== undefined && source !== undefined) map.set(entry.key, source);
  }
  return map;
}

export function reviewDrift(texts: readonly CatalogueText[], record: ReviewRecord): ReviewDrift {
  const sources = written(texts, record.locale);
  const drift: ReviewDrift = { unrecorded: [], changedSource: [], stale: [] };
  for (const [key, source] of sources) {
    const entry = record.entries[key];
    if (!entry) drift.unrecorded.push(key);
    else if (entry.source !== sourceHash(source)) drift.changedSource.push(key);
  }
  for (const key of Object.keys(record.entries)) {
    if (!sources.has(key)) drift.stale.push(key);
  }
  return drift;
}

/**
 * The record brought in step with the catalogues: new texts are drafts, a text whose Albanian
 * source changed becomes a draft again, texts no longer written leave; cleared texts stay.
 */
export function updatedReview(texts: readonly CatalogueText[], record: ReviewRecord): ReviewRecord {
  const sources = written(texts, record.locale);
  const entries: Record<string, ReviewEntry> = {};
  for (const key of [...sources.keys()].sort()) {
    const hash = sourceHash(sources.get(key)!);
    const known = record.entries[key];
    entries[key] =
      known && known.source === hash ? known : { source: hash, state: 'draft' as ReviewState };
  }
  return { ...record, entries };
}

export function draftCount(record: ReviewRecord): number {
  return Object.values(record.entries).filter((entry) => entry.state === 'draft').length;
}
