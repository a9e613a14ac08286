/**
 * Lists, per offered language and per area (public pages, e-mails, reference labels, staff
 * pages), the texts not written yet: every message key (all libs and the site) and every
 * reference-data label or description. Public, e-mail and reference texts must be complete in
 * every language (scripts/i18n-coverage.spec.ts fails otherwise); staff gaps show in Albanian
 * meanwhile and are a to-do list. Exits 1 when a public, e-mail or reference text is missing.
 *
 *   npm run i18n:missing
 */
import { LOCALES } from '@app/core';
import { COMPLETE_AREAS, TEXT_AREAS, catalogueTexts, missingByArea } from './i18n/catalogue';

async function main(): Promise<void> {
  const texts = await catalogueTexts();
  const summary: string[] = ['Missing texts per language and area:'];
  const details: string[] = [];
  let blocking = 0;
  for (const locale of LOCALES) {
    const gaps = missingByArea(texts, locale);
    summary.push(
      `  ${locale.padEnd(8)}` +
        TEXT_AREAS.map((area) => `${area} ${gaps[area].length}`.padEnd(14)).join(''),
    );
    for (const area of TEXT_AREAS) {
      if (gaps[area].length === 0) continue;
      if (COMPLETE_AREAS.includes(area)) blocking += gaps[area].length;
      details.push('', `${locale} / ${area} (${gaps[area].length}):`);
      details.push(...gaps[area].map((key) => `  ${key}`));
    }
  }
  process.stdout.write(`${[...summary, ...details].join('\n')}\n`);
  process.exitCode = blocking > 0 ? 1 : 0;
}

void main();
