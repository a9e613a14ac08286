import { FINAL_STATUSES } from '@app/cases';
import { NOT_RECORDED } from './case-deltas';
import { fromInstallationWallClock, installationDate, installationYear } from '@app/core';
import {
  CaseColumn,
  IMPORT_STATUSES,
  ImportCodes,
  ImportProblem,
  ImportProblemCode,
  ImportStatus,
  ImportedCase,
  ImportedMeetings,
  MAX_IMPORT_ROWS,
  RawImport,
} from './import-format';

/** Checking every record of an import (the format is `import-format.ts`). */

const OUTCOMES: readonly string[] = FINAL_STATUSES;
const MAX_REFERENCE_LENGTH = 100;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * An ISO 8601 date-time (with `Z` or an offset; without one, a time in the installation's time
 * zone) or a date alone (midday of that day in the installation's time zone, so the day and the
 * year are never in doubt).
 */
export function parseImportInstant(text: string): Date | null {
  const value = text.trim();
  const date = DATE_ONLY.exec(value);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number);
    return validCalendarDate(y, m, d) ? fromInstallationWallClock(y, m, d, 12, 0, 0) : null;
  }
  const dt = DATE_TIME.exec(value);
  if (!dt) return null;
  const [y, m, d, h, mi] = dt.slice(1, 6).map(Number);
  const s = dt[6] ? Number(dt[6]) : 0;
  const ms = dt[7] ? Number(dt[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (!validCalendarDate(y, m, d) || h > 23 || mi > 59 || s > 59) return null;
  const zone = dt[8];
  if (!zone) return fromInstallationWallClock(y, m, d, h, mi, s, ms);
  const utc = Date.UTC(y, m - 1, d, h, mi, s, ms);
  if (zone === 'Z') return new Date(utc);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  if (Number(digits.slice(2)) > 59) return null;
  return new Date(utc - sign * offset);
}

function list(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

export interface ValidatedImport {
  cases: ImportedCase[];
  meetings: ImportedMeetings[];
  problems: ImportProblem[];
}

/** Checks every record; `now` bounds the dates. */
export function validateImport(raw: RawImport, codes: ImportCodes, now: Date): ValidatedImport {
  const problems = [...raw.problems];
  const cases: ImportedCase[] = [];
  const meetings: ImportedMeetings[] = [];
  if (raw.cases.length + raw.meetings.length > MAX_IMPORT_ROWS) {
    problems.push({ source: 'cases', line: 0, column: null, code: 'too_many_rows' });
    return { cases, meetings, problems };
  }
  const today = installationDate(now);
  const seenReferences = new Set<string>();

  for (const record of raw.cases) {
    const found: ImportProblem[] = [];
    const add = (column: CaseColumn | null, code: ImportProblemCode) =>
      found.push({ source: 'cases', line: record.line, column, code });
    const text = (column: CaseColumn) => (record.values[column] ?? '').trim();
    const required = (column: CaseColumn): string => {
      const value = text(column);
      if (!value) add(column, 'required');
      return value;
    };
    const code = (
      column: CaseColumn,
      kind: Parameters<ImportCodes['isKnown']>[0],
      optional = false,
    ) => {
      const value = optional ? text(column) : required(column);
      if (value && !codes.isKnown(kind, value)) add(column, 'unknown_code');
      return value || null;
    };

    const originalReference = required('original_reference');
    if (originalReference.length > MAX_REFERENCE_LENGTH) add('original_reference', 'too_long');
    else if (originalReference && seenReferences.has(originalReference)) {
      add('original_reference', 'duplicate_reference');
    }
    if (originalReference) seenReferences.add(originalReference);

    let submittedAt: Date | null = null;
    const submittedText = required('submitted_at');
    if (submittedText) {
      submittedAt = parseImportInstant(submittedText);
      if (!submittedAt || installationYear(submittedAt) < 2000) add('submitted_at', 'invalid_date');
      else if (submittedAt.getTime() > now.getTime()) add('submitted_at', 'in_future');
    }

    const community = code('community', 'community');
    const primaryArea = code('primary_area', 'area');
    const municipality = code('municipality', 'municipality');
    const gender = code('gender', 'gender', true);
    const ageGroup = code('age_group', 'age_group', true);
    // The earlier platform did not always record these: a blank is counted as not recorded,
    // never as an invented value.
    const reporterRole = code('reporter_role', 'reporter_role', true) ?? NOT_RECORDED;
    const perpetratorKind = code('perpetrator_kind', 'perpetrator_kind', true) ?? NOT_RECORDED;
    const grounds = list(record.values.grounds);
    if (grounds.length === 0) add('grounds', 'required');
    if (grounds.some((g) => !codes.isKnown('ground', g))) add('grounds', 'unknown_code');
    const institutions = list(record.values.referral_institutions);
    if (institutions.some((i) => !codes.isKnown('institution', i))) {
      add('referral_institutions', 'unknown_code');
    }

    let incidentDate = submittedAt ? installationDate(submittedAt) : '';
    const incidentText = text('incident_date');
    if (incidentText) {
      const match = DATE_ONLY.exec(incidentText);
      if (!match || !validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
        add('incident_date', 'invalid_date');
      } else if (submittedAt && incidentText > installationDate(submittedAt)) {
        add('incident_date', 'in_future');
      } else incidentDate = incidentText;
    }

    const statusText = required('status');
    const status = (IMPORT_STATUSES as readonly string[]).includes(statusText)
      ? (statusText as ImportStatus)
      : null;
    if (statusText && !status) add('status', 'invalid_status');

    let outcomeAt: Date | null = null;
    const outcomeText = text('outcome_date');
    if (status && OUTCOMES.includes(status)) {
      if (!outcomeText) add('outcome_date', 'outcome_date_required');
      else {
        outcomeAt = parseImportInstant(outcomeText);
        if (!outcomeAt) add('outcome_date', 'invalid_date');
        else if (installationDate(outcomeAt) > today) {
          add('outcome_date', 'in_future');
        } else if (submittedAt && installationDate(outcomeAt) < installationDate(submittedAt)) {
          add('outcome_date', 'before_submission');
        }
        // A date alone on the day of submission must not come before the submission time.
        if (outcomeAt && submittedAt && outcomeAt < submittedAt) outcomeAt = submittedAt;
        if (outcomeAt && outcomeAt.getTime() > now.getTime()) outcomeAt = now;
      }
    } else if (outcomeText) add('outcome_date', 'outcome_date_not_allowed');

    const closureText = text('closure_reason');
    let closureReason: string | null = null;
    if (closureText) {
      if (status !== 'closed') add('closure_reason', 'closure_reason_not_allowed');
      else if (!codes.isKnown('closure_reason', closureText)) add('closure_reason', 'unknown_code');
      else closureReason = closureText;
    }
    if (status === 'referred' && institutions.length === 0) {
      add('referral_institutions', 'referral_required');
    }

    if (found.length > 0 || !submittedAt || !status) {
      problems.push(...found);
      continue;
    }
    cases.push({
      line: record.line,
      originalReference,
      submittedAt,
      year: installationYear(submittedAt),
      community: community!,
      primaryArea: primaryArea!,
      municipality: municipality!,
      gender,
      ageGroup,
      reporterRole,
      perpetratorKind,
      grounds,
      incidentDate,
      status,
      outcomeAt,
      closureReason,
      referralInstitutions: institutions,
    });
  }

  const seenYears = new Set<number>();
  const currentYear = installationYear(now);
  for (const record of raw.meetings) {
    let ok = true;
    const add = (column: string | null, code: ImportProblemCode) => {
      problems.push({ source: 'meetings', line: record.line, column, code });
      ok = false;
    };
    const yearText = (record.values.year ?? '').trim();
    const heldText = (record.values.meetings_held ?? '').trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    const held = /^\d{1,5}$/.test(heldText) ? Number(heldText) : null;
    if (!yearText) add('year', 'required');
    else if (year === null || year < 2000 || year > currentYear) add('year', 'invalid_number');
    else if (seenYears.has(year)) add('year', 'duplicate_year');
    if (!heldText) add('meetings_held', 'required');
    else if (held === null) add('meetings_held', 'invalid_number');
    if (year !== null) seenYears.add(year);
    if (ok && year !== null && held !== null) meetings.push({ line: record.line, year, held });
  }

  if (raw.cases.length === 0 && raw.meetings.length === 0 && problems.length === 0) {
    problems.push({ source: 'cases', line: 0, column: null, code: 'nothing_to_import' });
  }
  problems.sort((a, b) =>
    a.source === b.source ? a.line - b.line : a.source === 'cases' ? -1 : 1,
  );
  return { cases, meetings, problems };
}
