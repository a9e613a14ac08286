/**
 * Lists what has no Romani text yet, for native speakers to write: every message key (all
 * libs and the site) and every reference-data label or description. Those show in Albanian
 * meanwhile. Exits 0: gaps are expected, they are a to-do list, not an error.
 *
 *   npm run i18n:missing
 */
import 'reflect-metadata';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { missingTranslations, projectRoot, registerMessages } from '@app/core';
import { TAXONOMY_KINDS, TAXONOMY_SEED } from '@app/taxonomy';
import { SITE_MESSAGES } from '../apps/server/src/pages/site.messages';

async function main(): Promise<void> {
  // Each lib registers its messages when its index is loaded; loading every lib that exists
  // keeps this list complete as libs are added.
  const libs = join(projectRoot(), 'libs');
  for (const lib of readdirSync(libs).sort()) {
    const index = join(libs, lib, 'src', 'index.ts');
    if (existsSync(index)) await import(index);
  }
  registerMessages(SITE_MESSAGES);
  report();
}

function report(): void {
  const keys = missingTranslations('rom');
  const labels: string[] = [];
  for (const kind of TAXONOMY_KINDS) {
    for (const item of TAXONOMY_SEED[kind]) {
      if (item.labels.rom === undefined) labels.push(`${kind}.${item.code}: ${item.labels.sq}`);
      if (item.description && item.description.rom === undefined) {
        labels.push(`${kind}.${item.code} (description): ${item.description.sq}`);
      }
    }
  }

  const out: string[] = [
    `Messages without Romani text (${keys.length}):`,
    ...keys.map((k) => `  ${k}`),
  ];
  out.push(
    '',
    `Reference data without Romani text (${labels.length}):`,
    ...labels.map((l) => `  ${l}`),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

void main();
