import { installationDate } from '@app/core';
import { ImportCodes } from './import-format';
import { readCsvImport, readJsonImport } from './import-reading';
import { parseImportInstant, validateImport } from './import-validation';

const KNOWN: Record<string, string[]> = {
  community: ['roma', 'ashkali'],
  area: ['education', 'health'],
  ground: ['segregation', 'harassment'],
  municipality: ['prizren', 'peje'],
  gender: ['female', 'male'],
  age_group: ['age_18_35'],
  reporter_role: ['victim'],
  perpetrator_kind: ['school'],
  institution: ['ombudsperson', 'municipality'],
  closure_reason: ['duplicate', 'withdrawn'],
};
const codes: ImportCodes = { isKnown: (kind, code) => KNOWN[kind]?.includes(code) ?? false };
const NOW = new Date('2026-06-01T10:00:00Z');
const HEADER =
  'original_reference,submitted_at,community,primary_area,grounds,municipality,gender,age_group,reporter_role,perpetrator_kind,status,outcome_date,closure_reason,referral_institutions';

describe('import format', () => {
  it('reads dates: with an offset, in the installation’s time zone without one, and a date alone as midday in Kosovo', () => {
    expect(parseImportInstant('2024-12-31T23:30:00+01:00')?.toISOString()).toBe(
      '2024-12-31T22:30:00.000Z',
    );
    expect(parseImportInstant('2024-12-31T23:30:00Z')?.toISOString()).toBe(
      '2024-12-31T23:30:00.000Z',
    );
    expect(parseImportInstant('2024-12-31 23:30')?.toISOString()).toBe('2024-12-31T22:30:00.000Z');
    expect(parseImportInstant('2024-07-01T08:00:00')?.toISOString()).toBe(
      '2024-07-01T06:00:00.000Z',
    );
    const dateOnly = parseImportInstant('2024-12-31')!;
    expect(installationDate(dateOnly)).toBe('2024-12-31');
    expect(parseImportInstant('2024-02-30')).toBeNull();
    expect(parseImportInstant('31.12.2024')).toBeNull();
  });

  it('counts a reporter role or perpetrator kind the earlier platform did not record as not recorded', () => {
    const header =
      'original_reference,submitted_at,community,primary_area,grounds,municipality,status';
    const csv = [header, 'OLD-9,2022-03-03,roma,education,segregation,prizren,submitted'].join(
      '\n',
    );
    const result = validateImport(readCsvImport(csv, null), codes, NOW);
    expect(result.problems).toEqual([]);
    expect(result.cases[0]).toMatchObject({
      reporterRole: 'not_recorded',
      perpetratorKind: 'not_recorded',
      gender: null,
    });
    const unknown = validateImport(
      readCsvImport(
        `${HEADER}\nOLD-8,2022-03-03,roma,education,segregation,prizren,,,judge,,submitted,,,`,
        null,
      ),
      codes,
      NOW,
    );
    expect(unknown.problems).toEqual([
      { source: 'cases', line: 2, column: 'reporter_role', code: 'unknown_code' },
    ]);
  });

  it('accepts valid lines and gives their statistical year in the installation’s time zone', () => {
    const csv = [
      HEADER,
      'OLD-1,2024-12-31T23:30:00+01:00,roma,education,segregation;harassment,prizren,,,victim,school,resolved,2025-02-01,,',
      'OLD-2,2024-12-31T23:30:00Z,ashkali,health,harassment,peje,female,age_18_35,victim,school,closed,2025-01-05,duplicate,',
      'OLD-3,2023-05-05,roma,health,segregation,peje,,,victim,school,referred,,,ombudsperson',
    ].join('\n');
    const result = validateImport(
      readCsvImport(csv, 'year,meetings_held\n2023,4\n2024,6\n'),
      codes,
      NOW,
    );
    expect(result.problems).toEqual([]);
    expect(result.cases.map((c) => [c.originalReference, c.year, c.status])).toEqual([
      ['OLD-1', 2024, 'resolved'],
      ['OLD-2', 2025, 'closed'],
      ['OLD-3', 2023, 'referred'],
    ]);
    expect(result.cases[0].grounds).toEqual(['segregation', 'harassment']);
    expect(result.cases[1].closureReason).toBe('duplicate');
    expect(result.meetings).toEqual([
      { line: 2, year: 2023, held: 4 },
      { line: 3, year: 2024, held: 6 },
    ]);
  });

  it('reports every bad line with its number and reason', () => {
    const csv = [
      HEADER,
      'OLD-1,2024-01-10,roma,education,segregation,prizren,,,victim,school,resolved,2024-02-01,,',
      'OLD-1,2024-01-10,roma,education,segregation,prizren,,,victim,school,submitted,,,',
      ',2024-13-10,martian,education,,prizren,,,victim,school,resolved,,,',
      'OLD-4,2027-01-01,roma,education,segregation,prizren,,,victim,school,closed,2026-01-01,bored,',
      'OLD-5,2024-01-10,roma,education,segregation,prizren,,,victim,school,referred,,,',
      'OLD-6,2024-01-10,roma,education,segregation,prizren,,,victim,school,open,2024-01-01,duplicate,',
      'OLD-7,2024-01-10,roma',
    ].join('\r\n');
    const { problems, cases } = validateImport(
      readCsvImport(csv, 'year,meetings_held\n2024,x\n2024,3\n'),
      codes,
      NOW,
    );
    expect(cases.map((c) => c.originalReference)).toEqual(['OLD-1']);
    expect(problems.map((p) => `${p.source}:${p.line}:${p.column ?? ''}:${p.code}`)).toEqual([
      'cases:3:original_reference:duplicate_reference',
      'cases:4:original_reference:required',
      'cases:4:submitted_at:invalid_date',
      'cases:4:community:unknown_code',
      'cases:4:grounds:required',
      'cases:4:outcome_date:outcome_date_required',
      'cases:5:submitted_at:in_future',
      'cases:5:outcome_date:before_submission',
      'cases:5:closure_reason:unknown_code',
      'cases:6:referral_institutions:referral_required',
      'cases:7:status:invalid_status',
      'cases:7:outcome_date:outcome_date_not_allowed',
      'cases:7:closure_reason:closure_reason_not_allowed',
      'cases:8::field_count',
      'meetings:2:meetings_held:invalid_number',
      'meetings:3:year:duplicate_year',
    ]);
  });

  it('refuses a header with unknown or missing columns', () => {
    const { problems } = validateImport(
      readCsvImport('original_reference,colour\nX,red\n', null),
      codes,
      NOW,
    );
    expect(problems.map((p) => `${p.column}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'colour:unknown_column',
        'submitted_at:missing_column',
        'status:missing_column',
      ]),
    );
  });

  it('reads the JSON form with lists as arrays and numbers items from 1', () => {
    const raw = readJsonImport({
      cases: [
        {
          original_reference: 'J-1',
          submitted_at: '2024-03-03T10:00:00Z',
          community: 'roma',
          primary_area: 'health',
          grounds: ['segregation'],
          municipality: 'peje',
          reporter_role: 'victim',
          perpetrator_kind: 'school',
          status: 'not_discrimination',
          outcome_date: '2024-04-03',
          referral_institutions: [],
        },
        { original_reference: 'J-2', colour: 'red' },
      ],
      meetings: [{ year: 2024, meetings_held: 5 }],
    });
    const result = validateImport(raw, codes, NOW);
    expect(result.cases.map((c) => c.originalReference)).toEqual(['J-1']);
    expect(result.meetings).toEqual([{ line: 1, year: 2024, held: 5 }]);
    expect(result.problems.map((p) => `${p.line}:${p.column}:${p.code}`)).toEqual([
      '2:colour:unknown_column',
    ]);
  });
});
