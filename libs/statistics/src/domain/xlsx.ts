/** A cell of a worksheet: text, a number, or empty. */
export type SheetCell = string | number | null;

/** How a column's numbers are shown: whole counts, or days with one decimal. */
export type ColumnKind = 'text' | 'count' | 'days';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
}

/** One table of the workbook: its sheet, header row and rows. */
export interface SheetTable {
  /** The sheet's tab; made safe for Excel (31 characters, no `[]:*?/\`, unique). */
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** How many leading columns stay in view when scrolling right (the row labels). */
  frozenColumns: number;
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  days: '0.0',
};
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A tab name Excel accepts: no `[]:*?/\`, not blank, at most 31 characters, unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The workbook of several tables, written by exceljs: one sheet per table, a bold header row,
 * panes frozen under the header and after the row labels, columns as wide as their text, and
 * number formats for counts and days. Text cells stay text (exceljs writes them as strings,
 * never as formulas, whatever they start with).
 */
export async function xlsxWorkbook(
  tables: readonly SheetTable[],
  meta: { creator: string; created: Date },
): Promise<Buffer> {
  // exceljs is loaded on the first export, not at start-up (a good part of the start-up time).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
      views: [{ state: 'frozen', xSplit: table.frozenColumns, ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column, index) => ({
      header: column.header,
      key: `c${index}`,
      width: columnWidth(column.header, table.rows, index),
      style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.columns.length },
    };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnWidth(header: string, rows: readonly SheetCell[][], index: number): number {
  let width = header.length;
  for (const row of rows) {
    const cell = row[index];
    if (cell !== null && cell !== undefined) width = Math.max(width, String(cell).length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
}
