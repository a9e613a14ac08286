import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, projectRoot } from '@app/core';
import {
  COMPLETE_AREAS,
  CatalogueText,
  TEXT_AREAS,
  catalogueTexts,
  missingByArea,
} from './i18n/catalogue';
import { draftCount, readReview, reviewDrift } from './i18n/review';

/**
 * The coverage gate: what the public, reporters and institutions read (public pages, e-mails,
 * reference labels) exists in every offered language, Romani and Serbian Cyrillic included.
 */
describe('translation coverage', () => {
  let texts: CatalogueText[];

  beforeAll(async () => {
    texts = await catalogueTexts();
  });

  it('knows every area of every text', () => {
    expect(texts.length).toBeGreaterThan(800);
    for (const entry of texts) expect(TEXT_AREAS).toContain(entry.area);
    for (const area of COMPLETE_AREAS) {
      expect({ area, some: texts.some((t) => t.area === area) }).toEqual({ area, some: true });
    }
  });

  it.each(LOCALES.map((locale) => [locale]))(
    'has every public, e-mail and reference text in %s',
    (locale) => {
      const gaps = missingByArea(texts, locale);
      for (const area of COMPLETE_AREAS) {
        expect({ locale, area, missing: gaps[area] }).toEqual({ locale, area, missing: [] });
      }
    },
  );

  it('never passes Albanian off as Romani on what the public reads', () => {
    // Names and codes may be the same in both (Rom, Prizren, PDF); sentences may not.
    const copied = texts
      .filter((t) => COMPLETE_AREAS.includes(t.area))
      .filter((t) => t.text.rom !== undefined && t.text.rom === t.text.sq)
      .filter((t) => t.text.sq!.trim().split(/\s+/).length > 3)
      .map((t) => t.key);
    expect(copied).toEqual([]);
  });

  it('keeps the placeholders of the Albanian source in every language', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const wrong: string[] = [];
    for (const entry of texts) {
      const source = names(entry.text.sq ?? '');
      for (const locale of LOCALES) {
        const text = entry.text[locale];
        if (text !== undefined && names(text).join() !== source.join()) {
          wrong.push(`${locale} ${entry.key}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('records every Romani text for review, flagged again when its Albanian source changes', () => {
    const record = readReview('rom');
    expect(record.locale).toBe('rom');
    // Out of step: run `npm run i18n:review -- --write` and commit i18n/review/rom.json.
    expect(reviewDrift(texts, record)).toEqual({ unrecorded: [], changedSource: [], stale: [] });
    for (const entry of Object.values(record.entries)) {
      expect(['draft', 'reviewed']).toContain(entry.state);
      expect(entry.source).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(draftCount(record)).toBeGreaterThan(0);
  });

  it('has a glossary of the term choices, with every column filled', () => {
    const lines = readFileSync(join(projectRoot(), 'docs', 'i18n', 'glossary.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('term,rom,sq,en,note');
    const rows = lines.slice(1).map((line) => parseCsvLine(line));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const row of rows) {
      expect({ row: row[0], columns: row.length }).toEqual({ row: row[0], columns: 5 });
      expect(row.slice(0, 4).every((cell) => cell.trim().length > 0)).toBe(true);
    }
    const terms = rows.map((row) => row[0]);
    for (const term of [
      'discrimination',
      'report (noun)',
      'case',
      'receipt code',
      'case reference',
      'evidence',
      'witness',
      'institution',
      'Technical Group',
      'legal expert',
      'mediator',
      'complaint',
      'court',
      'ombudsperson',
      'police',
      'municipality',
      'community',
      'anonymous',
      'consent',
      'withdraw (a report)',
      'erase (data)',
    ]) {
      expect(terms).toContain(term);
    }
  });
});

/** One CSV line (RFC 4180: quoted cells may hold commas and doubled quotes). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
