import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../views/project-root';
import { WRITTEN_LOCALES, catalogueFile } from './message-catalog';
import { formatPo, parsePo } from './po-file';

/**
 * A reviewer's round trip through the real command: export Romani for review, edit the file
 * as Poedit would (a script here), import it, and only the edited entries change.
 */
describe('Catalogue review round trip', () => {
  let dir: string;
  const cli = (...args: string[]) =>
    execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(projectRoot(), 'scripts/i18n.ts'),
        ...args,
        '--dir',
        dir,
      ],
      { cwd: projectRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pmd-i18n-'));
    for (const locale of WRITTEN_LOCALES)
      copyFileSync(catalogueFile(locale), join(dir, `${locale}.po`));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes exactly the entries the reviewer edited', () => {
    const before = readFileSync(join(dir, 'rom.po'), 'utf8');
    const exported = join(dir, 'review.po');
    cli('export', '--locale', 'rom', '--area', 'public', '--out', exported);
    const review = parsePo(readFileSync(exported));
    expect(review.locale).toBe('rom');
    expect(review.entries.length).toBeGreaterThan(100);
    expect(review.entries.every((e) => e.origin.startsWith('public '))).toBe(true);

    // The reviewer writes two texts, clears the flag of a third, and edits a fourth whose
    // Albanian source has changed since the export (it must be left alone).
    const [first, second, third, fourth] = review.entries;
    first.text = 'Platforma vaš arakhipe katar i diskriminacija';
    first.needsReview = false;
    second.text = `${second.text || second.source} (dikhlo)`;
    third.needsReview = !third.needsReview;
    fourth.source = `${fourth.source} (old)`;
    fourth.text = 'Purano';
    writeFileSync(exported, formatPo(review));

    const output = cli('import', '--locale', 'rom', '--file', exported);
    expect(output).toContain('3 changed');
    expect(output).toContain(`  ${fourth.key}`);

    const after = parsePo(readFileSync(join(dir, 'rom.po')));
    const old = parsePo(before);
    const differing = after.entries
      .filter((e, i) => JSON.stringify(e) !== JSON.stringify(old.entries[i]))
      .map((e) => e.key);
    expect(differing.sort()).toEqual([first.key, second.key, third.key].sort());
    expect(after.entries.find((e) => e.key === first.key)).toMatchObject({
      text: 'Platforma vaš arakhipe katar i diskriminacija',
      needsReview: false,
    });
    // The other locales are untouched.
    expect(readFileSync(join(dir, 'sq.po'), 'utf8')).toBe(
      readFileSync(catalogueFile('sq'), 'utf8'),
    );
  });

  it('re-imports an unedited export without any change', () => {
    const exported = join(dir, 'same.po');
    const before = readFileSync(join(dir, 'rom.po'), 'utf8');
    cli('export', '--locale', 'rom', '--out', exported);
    expect(cli('import', '--locale', 'rom', '--file', exported)).toContain('0 changed');
    expect(readFileSync(join(dir, 'rom.po'), 'utf8')).toBe(before);
  });

  it('refuses a file of another locale', () => {
    const exported = join(dir, 'sr.po');
    cli('export', '--locale', 'sr', '--out', exported);
    expect(() => cli('import', '--locale', 'rom', '--file', exported)).toThrow();
  });
});
