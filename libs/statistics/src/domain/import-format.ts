/**
 * The import of cases from the earlier platform (docs/import-format.md). Everything is checked
 * before anything is written: the result is either the whole list of valid records or every
 * problem with its line (CSV; 1 is the header) or item number (JSON, from 1).
 */

export const CASE_COLUMNS = [
  'original_reference',
  'submitted_at',
  'community',
  'primary_area',
  'grounds',
  'municipality',
  'gender',
  'age_group',
  'reporter_role',
  'perpetrator_kind',
  'incident_date',
  'status',
  'outcome_date',
  'closure_reason',
  'referral_institutions',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const REQUIRED_CASE_COLUMNS: readonly CaseColumn[] = [
  'original_reference',
  'submitted_at',
  'community',
  'primary_area',
  'grounds',
  'municipality',
  'status',
];

export const MEETING_COLUMNS = ['year', 'meetings_held'] as const;

/** Statuses an imported case may have; `assigned` and `technical_group` need a person here. */
export const IMPORT_STATUSES = [
  'submitted',
  'in_review',
  'referred',
  'resolved',
  'not_discrimination',
  'closed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const MAX_IMPORT_ROWS = 50_000;

export interface ImportedCase {
  line: number;
  originalReference: string;
  submittedAt: Date;
  /** Statistical year (the installation's time zone). */
  year: number;
  community: string;
  primaryArea: string;
  municipality: string;
  gender: string | null;
  ageGroup: string | null;
  reporterRole: string;
  perpetratorKind: string;
  grounds: string[];
  incidentDate: string;
  status: ImportStatus;
  outcomeAt: Date | null;
  closureReason: string | null;
  referralInstitutions: string[];
}

export interface ImportedMeetings {
  line: number;
  year: number;
  held: number;
}

export type ImportSource = 'cases' | 'meetings';

/** Reasons a record is refused; each has a message `statistics.import.problem.<code>`. */
export type ImportProblemCode =
  | 'csv_syntax'
  | 'missing_column'
  | 'unknown_column'
  | 'field_count'
  | 'required'
  | 'invalid_type'
  | 'too_long'
  | 'unknown_code'
  | 'invalid_status'
  | 'invalid_date'
  | 'in_future'
  | 'before_submission'
  | 'outcome_date_required'
  | 'outcome_date_not_allowed'
  | 'closure_reason_not_allowed'
  | 'referral_required'
  | 'duplicate_reference'
  | 'invalid_number'
  | 'duplicate_year'
  | 'too_many_rows'
  | 'nothing_to_import';

export interface ImportProblem {
  source: ImportSource;
  /** CSV line (1 = header) or JSON item number (from 1); 0 for the file as a whole. */
  line: number;
  column: string | null;
  code: ImportProblemCode;
}

/** Which taxonomy codes exist (the taxonomy snapshot answers it). */
export interface ImportCodes {
  isKnown(
    kind:
      | 'community'
      | 'area'
      | 'ground'
      | 'municipality'
      | 'gender'
      | 'age_group'
      | 'reporter_role'
      | 'perpetrator_kind'
      | 'institution'
      | 'closure_reason',
    code: string,
  ): boolean;
}

/** A record as text fields by column, from CSV or JSON alike. */
export interface RawRecord {
  line: number;
  values: Partial<Record<string, string>>;
}

export interface RawImport {
  cases: RawRecord[];
  meetings: RawRecord[];
  problems: ImportProblem[];
}
