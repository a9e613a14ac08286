import { DIRECTORY_COLUMNS, DirectoryRow, directoryCsv, readDirectoryCsv } from './directory-csv';
import { isActiveOn, offerOrder } from './contact-point-rules';

const CODES = {
  isInstitution: (code: string) => ['ministry_education', 'kosovo_police'].includes(code),
  isMunicipality: (code: string) => ['prizren', 'gjakove'].includes(code),
};

const ROWS: DirectoryRow[] = [
  {
    key: 'moe.prizren',
    institutionCode: 'ministry_education',
    municipalityCode: 'prizren',
    unit: 'Department of Education, "Prizren"\nsecond floor',
    email: 'education.prizren@example.org',
    phone: '+383 29 000 111',
    activeFrom: '2026-01-01',
    activeTo: null,
  },
  {
    key: 'police',
    institutionCode: 'kosovo_police',
    municipalityCode: null,
    unit: '=HYPERLINK("http://x")',
    email: 'police@example.org',
    phone: null,
    activeFrom: '2025-01-01',
    activeTo: '2026-12-31',
  },
];

describe('the directory CSV', () => {
  it('writes RFC 4180 with a header, quotes where needed and defuses formulas, and reads back the same', () => {
    const csv = directoryCsv(ROWS);
    expect(csv.split('\r\n')[0]).toBe(DIRECTORY_COLUMNS.join(','));
    expect(csv).toContain('"Department of Education, ""Prizren""\nsecond floor"');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(readDirectoryCsv(csv, CODES)).toEqual({ rows: ROWS, problems: [] });
  });

  it('names every problem with its line and writes none of the rows', () => {
    const csv = [
      DIRECTORY_COLUMNS.join(','),
      'ok,ministry_education,,Desk,desk@example.org,,2026-01-01,',
      'Bad Key,atlantis,nowhere,x,not-mail,call me,2026-13-01,yesterday',
      'ok,ministry_education,,Desk,desk@example.org,,2026-01-01,2025-12-31',
      'short,row',
    ].join('\n');
    const { rows, problems } = readDirectoryCsv(csv, CODES);
    expect(rows).toEqual([]);
    expect(problems.map((p) => `${p.line}:${p.code}`)).toEqual([
      '3:key_invalid',
      '3:institution_unknown',
      '3:municipality_unknown',
      '3:unit_invalid',
      '3:email_invalid',
      '3:phone_invalid',
      '3:active_from_invalid',
      '3:active_to_invalid',
      '4:key_repeated',
      '4:window_invalid',
      '5:field_count',
    ]);
  });

  it('refuses a file without the header, an empty one and broken quoting', () => {
    expect(readDirectoryCsv('', CODES).problems).toEqual([{ line: 1, code: 'empty' }]);
    expect(readDirectoryCsv('a,b\n1,2', CODES).problems).toEqual([{ line: 1, code: 'header' }]);
    expect(readDirectoryCsv(`${DIRECTORY_COLUMNS.join(',')}\n`, CODES).problems).toEqual([
      { line: 2, code: 'empty' },
    ]);
    expect(
      readDirectoryCsv(`${DIRECTORY_COLUMNS.join(',')}\nk,"ministry_education`, CODES).problems,
    ).toEqual([{ line: 2, code: 'syntax' }]);
  });
});

describe('contact points offered to a referral', () => {
  it('are those inside their window of days', () => {
    const point = { activeFrom: '2026-01-01', activeTo: '2026-06-30' };
    expect(isActiveOn(point, '2025-12-31')).toBe(false);
    expect(isActiveOn(point, '2026-01-01')).toBe(true);
    expect(isActiveOn(point, '2026-06-30')).toBe(true);
    expect(isActiveOn(point, '2026-07-01')).toBe(false);
    expect(isActiveOn({ ...point, activeTo: null }, '2099-01-01')).toBe(true);
  });

  it('come with the case’s municipality first, then the institution-wide ones', () => {
    const points = [
      { unit: 'Gjakovë office', municipalityCode: 'gjakove' },
      { unit: 'Central office', municipalityCode: null },
      { unit: 'Prizren office', municipalityCode: 'prizren' },
    ];
    expect(offerOrder(points, 'prizren').map((p) => p.unit)).toEqual([
      'Prizren office',
      'Central office',
      'Gjakovë office',
    ]);
  });
});
