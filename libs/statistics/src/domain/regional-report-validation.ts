import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
// The published schema is the one the code checks against: one file, no copy to drift.
import REGIONAL_REPORT_SCHEMA_V1 from '../../../../docs/regional-report/v1/schema.json';
import { HIDDEN } from './disclosure-control';
import type { RegionalReport, ReportCell } from './regional-report';

export { REGIONAL_REPORT_SCHEMA_V1 };

/** Why a regional report file is refused; each has a message `statistics.regional.problem.<code>`. */
export type ReportProblemCode =
  | 'not_json'
  | 'required'
  | 'unknown_field'
  | 'wrong_value'
  | 'small_count_visible'
  | 'duplicate_country_year';

export interface ReportProblem {
  /** JSON pointer of the value in the file (`''` for the whole file). */
  path: string;
  code: ReportProblemCode;
  /** The property concerned (a missing or unknown one), when there is one. */
  property?: string;
}

/** Problems listed per file at most; the first ones are what a person fixes first anyway. */
export const MAX_PROBLEMS_PER_FILE = 20;

let compiled: ValidateFunction<RegionalReport> | undefined;

/** The schema's validator, compiled on the first report checked (not at start-up). */
function schemaValidator(): ValidateFunction<RegionalReport> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile<RegionalReport>(REGIONAL_REPORT_SCHEMA_V1);
  }
  return compiled;
}

function problemOf(error: ErrorObject): ReportProblem {
  const path = error.instancePath;
  if (error.keyword === 'required') {
    return { path, code: 'required', property: String(error.params.missingProperty) };
  }
  if (error.keyword === 'additionalProperties') {
    return { path, code: 'unknown_field', property: String(error.params.additionalProperty) };
  }
  return { path, code: 'wrong_value' };
}

/** Every count cell of a report with its JSON pointer (meetings and timeliness count no person). */
export function reportCounts(report: RegionalReport): [string, ReportCell][] {
  const cells: [string, ReportCell][] = [['/casesReported', report.casesReported]];
  const record = (name: string, values: object) => {
    for (const [code, value] of Object.entries(values)) cells.push([`/${name}/${code}`, value]);
  };
  record('casesByStatus', report.casesByStatus);
  record('closedByReason', report.closedByReason);
  record('outcomes', report.outcomes);
  for (const name of [
    'grounds',
    'areasOfLife',
    'communities',
    'gender',
    'ageGroup',
    'reporterRole',
    'respondentKind',
  ] as const) {
    record(name, report[name]);
  }
  for (const [kind, figures] of Object.entries(report.referrals)) {
    record(`referrals/${kind}`, figures);
  }
  return cells;
}

/**
 * A report file checked: the v1 schema, then the disclosure control it claims (no count above
 * zero and below its threshold may show). The problems, or the report.
 */
export function checkRegionalReport(
  text: string,
): { report: RegionalReport; problems: [] } | { report: null; problems: ReportProblem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { report: null, problems: [{ path: '', code: 'not_json' }] };
  }
  const validate = schemaValidator();
  if (!validate(parsed)) {
    const seen = new Set<string>();
    const problems: ReportProblem[] = [];
    // A value that fits neither branch of a `oneOf` reports each branch and the `oneOf`: one
    // problem per value and kind is what a person needs.
    for (const error of validate.errors ?? []) {
      const problem = problemOf(error);
      const key = `${problem.path}\u0000${problem.code}\u0000${problem.property ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
    return { report: null, problems: problems.slice(0, MAX_PROBLEMS_PER_FILE) };
  }
  const threshold = parsed.disclosureControl.threshold;
  const small = reportCounts(parsed)
    .filter(([, value]) => value !== HIDDEN && value > 0 && value < threshold)
    .map(([path]): ReportProblem => ({ path, code: 'small_count_visible' }));
  if (small.length > 0) return { report: null, problems: small.slice(0, MAX_PROBLEMS_PER_FILE) };
  return { report: parsed, problems: [] };
}
