import { HIDDEN } from './disclosure-control';
import type { Cell, ReferralFigures, YearFigures } from './yearly-figures';

/**
 * The yearly regional report (docs/regional-report/v1): one installation's anonymised figures
 * of a year in the format every partner of the region publishes, so that countries compare.
 * It is made from the public figures only (see `regionalReport`), never from exact counts.
 */
export const REGIONAL_REPORT_VERSION = '1.0';

/** A count in the report: a number, or the marker of a hidden one. */
export type ReportCell = number | typeof HIDDEN;

/** Kinds of institution a referral goes to: a vocabulary every country maps its own onto. */
export const INSTITUTION_KINDS = [
  'equality_body',
  'ombudsperson',
  'police',
  'prosecution',
  'courts',
  'education',
  'health',
  'social_welfare_and_employment',
  'spatial_planning_and_housing',
  'employment_services',
  'labour_inspection',
  'legal_aid',
  'gender_equality',
  'media_regulator',
  'municipality',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/**
 * Kosovo's referral institutions by kind. The Ombudsperson Institution is Kosovo's equality
 * body under the Law on Protection from Discrimination, so it counts as one; an institution an
 * administrator adds later counts as `other` until it is listed here.
 */
const KIND_OF_INSTITUTION: Readonly<Record<string, InstitutionKind>> = {
  ombudsperson: 'equality_body',
  kosovo_police: 'police',
  state_prosecutor: 'prosecution',
  courts: 'courts',
  ministry_education: 'education',
  ministry_health: 'health',
  ministry_finance_labour_transfers: 'social_welfare_and_employment',
  ministry_environment_spatial_planning: 'spatial_planning_and_housing',
  employment_agency: 'employment_services',
  labour_inspectorate: 'labour_inspection',
  free_legal_aid_agency: 'legal_aid',
  agency_gender_equality: 'gender_equality',
  independent_media_commission: 'media_regulator',
  municipality: 'municipality',
  other: 'other',
};

export function institutionKind(code: string): InstitutionKind {
  return KIND_OF_INSTITUTION[code] ?? 'other';
}

export type ReportCounts = Record<string, ReportCell>;

export interface ReportReferralFigures {
  sent: ReportCell;
  answeredOnTime: ReportCell;
  answeredLate: ReportCell;
  unanswered: ReportCell;
  complied: ReportCell;
  partlyComplied: ReportCell;
  refused: ReportCell;
}

export interface TimelinessStage {
  stage: string;
  targetWorkingDays?: number;
  medianWorkingDays: number | typeof HIDDEN | null;
  p90WorkingDays: number | typeof HIDDEN | null;
  withinTargetShare: number | typeof HIDDEN | null;
}

/** One installation's report of one year, as the v1 schema describes it. */
export interface RegionalReport {
  schemaVersion: string;
  country: { code: string; name: string };
  installation?: string;
  year: number;
  generatedAt: string;
  publication: { status: 'published' | 'provisional'; publishedAt: string | null };
  disclosureControl: { threshold: number; hiddenMarker: typeof HIDDEN };
  casesReported: ReportCell;
  casesByStatus: {
    open: ReportCell;
    referred: ReportCell;
    resolved: ReportCell;
    not_discrimination: ReportCell;
    closed: ReportCell;
  };
  closedByReason: ReportCounts;
  outcomes: {
    total: ReportCell;
    resolved: ReportCell;
    not_discrimination: ReportCell;
    closed: ReportCell;
  };
  grounds: ReportCounts;
  areasOfLife: ReportCounts;
  communities: ReportCounts;
  gender: ReportCounts;
  ageGroup: ReportCounts;
  reporterRole: ReportCounts;
  respondentKind: ReportCounts;
  referrals: Partial<Record<InstitutionKind, ReportReferralFigures>>;
  meetings: { body: string; held: number };
  timeliness: { medianDaysToOutcome: ReportCell | null; stages?: TimelinessStage[] };
}

export interface RegionalReportSource {
  country: { code: string; name: string };
  installation?: string;
  /** The body that reviews cases and refers them (Kosovo: the Technical Group). */
  meetingsBody: string;
  year: number;
  generatedAt: Date;
  /** When the year was published; null while its figures are provisional. */
  publishedAt: string | null;
  threshold: number;
  /** The year's PUBLIC figures: exactly what the public page shows for it. */
  figures: YearFigures<Cell>;
  /** The kind of each referral institution (default: Kosovo's institutions by code). */
  kindOf?: (institution: string) => InstitutionKind;
}

/** A public cell as the report writes it: any hidden marker (old snapshots wrote `<N`) is `x`. */
function cell(value: Cell): ReportCell {
  return typeof value === 'number' ? value : HIDDEN;
}

function counts(record: Record<string, Cell>): ReportCounts {
  return Object.fromEntries(Object.entries(record).map(([code, value]) => [code, cell(value)]));
}

/**
 * The sum of published cells; hidden when any part is hidden. A sum of what the public already
 * reads tells nothing new, whereas protecting the sums afresh could publish a sum that, with the
 * public page's other cells, gives a hidden cell away.
 */
export function sumCells(values: readonly Cell[]): ReportCell {
  let sum = 0;
  for (const value of values) {
    if (typeof value !== 'number') return HIDDEN;
    sum += value;
  }
  return sum;
}

const REFERRAL_MEASURES: readonly (keyof ReferralFigures)[] = [
  'sent',
  'answeredOnTime',
  'answeredLate',
  'unanswered',
  'complied',
  'partlyComplied',
  'refused',
];

function referralsByKind(
  referrals: Record<string, ReferralFigures<Cell>>,
  kindOf: (institution: string) => InstitutionKind,
): Partial<Record<InstitutionKind, ReportReferralFigures>> {
  const byKind = new Map<InstitutionKind, ReferralFigures<Cell>[]>();
  for (const [institution, figures] of Object.entries(referrals)) {
    const kind = kindOf(institution);
    byKind.set(kind, [...(byKind.get(kind) ?? []), figures]);
  }
  const result: Partial<Record<InstitutionKind, ReportReferralFigures>> = {};
  for (const kind of INSTITUTION_KINDS) {
    const parts = byKind.get(kind);
    if (!parts) continue;
    result[kind] = Object.fromEntries(
      REFERRAL_MEASURES.map((measure) => [measure, sumCells(parts.map((p) => p[measure]))]),
    ) as unknown as ReportReferralFigures;
  }
  return result;
}

/**
 * The report of a year from its public figures: the same disclosure control as the public page
 * (the figures come through `StatisticsService.publicYear` or the frozen snapshot), so nothing
 * in the report tells more than the page. Referrals are summed by kind of institution.
 */
export function regionalReport(source: RegionalReportSource): RegionalReport {
  const f = source.figures;
  return {
    schemaVersion: REGIONAL_REPORT_VERSION,
    country: source.country,
    ...(source.installation ? { installation: source.installation } : {}),
    year: source.year,
    generatedAt: source.generatedAt.toISOString(),
    publication: {
      status: source.publishedAt ? 'published' : 'provisional',
      publishedAt: source.publishedAt,
    },
    disclosureControl: { threshold: source.threshold, hiddenMarker: HIDDEN },
    casesReported: cell(f.reported),
    casesByStatus: {
      open: cell(f.status.open),
      referred: cell(f.status.referred),
      resolved: cell(f.status.resolved),
      not_discrimination: cell(f.status.not_discrimination),
      closed: cell(f.status.closed),
    },
    closedByReason: counts(f.closedByReason),
    outcomes: {
      total: cell(f.decided.total),
      resolved: cell(f.decided.resolved),
      not_discrimination: cell(f.decided.not_discrimination),
      closed: cell(f.decided.closed),
    },
    grounds: counts(f.breakdowns.ground),
    areasOfLife: counts(f.breakdowns.area),
    communities: counts(f.breakdowns.community),
    gender: counts(f.breakdowns.gender),
    ageGroup: counts(f.breakdowns.age_group),
    reporterRole: counts(f.breakdowns.reporter_role),
    respondentKind: counts(f.breakdowns.perpetrator_kind),
    referrals: referralsByKind(f.referrals, source.kindOf ?? institutionKind),
    meetings: { body: source.meetingsBody, held: f.meetingsHeld },
    timeliness: {
      medianDaysToOutcome: f.medianDaysToOutcome === null ? null : cell(f.medianDaysToOutcome),
      // The public page's timeliness of the year, as protected (and frozen when published).
      ...(f.timeliness
        ? {
            stages: f.timeliness.map((st) => ({
              stage: st.stage,
              medianWorkingDays: st.median as TimelinessStage['medianWorkingDays'],
              p90WorkingDays: st.p90 as TimelinessStage['p90WorkingDays'],
              withinTargetShare:
                typeof st.withinPercent === 'number'
                  ? st.withinPercent / 100
                  : (st.withinPercent as TimelinessStage['withinTargetShare']),
            })),
          }
        : {}),
    },
  };
}
