import { CsvSyntaxError, csvLine, isContactEmail, isContactPhone, parseCsv } from '@app/core';
import { isCalendarDate } from '../../referrals/domain/referral-rules';
import { CONTACT_POINT_KEY } from './contact-point-rules';

/** The columns of a directory CSV, in order (export and import alike). */
export const DIRECTORY_COLUMNS = [
  'key',
  'institution',
  'municipality',
  'unit',
  'email',
  'phone',
  'active_from',
  'active_to',
] as const;

/** The columns of the reference data CSV (export only). */
export const TAXONOMY_COLUMNS = [
  'kind',
  'code',
  'label_sq',
  'label_sr',
  'label_en',
  'label_rom',
  'active',
  'sort_order',
] as const;

export interface DirectoryRow {
  key: string;
  institutionCode: string;
  municipalityCode: string | null;
  unit: string;
  email: string;
  phone: string | null;
  activeFrom: string;
  activeTo: string | null;
}

export type DirectoryImportProblemCode =
  | 'encoding'
  | 'syntax'
  | 'empty'
  | 'header'
  | 'field_count'
  | 'key_invalid'
  | 'key_repeated'
  | 'institution_unknown'
  | 'municipality_unknown'
  | 'unit_invalid'
  | 'email_invalid'
  | 'phone_invalid'
  | 'active_from_invalid'
  | 'active_to_invalid'
  | 'window_invalid';

export interface DirectoryImportProblem {
  line: number;
  column?: string;
  code: DirectoryImportProblemCode;
}

export interface DirectoryCodes {
  isInstitution(code: string): boolean;
  isMunicipality(code: string): boolean;
}

/** The directory as CSV, a header row first. */
export function directoryCsv(rows: readonly DirectoryRow[]): string {
  return (
    csvLine([...DIRECTORY_COLUMNS]) +
    rows
      .map((r) =>
        csvLine([
          r.key,
          r.institutionCode,
          r.municipalityCode,
          r.unit,
          r.email,
          r.phone,
          r.activeFrom,
          r.activeTo,
        ]),
      )
      .join('')
  );
}

/** A cell as written by `csvField`: the apostrophe that defused a formula-like text is taken off. */
function cell(value: string | undefined): string {
  const text = (value ?? '').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * Reads a directory CSV as a whole: every problem with its line (1 = the header), or the rows
 * when there is none. Nothing of a file with a problem is to be written.
 */
export function readDirectoryCsv(
  text: string,
  codes: DirectoryCodes,
  maxRows = Infinity,
): { rows: DirectoryRow[]; problems: DirectoryImportProblem[]; tooManyRows?: number } {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { rows: [], problems: [{ line: error.line, code: 'syntax' }] };
    }
    throw error;
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 1, code: 'empty' }] };
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  if (header.join(',') !== DIRECTORY_COLUMNS.join(',')) {
    return { rows: [], problems: [{ line: 1, code: 'header' }] };
  }
  if (records.length === 1) return { rows: [], problems: [{ line: 2, code: 'empty' }] };
  // Not read further: the file is refused as a whole for its size.
  if (records.length - 1 > maxRows) {
    return { rows: [], problems: [], tooManyRows: records.length - 1 };
  }
  const rows: DirectoryRow[] = [];
  const problems: DirectoryImportProblem[] = [];
  const keys = new Set<string>();
  for (const { line, fields } of records.slice(1)) {
    if (fields.length !== DIRECTORY_COLUMNS.length) {
      problems.push({ line, code: 'field_count' });
      continue;
    }
    const [key, institution, municipality, unit, email, phone, from, to] = fields.map(cell);
    const found: DirectoryImportProblem[] = [];
    const problem = (column: string, code: DirectoryImportProblemCode) =>
      found.push({ line, column, code });
    if (!CONTACT_POINT_KEY.test(key)) problem('key', 'key_invalid');
    else if (keys.has(key)) problem('key', 'key_repeated');
    keys.add(key);
    if (!codes.isInstitution(institution)) problem('institution', 'institution_unknown');
    if (municipality && !codes.isMunicipality(municipality)) {
      problem('municipality', 'municipality_unknown');
    }
    if ([...unit].length < 2 || [...unit].length > 200) problem('unit', 'unit_invalid');
    if (!isContactEmail(email)) problem('email', 'email_invalid');
    if (phone && !isContactPhone(phone)) problem('phone', 'phone_invalid');
    if (!isCalendarDate(from)) problem('active_from', 'active_from_invalid');
    if (to && !isCalendarDate(to)) problem('active_to', 'active_to_invalid');
    else if (to && isCalendarDate(from) && to < from) problem('active_to', 'window_invalid');
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    rows.push({
      key,
      institutionCode: institution,
      municipalityCode: municipality || null,
      unit,
      email,
      phone: phone || null,
      activeFrom: from,
      activeTo: to || null,
    });
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
}
