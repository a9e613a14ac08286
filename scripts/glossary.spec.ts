import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@app/core';

/** The Romani term choices are kept in one glossary a native reviewer can read and change. */
describe('Romani glossary', () => {
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
