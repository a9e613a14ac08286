/**
 * Everything a translator or a coverage check needs to see: every lib's messages (each lib
 * registers them when its index loads), the site's, and the reference labels of TAXONOMY_SEED.
 */
import 'reflect-metadata';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  LOCALES,
  Locale,
  MessageArea,
  projectRoot,
  registerMessages,
  registeredMessages,
  toSerbianCyrillic,
  writtenMessage,
} from '@app/core';
import { TAXONOMY_KINDS, TAXONOMY_SEED, TaxonomyLabels } from '@app/taxonomy';
import { SITE_MESSAGES } from '../../apps/server/src/pages/site.messages';

/** Who reads a text: the message areas, and `reference` for taxonomy labels. */
export type TextArea = MessageArea | 'reference';
export const TEXT_AREAS: readonly TextArea[] = ['public', 'email', 'reference', 'staff'];

/** One translatable text: a message key, or `taxonomy:<kind>.<code>[.description]`. */
export interface CatalogueText {
  key: string;
  area: TextArea;
  /** The text in each language; undefined where it is not written. */
  text: Partial<Record<Locale, string>>;
}

let loaded: Promise<void> | undefined;

/** Loads every lib's messages once (a lib that is added later is found by its folder). */
export function loadCatalogues(): Promise<void> {
  loaded ??= (async () => {
    const libs = join(projectRoot(), 'libs');
    for (const lib of readdirSync(libs).sort()) {
      const index = join(libs, lib, 'src', 'index.ts');
      if (existsSync(index)) await import(index);
    }
    registerMessages(SITE_MESSAGES);
  })();
  return loaded;
}

function labelTexts(labels: Partial<TaxonomyLabels>): Partial<Record<Locale, string>> {
  return {
    sq: labels.sq,
    sr: labels.sr,
    'sr-Cyrl': labels.sr === undefined ? undefined : toSerbianCyrillic(labels.sr),
    en: labels.en,
    rom: labels.rom,
  };
}

/** Every text, messages first (by key), then reference labels (by kind and seed order). */
export async function catalogueTexts(): Promise<CatalogueText[]> {
  await loadCatalogues();
  const texts: CatalogueText[] = registeredMessages().map(({ key, area }) => ({
    key,
    area,
    text: Object.fromEntries(LOCALES.map((locale) => [locale, writtenMessage(locale, key)])),
  }));
  for (const kind of TAXONOMY_KINDS) {
    for (const item of TAXONOMY_SEED[kind]) {
      const key = `taxonomy:${kind}.${item.code}`;
      texts.push({ key, area: 'reference', text: labelTexts(item.labels) });
      if (item.description) {
        texts.push({
          key: `${key}.description`,
          area: 'reference',
          text: labelTexts(item.description),
        });
      }
    }
  }
  return texts;
}

/** Texts with no words in `locale`, grouped by area. */
export function missingByArea(
  texts: readonly CatalogueText[],
  locale: Locale,
): Record<TextArea, string[]> {
  const gaps = Object.fromEntries(TEXT_AREAS.map((area) => [area, [] as string[]])) as Record<
    TextArea,
    string[]
  >;
  for (const entry of texts) {
    const text = entry.text[locale];
    if (text === undefined || text.trim() === '') gaps[entry.area].push(entry.key);
  }
  return gaps;
}

/** Areas every offered language must cover completely. */
export const COMPLETE_AREAS: readonly TextArea[] = ['public', 'email', 'reference'];
