import ExcelJS from 'exceljs';
import { sheetName, xlsxWorkbook } from './xlsx';

describe('statistics workbook', () => {
  it('names sheets as Excel allows: no []:*?/\\, at most 31 characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Referime: të dërguara / kthyer?', taken)).toBe(
      'Referime  të dërguara   kthyer',
    );
    const long = 'Përgjigjet e institucioneve ndaj referimeve';
    expect(sheetName(long, taken)).toBe(long.slice(0, 31));
    expect(sheetName(long, taken)).toBe(`${long.slice(0, 27)} (2)`);
    expect(sheetName('  ', taken)).toBe('Sheet');
  });

  it('keeps text that looks like a formula as text, and numbers as numbers', async () => {
    const buffer = await xlsxWorkbook(
      [
        {
          name: 'Data',
          columns: [
            { header: 'Label', kind: 'text' },
            { header: 'Value', kind: 'count' },
          ],
          rows: [
            ['=HYPERLINK("http://x","y")', 1234],
            ['Çështje ë š ž', null],
          ],
          frozenColumns: 1,
        },
      ],
      { creator: 'PMD', created: new Date('2026-01-01T00:00:00Z') },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data')!;
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://x","y")');
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect(sheet.getCell('B2').value).toBe(1234);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('A3').value).toBe('Çështje ë š ž');
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });
});
