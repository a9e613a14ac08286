import { FigureRow, figureRows } from './figure-rows';
import type { SheetCell, SheetColumn, SheetTable } from './xlsx';
import type { Cell, YearFigures } from './yearly-figures';

/** What the tables need to name things in the reader's language. */
export interface TableWords {
  section(section: string): string;
  code(section: string, code: string): string;
  /** Words of the headers: figure, category, code, all_years, year, institution, all_figures. */
  word(
    key:
      | 'figure'
      | 'category'
      | 'code'
      | 'all_years'
      | 'year'
      | 'institution'
      | 'overview'
      | 'all_figures',
  ): string;
}

/** A year's figures (`year` null: all years of the range together). */
export interface YearColumn {
  year: number | null;
  figures: YearFigures<Cell>;
}

/** Single counts of the overview sheet; the median, in days, has a sheet of its own. */
const OVERVIEW = ['reported', 'meetings_held'];
const DAYS = 'median_days_to_outcome';
const REFERRALS = 'referrals.';

/**
 * The staff figures as tables, one per sheet: an overview of the single figures by year, one
 * table per breakdown (categories down, years across, all years last), the referrals per
 * institution and year, and every figure as one flat table (as the CSV has it).
 */
export function statisticsTables(columns: readonly YearColumn[], words: TableWords): SheetTable[] {
  const yearHeaders: SheetColumn[] = columns.map((c) => ({
    header: c.year === null ? words.word('all_years') : String(c.year),
    kind: 'count',
  }));
  const perYear = columns.map((c) => byKey(figureRows(c.figures)));
  const sections: string[] = [];
  const codes = new Map<string, string[]>();
  for (const rows of perYear) {
    for (const row of rows.values()) {
      if (!codes.has(row.section)) {
        sections.push(row.section);
        codes.set(row.section, []);
      }
      const list = codes.get(row.section)!;
      if (!list.includes(row.code)) list.push(row.code);
    }
  }
  const value = (index: number, section: string, code: string): SheetCell =>
    perYear[index].get(`${section}\u0000${code}`)?.value ?? null;

  const tables: SheetTable[] = [
    {
      name: words.word('overview'),
      columns: [{ header: words.word('figure'), kind: 'text' }, ...yearHeaders],
      rows: OVERVIEW.filter((s) => codes.has(s)).map((section) => [
        words.section(section),
        ...columns.map((_, i) => value(i, section, 'all')),
      ]),
      frozenColumns: 1,
    },
  ];
  if (codes.has(DAYS)) {
    tables.push({
      name: words.section(DAYS),
      columns: [
        { header: words.word('figure'), kind: 'text' },
        ...yearHeaders.map((h) => ({ ...h, kind: 'days' as const })),
      ],
      rows: [[words.section(DAYS), ...columns.map((_, i) => value(i, DAYS, 'all'))]],
      frozenColumns: 1,
    });
  }
  for (const section of sections) {
    if (OVERVIEW.includes(section) || section === DAYS || section.startsWith(REFERRALS)) continue;
    tables.push({
      name: words.section(section),
      columns: [
        { header: words.word('category'), kind: 'text' },
        { header: words.word('code'), kind: 'text' },
        ...yearHeaders,
      ],
      rows: codes
        .get(section)!
        .map((code) => [
          words.code(section, code) || words.section(section),
          code,
          ...columns.map((_, i) => value(i, section, code)),
        ]),
      frozenColumns: 2,
    });
  }
  const measures = sections.filter((s) => s.startsWith(REFERRALS));
  if (measures.length > 0) {
    const institutions = [...new Set(measures.flatMap((m) => codes.get(m)!))];
    const rows: SheetCell[][] = [];
    columns.forEach((column, i) => {
      for (const institution of institutions) {
        if (!measures.some((m) => perYear[i].has(`${m}\u0000${institution}`))) continue;
        rows.push([
          column.year === null ? words.word('all_years') : column.year,
          words.code(measures[0], institution),
          institution,
          ...measures.map((m) => value(i, m, institution)),
        ]);
      }
    });
    tables.push({
      name: words.section('referrals'),
      columns: [
        { header: words.word('year'), kind: 'text' },
        { header: words.word('institution'), kind: 'text' },
        { header: words.word('code'), kind: 'text' },
        ...measures.map((m) => ({ header: words.section(m), kind: 'count' as const })),
      ],
      rows,
      frozenColumns: 3,
    });
  }
  return tables;
}

function byKey(rows: FigureRow[]): Map<string, FigureRow> {
  return new Map(rows.map((row) => [`${row.section}\u0000${row.code}`, row]));
}
