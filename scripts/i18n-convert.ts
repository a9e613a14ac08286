/**
 * One-off move of the messages from the TypeScript catalogues (`*.messages.ts`, registered by
 * each lib) and the taxonomy seed's labels to the PO catalogues `i18n/<locale>.po`, then removal
 * of the TypeScript catalogues and their registrations. Run once; it is deleted afterwards.
 *
 *   npx ts-node -T -r tsconfig-paths/register scripts/i18n-convert.ts
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();
}

/** "libs/cases/src/common/messages/pages.messages.ts" → "cases/pages". */
function componentOf(file: string): string {
  const base = file.split('/').pop()!.replace('.messages.ts', '');
  if (file.startsWith('apps/')) return base;
  const lib = file.split('/')[1];
  return base === lib ? lib : `${lib}/${base.replace(`${lib}-`, '')}`;
}

async function main(): Promise<void> {
  const files = execSync("git ls-files '*.messages.ts'", { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.endsWith('.spec.ts'));
  const componentOfKey = new Map<string, string>();
  for (const file of files) {
    for (const [, key] of readFileSync(join(root, file), 'utf8').matchAll(
      /^\s+'([a-z][\w.-]*)':/gm,
    )) {
      if (!componentOfKey.has(key)) componentOfKey.set(key, componentOf(file));
    }
  }
  // The catalogues are written from the registrations alone: old PO files must not leak in.
  for (const locale of ['sq', 'sr', 'en', 'rom', 'sr-Cyrl']) {
    rmSync(join(root, 'i18n', `${locale}.po`), { force: true });
  }
  const core = await import('@app/core');
  const libs = join(root, 'libs');
  for (const lib of readdirSync(libs).sort()) {
    const index = join(libs, lib, 'src', 'index.ts');
    if (existsSync(index)) await import(index);
  }
  for (const file of files) {
    const module = (await import(join(root, file))) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'object' && value !== null && 'sq' in value && 'sr' in value) {
        core.registerMessages(value as Parameters<typeof core.registerMessages>[0]);
      }
    }
  }
  const { TAXONOMY_KINDS, TAXONOMY_SEED } = await import('@app/taxonomy');

  interface Row {
    key: string;
    origin: string;
    texts: Record<string, string | undefined>;
  }
  const rows: Row[] = core.registeredMessages().map(({ key, area }) => ({
    key,
    origin: `${area} ${componentOfKey.get(key) ?? 'core'}`,
    texts: Object.fromEntries(
      core.LOCALES.map((locale) => [locale, core.writtenMessage(locale, key)]),
    ),
  }));
  for (const kind of TAXONOMY_KINDS) {
    for (const item of TAXONOMY_SEED[kind]) {
      const base = `taxonomy.${kind}.${item.code}`;
      rows.push({ key: base, origin: `reference taxonomy/${kind}`, texts: { ...item.labels } });
      if (item.description) {
        rows.push({
          key: `${base}.description`,
          origin: `reference taxonomy/${kind}`,
          texts: { ...item.description },
        });
      }
    }
  }
  const reviewFile = join(root, 'i18n/review/rom.json');
  const review = existsSync(reviewFile)
    ? (JSON.parse(readFileSync(reviewFile, 'utf8')) as {
        entries: Record<string, { state: string }>;
      })
    : { entries: {} };
  const drafted = (key: string) => {
    const entry = review.entries[key] ?? review.entries[key.replace(/^taxonomy\./, 'taxonomy:')];
    return entry === undefined || entry.state !== 'reviewed';
  };

  mkdirSync(join(root, 'i18n'), { recursive: true });
  for (const locale of core.WRITTEN_LOCALES) {
    const entries = rows.map((row) => {
      const source = row.texts.sq!;
      const notes: string[] = [];
      if (locale !== 'en' && row.texts.en) notes.push(`English: ${row.texts.en}`);
      const names = placeholders(source);
      if (names.length) notes.push(`Placeholders: ${names.map((n) => `{${n}}`).join(' ')}`);
      const text = row.texts[locale] ?? '';
      return {
        key: row.key,
        source,
        text,
        needsReview: locale === 'rom' && text !== '' && drafted(row.key),
        notes,
        origin: row.origin,
      };
    });
    writeFileSync(join(root, 'i18n', `${locale}.po`), core.formatPo({ locale, entries }));
    const written = entries.filter((e) => e.text).length;
    const review = entries.filter((e) => e.needsReview).length;
    process.stdout.write(`${locale}: ${written}/${entries.length} (${review} need review)\n`);
  }
  // Cyrillic texts that transliteration of the Latin text would get wrong.
  const overrides = rows.filter(
    (row) =>
      row.texts['sr-Cyrl'] !== undefined &&
      row.texts.sr !== undefined &&
      row.texts['sr-Cyrl'] !== core.toSerbianCyrillic(row.texts.sr),
  );
  writeFileSync(
    join(root, 'i18n', 'sr-Cyrl.po'),
    core.formatPo({
      locale: 'sr-Cyrl',
      entries: overrides.map((row) => ({
        key: row.key,
        source: row.texts.sq!,
        text: row.texts['sr-Cyrl']!,
        needsReview: false,
        notes: [`Latin: ${row.texts.sr}`],
        origin: row.origin,
      })),
    }),
  );
  process.stdout.write(`sr-Cyrl: ${overrides.length} written apart from transliteration\n`);

  // The TypeScript catalogues and their registrations go.
  const sources = execSync("git ls-files 'libs/*.ts' 'apps/*.ts' 'scripts/*.ts' 'test/*.ts'", {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && !files.includes(f) && existsSync(join(root, f)));
  for (const file of sources) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    let text = before
      .replace(/^(?:import|export) [^;]*from '[^']*\.messages';\n/gm, '')
      .replace(/^import '[^']*\.messages';\n/gm, '')
      .replace(/^registerMessages\([A-Z_]+\);\n/gm, '');
    if (text !== before && !/registerMessages\(/.test(text)) {
      text = text
        .replace(/^import \{ registerMessages \} from '@app\/core';\n/gm, '')
        .replace(/, registerMessages \}/g, ' }')
        .replace(/\{ registerMessages, /g, '{ ');
    }
    if (text !== before) writeFileSync(path, text.replace(/\n{3,}/g, '\n\n'));
  }
  execSync(`git rm -q ${files.join(' ')}`, { cwd: root });
  rmSync(reviewFile, { force: true });
  process.stdout.write(`removed ${files.length} TypeScript catalogues\n`);
}

void main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
