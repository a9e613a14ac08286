import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FINAL_STATUSES } from '../../workflow/domain/case-status.machine';

/** The final statuses as an SQL list; they are fixed identifiers of the machine, not input. */
const OUTCOMES = `(${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/** Table names are the caller's constants, never input: they are checked all the same. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return name;
}

/**
 * One row of the case facts table: a count of cases (or grounds, outcomes, referrals) in a
 * year and scope (community `co`, area `ar`, municipality `mu`), for one statistics cell.
 */
export interface CaseFactRow {
  year: number;
  co: string;
  ar: string;
  mu: string;
  dimension: string;
  key: string;
  metric: string;
  value: string;
}

/** One row of the case outcomes table: a decided case's latest outcome, from its history. */
export interface CaseOutcomeRow {
  case_id: string;
  outcome: string;
  closure_reason: string | null;
  decided_at: Date;
  year: number;
  co: string;
  ar: string;
  mu: string;
  days: number;
}

export interface CaseFactTables {
  /** The time zone of the statistical year. */
  timeZone: string;
  /** Temporary table to create with the `CaseFactRow` columns. */
  factsTable: string;
  /** Temporary table to create with the `CaseOutcomeRow` columns. */
  outcomesTable: string;
  /**
   * The caller's table of further (case_id, institution_code) referrals (imported ones), counted
   * with the case's own in the `institution` dimension, each pair once.
   */
  extraReferralsTable: string;
}

/** Referrals still unanswered past their due date, by year sent and institution. */
export interface OverdueReferralCount {
  year: number;
  institutionCode: string;
  count: number;
}

/**
 * What the statistics lib reads of cases (cases, grounds, history, referrals): the facts it
 * counts, aggregated here so the cases tables are read only by their own lib.
 */
@Injectable()
export class CaseStatisticsSource {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates two temporary tables in the caller's transaction: every case fact aggregated by
   * year and the three scope fields (a few thousand groups whatever the number of cases), and
   * each decided case's latest outcome.
   */
  async createFactTables(manager: EntityManager, tables: CaseFactTables): Promise<void> {
    const tz = [tables.timeZone];
    await manager.query(
      `CREATE TEMP TABLE ${identifier(tables.factsTable)} AS ${factsSql(identifier(tables.extraReferralsTable))}`,
      tz,
    );
    await manager.query(
      `CREATE TEMP TABLE ${identifier(tables.outcomesTable)} AS ${OUTCOMES_SQL}`,
      tz,
    );
  }

  /**
   * Referrals unanswered past `today` sent in the years `from`..`to` (in `timeZone`), of cases
   * in the filter's community, area and municipality (each when given).
   */
  async overdueReferrals(query: {
    timeZone: string;
    today: string;
    from: number;
    to: number;
    community?: string | null;
    area?: string | null;
    municipality?: string | null;
  }): Promise<OverdueReferralCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT extract(year FROM r.sent_at AT TIME ZONE $1)::int AS year, r.institution_code, count(*)::int AS n
         FROM case_referrals r JOIN cases c ON c.id = r.case_id
        WHERE r.status IN ('sent', 'overdue') AND r.response_due_date < $2::date
          AND r.sent_at >= make_timestamptz($3, 1, 1, 0, 0, 0, $1)
          AND r.sent_at < make_timestamptz($4 + 1, 1, 1, 0, 0, 0, $1)
          AND ($5::text IS NULL OR c.community = $5)
          AND ($6::text IS NULL OR c.primary_area = $6)
          AND ($7::text IS NULL OR c.municipality = $7)
        GROUP BY 1, 2`,
      [
        query.timeZone,
        query.today,
        query.from,
        query.to,
        query.community ?? null,
        query.area ?? null,
        query.municipality ?? null,
      ],
    )) as { year: number; institution_code: string; n: number }[];
    return rows.map((r) => ({ year: r.year, institutionCode: r.institution_code, count: r.n }));
  }
}

/** `$1` is the time zone of the statistical year. */
function factsSql(extraReferrals: string): string {
  return `
  WITH by_case_field AS (
    -- One pass over the cases, one hash table per breakdown (grouping sets).
    SELECT year, community AS co, primary_area AS ar, municipality AS mu,
           gender, age_group, reporter_role, perpetrator_kind, status, closure_reason,
           GROUPING(gender, age_group, reporter_role, perpetrator_kind, status, closure_reason) AS g,
           count(*)::bigint AS value
      FROM cases
     GROUP BY GROUPING SETS (
       (year, community, primary_area, municipality),
       (year, community, primary_area, municipality, gender),
       (year, community, primary_area, municipality, age_group),
       (year, community, primary_area, municipality, reporter_role),
       (year, community, primary_area, municipality, perpetrator_kind),
       (year, community, primary_area, municipality, status, closure_reason)
     )
  )
    SELECT f.year, f.co, f.ar, f.mu, d.dimension, d.key, d.metric, sum(f.value)::bigint AS value
      FROM by_case_field f
      CROSS JOIN LATERAL (VALUES
        -- g is a bit mask of the columns NOT grouped: gender 32, age 16, role 8, kind 4, status 2, reason 1.
        (CASE WHEN f.g = 63 THEN 'total' END, 'all', 'reported'),
        (CASE WHEN f.g = 63 THEN 'community' END, f.co, 'reported'),
        (CASE WHEN f.g = 63 THEN 'area' END, f.ar, 'reported'),
        (CASE WHEN f.g = 63 THEN 'municipality' END, f.mu, 'reported'),
        (CASE WHEN f.g = 31 THEN 'gender' END, coalesce(f.gender, 'not_stated'), 'reported'),
        (CASE WHEN f.g = 47 THEN 'age_group' END, coalesce(f.age_group, 'not_stated'), 'reported'),
        (CASE WHEN f.g = 55 THEN 'reporter_role' END, f.reporter_role, 'reported'),
        (CASE WHEN f.g = 59 THEN 'perpetrator_kind' END, f.perpetrator_kind, 'reported'),
        (CASE WHEN f.g = 60 THEN 'status' END, f.status, 'current'),
        (CASE WHEN f.g = 60 AND f.status = 'closed' THEN 'closure_reason' END,
         coalesce(f.closure_reason, 'unspecified'), 'current')
      ) AS d(dimension, key, metric)
     WHERE d.dimension IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT c.year, c.community, c.primary_area, c.municipality, 'ground', g.ground, 'reported', count(*)
      FROM case_grounds g JOIN cases c ON c.id = g.case_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT extract(year FROM h.at AT TIME ZONE $1)::int, c.community, c.primary_area, c.municipality,
           'outcome', h.to_status, 'decided', count(*)
      FROM case_history h JOIN cases c ON c.id = h.case_id
     WHERE h.to_status IN ${OUTCOMES} AND h.from_status IS DISTINCT FROM h.to_status
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT c.year, c.community, c.primary_area, c.municipality, 'institution', r.institution_code,
           'reported', count(*)
      FROM (SELECT case_id, institution_code FROM case_referrals
            UNION SELECT case_id, institution_code FROM ${extraReferrals}) r
      JOIN cases c ON c.id = r.case_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT extract(year FROM r.sent_at AT TIME ZONE $1)::int, c.community, c.primary_area,
           c.municipality, 'referral', r.institution_code, m.metric, count(*)
      FROM case_referrals r JOIN cases c ON c.id = r.case_id
      CROSS JOIN LATERAL (VALUES
        ('sent'),
        (CASE WHEN r.answered_at IS NULL THEN NULL
              WHEN (r.answered_at AT TIME ZONE $1)::date <= r.response_due_date THEN 'answered_on_time'
              ELSE 'answered_late' END),
        (r.answer_outcome)
      ) AS m(metric)
     WHERE m.metric IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** Each decided case's latest outcome, from its history. `$1` is the time zone. */
const OUTCOMES_SQL = `
  SELECT DISTINCT ON (c.id) c.id AS case_id, c.status AS outcome,
         CASE WHEN c.status = 'closed' THEN c.closure_reason END AS closure_reason,
         h.at AS decided_at, c.year, c.community AS co, c.primary_area AS ar, c.municipality AS mu,
         greatest(0, (h.at AT TIME ZONE $1)::date - (c.submitted_at AT TIME ZONE $1)::date) AS days
    FROM cases c
    JOIN case_history h ON h.case_id = c.id AND h.to_status = c.status
                       AND h.from_status IS DISTINCT FROM h.to_status
   WHERE c.status IN ${OUTCOMES}
   ORDER BY c.id, h.at DESC, h.id DESC`;
