/**
 * The catalogues (i18n/<locale>.po) for translators and reviewers.
 *
 *   npm run i18n -- missing [--locale rom]              gaps and drafts per locale and area
 *   npm run i18n -- export --locale rom [--area public] [--out rom-review.po]
 *   npm run i18n -- import --locale rom --file rom-review.po [--dry-run]
 *
 * `--dir D` reads and writes the catalogues in D instead of i18n/ (for tests and trials).
 *
 * `missing` exits 1 when a locale has a gap where people outside the office read (the test
 * command enforces the same); drafts ("needs review") are listed, not failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AREAS,
  Area,
  Locale,
  WRITTEN_LOCALES,
  REQUIRED_AREAS,
  areaOfOrigin,
  catalogueFile,
  exportForReview,
  formatPo,
  importReview,
  parsePo,
} from '@app/core';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function locale(args: string[]): string {
  const value = option(args, 'locale');
  if (!value || !(WRITTEN_LOCALES as readonly string[]).includes(value)) {
    throw new Error(
      `--locale must be one of ${WRITTEN_LOCALES.join(', ')} (sr-Cyrl is made from sr)`,
    );
  }
  return value;
}

let dir: string | undefined;

function fileOf(code: string): string {
  return dir ? join(dir, `${code}.po`) : catalogueFile(code as Locale);
}

function read(code: string) {
  return parsePo(readFileSync(fileOf(code)));
}

function missing(args: string[]): number {
  const only = option(args, 'locale');
  const verbose = args.includes('--keys');
  let failing = 0;
  for (const code of WRITTEN_LOCALES.filter((l) => !only || l === only)) {
    const { entries } = read(code);
    const lines: string[] = [];
    for (const area of AREAS) {
      const inArea = entries.filter((e) => areaOfOrigin(e.origin) === area);
      const gaps = inArea.filter((e) => e.text.trim() === '');
      const drafts = inArea.filter((e) => e.text.trim() !== '' && e.needsReview);
      if (gaps.length && REQUIRED_AREAS.includes(area)) failing += gaps.length;
      lines.push(
        `  ${area.padEnd(12)} ${String(inArea.length - gaps.length).padStart(4)}/${inArea.length} written, ${gaps.length} missing, ${drafts.length} need review`,
      );
      if (verbose) for (const e of gaps) lines.push(`      missing ${e.key}: ${e.source}`);
    }
    process.stdout.write(`${code}\n${lines.join('\n')}\n`);
    if (code === 'sr') {
      // Serbian Cyrillic is made from the Serbian Latin catalogue: the same gaps, none more.
      process.stdout.write(`sr-Cyrl\n  transliterated from sr: the same figures as sr\n`);
    }
  }
  if (failing) {
    process.stdout.write(
      `\n${failing} missing where the public, reporters or institutions read (--keys lists them)\n`,
    );
  }
  return failing ? 1 : 0;
}

function exportCommand(args: string[]): number {
  const code = locale(args);
  const area = option(args, 'area') as Area | undefined;
  if (area && !AREAS.includes(area)) throw new Error(`--area must be one of ${AREAS.join(', ')}`);
  const po = formatPo(exportForReview(read(code), area));
  const out = option(args, 'out');
  if (out) writeFileSync(out, po);
  else process.stdout.write(po);
  return 0;
}

function importCommand(args: string[]): number {
  const code = locale(args);
  const file = option(args, 'file');
  if (!file) throw new Error('--file is required');
  const report = importReview(read(code), parsePo(readFileSync(file)));
  if (!args.includes('--dry-run')) writeFileSync(fileOf(code), formatPo(report.file));
  process.stdout.write(
    [
      `${report.changed.length} changed${args.includes('--dry-run') ? ' (dry run)' : ''}`,
      ...report.changed.map((k) => `  ${k}`),
      `${report.stale.length} left as they were (the Albanian source changed since the export)`,
      ...report.stale.map((k) => `  ${k}`),
      `${report.unknown.length} unknown keys ignored`,
      ...report.unknown.map((k) => `  ${k}`),
    ].join('\n') + '\n',
  );
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => number> = {
  missing,
  export: exportCommand,
  import: importCommand,
};

const [name, ...rest] = process.argv.slice(2);
const command = COMMANDS[name ?? 'missing'];
if (!command) {
  process.stderr.write(`Usage: npm run i18n -- missing | export | import (see scripts/i18n.ts)\n`);
  process.exit(2);
}
try {
  dir = option(rest, 'dir');
  process.exitCode = command(rest);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
}
