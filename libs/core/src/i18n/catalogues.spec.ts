import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { projectRoot } from '../views/project-root';
import { REQUIRED_AREAS, areaOfOrigin } from './catalogue-areas';
import { WRITTEN_LOCALES, catalogueFile, writtenMessage } from './message-catalog';
import { CatalogueEntry, parsePo, readPoTexts } from './po-file';

/**
 * The catalogues (i18n/<locale>.po) are the product's words: this is the compile-time check of
 * their keys, placeholders and plural rules, and the coverage gate for the people outside the
 * office (public, reporters, institutions, e-mails, reference data) in every offered language.
 */
const files = Object.fromEntries(
  WRITTEN_LOCALES.map((locale) => [locale, parsePo(readFileSync(catalogueFile(locale))).entries]),
);
const reference = files.sq;
const referenceKeys = new Set(reference.map((e) => e.key));

function argumentsOf(text: string): string[] {
  // Top-level and nested ICU arguments: `{name}`, `{count, plural, …}`.
  return [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
}

describe('Message catalogues', () => {
  it('hold the same keys in every locale, each with the current Albanian source', () => {
    for (const locale of WRITTEN_LOCALES) {
      expect({ locale, keys: files[locale].map((e) => e.key) }).toEqual({
        locale,
        keys: reference.map((e) => e.key),
      });
      const stale = files[locale]
        .filter((e, i) => e.source !== reference[i].source && !e.needsReview)
        .map((e) => e.key);
      // A translation of an older source must carry "needs review" (gettext's fuzzy).
      expect({ locale, stale }).toEqual({ locale, stale: [] });
    }
  });

  it('give Albanian as its own source, and no key twice', () => {
    expect(reference.filter((e) => e.text !== e.source).map((e) => e.key)).toEqual([]);
    expect(referenceKeys.size).toBe(reference.length);
  });

  it.each(WRITTEN_LOCALES)('leave no gap in %s where people outside the office read', (locale) => {
    const gaps = files[locale]
      .filter((e: CatalogueEntry) => REQUIRED_AREAS.includes(areaOfOrigin(e.origin)))
      .filter((e) => e.text.trim() === '')
      .map((e) => `${e.origin}: ${e.key}`);
    expect(gaps).toEqual([]);
  });

  it('give Serbian Cyrillic every text of Serbian Latin, in Cyrillic letters', () => {
    const latin = files.sr.filter((e) => e.text !== '');
    const missing = latin.filter((e) => writtenMessage('sr-Cyrl', e.key) === undefined);
    expect(missing.map((e) => e.key)).toEqual([]);
    // Sentences come out in Cyrillic (names, codes and placeholders aside).
    const latinLeft = latin
      .map((e) => ({ key: e.key, text: writtenMessage('sr-Cyrl', e.key) ?? '' }))
      .filter(({ text }) => /[čćšžđ]/i.test(text.replace(/\{[^}]*\}/g, '')));
    expect(latinLeft.map((e) => e.key)).toEqual([]);
  });

  it('never pass Albanian off as Romani where the public reads', () => {
    // Names and codes may be the same in both (Rom, Prizren, PDF); sentences may not.
    const copied = files.rom
      .filter((e) => REQUIRED_AREAS.includes(areaOfOrigin(e.origin)) && e.text !== '')
      .filter((e, i) => e.text === reference[i].text)
      .filter((e) => e.source.trim().split(/\s+/).length > 3)
      .map((e) => e.key);
    expect(copied).toEqual([]);
  });

  it('flag the Romani drafts "needs review" until a native speaker clears them', () => {
    const drafts = files.rom.filter((e) => e.needsReview);
    expect(drafts.length).toBeGreaterThan(0);
    // Only a written text can wait for review.
    expect(drafts.filter((e) => e.text === '').map((e) => e.key)).toEqual([]);
  });

  it('are complete for staff in Serbian and English', () => {
    for (const locale of ['sr', 'en'] as const) {
      expect(files[locale].filter((e) => e.text === '').map((e) => e.key)).toEqual([]);
    }
  });

  it.each(WRITTEN_LOCALES)(
    'write valid ICU messages in %s with the source placeholders',
    (locale) => {
      const problems: string[] = [];
      for (const [i, entry] of files[locale].entries()) {
        if (entry.text === '') continue;
        try {
          new IntlMessageFormat(entry.text, locale === 'rom' ? 'en' : locale, undefined, {
            ignoreTag: true,
          });
        } catch (error) {
          problems.push(`${entry.key}: ${(error as Error).message}`);
          continue;
        }
        const expected = argumentsOf(reference[i].source);
        const actual = argumentsOf(entry.text);
        if (expected.join() !== actual.join()) {
          problems.push(
            `${entry.key}: {${actual.join('} {')}} instead of {${expected.join('} {')}}`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('hold every key that the templates and the code write literally', () => {
    const root = projectRoot();
    const sources = execSync("git ls-files '*.njk' 'libs/*.ts' 'apps/*.ts'", {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.endsWith('.spec.ts'));
    const missing: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      const calls = file.endsWith('.njk')
        ? text.matchAll(/\bt\(\s*'([a-z][\w.]*\w)'\s*[,)]/g)
        : text.matchAll(
            /\b(?:t|translate\(\s*[\w.]+\s*,)\s*\(?\s*'([a-z][\w]*\.[\w.]*\w)'\s*[,)]/g,
          );
      for (const [, key] of calls) {
        if (!referenceKeys.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('The start-up reader of the catalogues', () => {
  it.each(WRITTEN_LOCALES)('reads %s exactly as the full PO parser does', (locale) => {
    const fast = readPoTexts(readFileSync(catalogueFile(locale), 'utf8'));
    expect(fast).toEqual(
      files[locale].map((e) => ({ key: e.key, text: e.text, origin: e.origin })),
    );
  });
});
