import { HIDDEN } from './disclosure-control';
import type { RegionalReport, ReportCell } from './regional-report';
import type { ReportProblem } from './regional-report-validation';

/** A checked report and the name of the file it came from. */
export interface NamedReport {
  file: string;
  report: RegionalReport;
}

/** One figure of a report as a row of the comparison; sections are those of the yearly figures. */
export interface ReportRow {
  section: string;
  code: string;
  value: ReportCell | null;
  /** Whether the figure adds up across countries (a median does not). */
  additive: boolean;
}

export interface ComparisonRow {
  section: string;
  code: string;
  /** Per country, in the order of `countries`; null where the country reports no such figure. */
  values: (ReportCell | null)[];
  /** The region: the sum where every country's figure is published, hidden otherwise. */
  total: ReportCell | null;
}

export interface ComparisonYear {
  year: number;
  rows: ComparisonRow[];
}

export interface ComparisonSource {
  file: string;
  country: string;
  year: number;
  status: 'published' | 'provisional';
  threshold: number;
}

export interface RegionalComparison {
  countries: { code: string; name: string }[];
  years: ComparisonYear[];
  sources: ComparisonSource[];
}

/** A year's figures flattened, in the order the comparison lists them. */
export function reportRows(report: RegionalReport): ReportRow[] {
  const rows: ReportRow[] = [];
  const add = (section: string, code: string, value: ReportCell | null, additive = true) =>
    rows.push({ section, code, value, additive });
  const record = (section: string, values: Record<string, ReportCell>) => {
    for (const [code, value] of Object.entries(values)) add(section, code, value);
  };
  add('reported', 'all', report.casesReported);
  record('status', report.casesByStatus);
  record('closed_by_reason', report.closedByReason);
  record('decided', report.outcomes);
  record('community', report.communities);
  record('area', report.areasOfLife);
  record('ground', report.grounds);
  record('gender', report.gender);
  record('age_group', report.ageGroup);
  record('reporter_role', report.reporterRole);
  record('perpetrator_kind', report.respondentKind);
  for (const [kind, figures] of Object.entries(report.referrals)) {
    for (const [measure, value] of Object.entries(figures)) {
      add(`referrals.${measure}`, kind, value as ReportCell);
    }
  }
  add('meetings_held', 'all', report.meetings.held);
  add('median_days_to_outcome', 'all', report.timeliness.medianDaysToOutcome, false);
  return rows;
}

/** Two files for the same country and year: the comparison would count that year twice. */
export function duplicateReports(reports: readonly NamedReport[]): Map<string, ReportProblem> {
  const seen = new Set<string>();
  const duplicates = new Map<string, ReportProblem>();
  for (const { file, report } of reports) {
    const key = `${report.country.code}:${report.year}`;
    if (seen.has(key)) duplicates.set(file, { path: '', code: 'duplicate_country_year' });
    seen.add(key);
  }
  return duplicates;
}

/**
 * The comparative table: per year, every figure of every country and the regional total.
 *
 * Disclosure control of the total: a total is published only when every country's figure in it
 * is, so each published total is a sum of figures the countries already publish and tells
 * nothing they do not. A total that includes a hidden cell is hidden: otherwise the total minus
 * the other countries' figures would give that cell away. A country that reports no such figure
 * (a community it does not record) adds nothing to the total and shows as empty.
 */
export function compareReports(reports: readonly NamedReport[]): RegionalComparison {
  const countries: { code: string; name: string }[] = [];
  for (const { report } of reports) {
    if (!countries.some((c) => c.code === report.country.code)) countries.push(report.country);
  }
  const years = [...new Set(reports.map((r) => r.report.year))].sort((a, b) => a - b);
  return {
    countries,
    years: years.map((year) => {
      const ofYear = countries.map((country) =>
        reports.find((r) => r.report.year === year && r.report.country.code === country.code),
      );
      const rowsByCountry = ofYear.map((named) => (named ? reportRows(named.report) : []));
      const key = (row: { section: string; code: string }) => `${row.section}\u0000${row.code}`;
      // Figures in the order they first appear; a figure only some countries report comes
      // after the ones before it in the first country that has it.
      const order: ReportRow[] = [];
      const listed = new Set<string>();
      for (const rows of rowsByCountry) {
        for (const row of rows) {
          if (listed.has(key(row))) continue;
          listed.add(key(row));
          order.push(row);
        }
      }
      const sections = [...new Set(order.map((r) => r.section))];
      order.sort((a, b) => sections.indexOf(a.section) - sections.indexOf(b.section));
      const lookup = rowsByCountry.map((rows) => new Map(rows.map((row) => [key(row), row])));
      return {
        year,
        rows: order.map((row) => {
          const values = lookup.map((rows) => rows.get(key(row))?.value ?? null);
          return {
            section: row.section,
            code: row.code,
            values,
            total: row.additive ? regionalTotal(values) : null,
          };
        }),
      };
    }),
    sources: reports.map(({ file, report }) => ({
      file,
      country: report.country.code,
      year: report.year,
      status: report.publication.status,
      threshold: report.disclosureControl.threshold,
    })),
  };
}

function regionalTotal(values: readonly (ReportCell | null)[]): ReportCell | null {
  if (values.every((v) => v === null)) return null;
  let sum = 0;
  for (const value of values) {
    if (value === null) continue;
    if (value === HIDDEN) return HIDDEN;
    sum += value;
  }
  return sum;
}
