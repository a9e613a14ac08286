import { CsvRecord, CsvSyntaxError, parseCsv } from './csv';
import {
  CASE_COLUMNS,
  ImportProblem,
  ImportSource,
  MEETING_COLUMNS,
  REQUIRED_CASE_COLUMNS,
  RawImport,
  RawRecord,
} from './import-format';

/** Reading an import (CSV files or the JSON form) into records of text fields, unchecked. */

function recordsFromCsv(
  source: ImportSource,
  text: string,
  columns: readonly string[],
  required: readonly string[],
  problems: ImportProblem[],
): RawRecord[] {
  let rows: CsvRecord[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      problems.push({ source, line: error.line, column: null, code: 'csv_syntax' });
      return [];
    }
    throw error;
  }
  if (rows.length === 0) return [];
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  let headerOk = true;
  for (const name of header) {
    if (!columns.includes(name)) {
      problems.push({ source, line: rows[0].line, column: name, code: 'unknown_column' });
      headerOk = false;
    }
  }
  for (const name of required) {
    if (!header.includes(name)) {
      problems.push({ source, line: rows[0].line, column: name, code: 'missing_column' });
      headerOk = false;
    }
  }
  if (!headerOk) return [];
  const records: RawRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length !== header.length) {
      problems.push({ source, line: row.line, column: null, code: 'field_count' });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = row.fields[i]));
    records.push({ line: row.line, values });
  }
  return records;
}

/** Reads the CSV files (either may be absent). */
export function readCsvImport(casesCsv: string | null, meetingsCsv: string | null): RawImport {
  const problems: ImportProblem[] = [];
  const cases = casesCsv
    ? recordsFromCsv('cases', casesCsv, CASE_COLUMNS, REQUIRED_CASE_COLUMNS, problems)
    : [];
  const meetings = meetingsCsv
    ? recordsFromCsv('meetings', meetingsCsv, MEETING_COLUMNS, MEETING_COLUMNS, problems)
    : [];
  return { cases, meetings, problems };
}

function recordsFromJson(
  source: ImportSource,
  items: unknown,
  columns: readonly string[],
  problems: ImportProblem[],
): RawRecord[] {
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) {
    problems.push({ source, line: 0, column: null, code: 'invalid_type' });
    return [];
  }
  const records: RawRecord[] = [];
  items.forEach((item: unknown, index) => {
    const line = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ source, line, column: null, code: 'invalid_type' });
      return;
    }
    const values: Record<string, string> = {};
    let ok = true;
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      if (!columns.includes(name)) {
        problems.push({ source, line, column: name, code: 'unknown_column' });
        ok = false;
      } else if (value === null || value === undefined) {
        values[name] = '';
      } else if (typeof value === 'string') {
        values[name] = value;
      } else if (typeof value === 'number' && Number.isInteger(value)) {
        values[name] = String(value);
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        values[name] = value.join(';');
      } else {
        problems.push({ source, line, column: name, code: 'invalid_type' });
        ok = false;
      }
    }
    if (ok) records.push({ line, values });
  });
  return records;
}

/** Reads the JSON form: `{ "cases": [ {column: value} ], "meetings": [ {year, meetings_held} ] }`. */
export function readJsonImport(body: unknown): RawImport {
  const problems: ImportProblem[] = [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      cases: [],
      meetings: [],
      problems: [{ source: 'cases', line: 0, column: null, code: 'invalid_type' }],
    };
  }
  const { cases, meetings, ...rest } = body as Record<string, unknown>;
  for (const name of Object.keys(rest)) {
    problems.push({ source: 'cases', line: 0, column: name, code: 'unknown_column' });
  }
  return {
    cases: recordsFromJson('cases', cases, CASE_COLUMNS, problems),
    meetings: recordsFromJson('meetings', meetings, MEETING_COLUMNS, problems),
    problems,
  };
}
