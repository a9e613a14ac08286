import { inflateRawSync } from 'node:zlib';
import { xlsxWorkbook, zip } from './xlsx';

/** Reads a ZIP archive back through its central directory. */
function unzip(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const offset = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const localNameLength = archive.readUInt16LE(offset + 26);
    const data = archive.subarray(
      offset + 30 + localNameLength,
      offset + 30 + localNameLength + size,
    );
    files.set(name, inflateRawSync(data).toString('utf8'));
    at += 46 + nameLength;
  }
  return files;
}

describe('XLSX export', () => {
  it('is a ZIP whose entries inflate back to their content', () => {
    const archive = zip([
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'dir/b.txt', data: Buffer.from('ëç šž') },
    ]);
    expect(archive.subarray(0, 2).toString()).toBe('PK');
    expect([...unzip(archive)]).toEqual([
      ['a.txt', 'hello'],
      ['dir/b.txt', 'ëç šž'],
    ]);
  });

  it('holds the OOXML parts and the cells: numbers as numbers, text escaped and never a formula', () => {
    const files = unzip(
      xlsxWorkbook([
        {
          name: 'Statistics',
          rows: [
            ['year', 'value'],
            [2025, 12],
            ['<3 & "x"', '=1+1'],
            [null, 0],
          ],
        },
      ]),
    );
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A2"><v>2025</v></c><c r="B2"><v>12</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">&lt;3 &amp; &quot;x&quot;</t>');
    expect(sheet).toContain(
      '<c r="B3" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>',
    );
    expect(sheet).toContain('<row r="4"><c r="B4"><v>0</v></c></row>');
    expect(files.get('xl/workbook.xml')).toContain(
      '<sheet name="Statistics" sheetId="1" r:id="rId1"/>',
    );
  });
});
