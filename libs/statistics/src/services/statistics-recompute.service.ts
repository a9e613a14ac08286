import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FINAL_STATUSES } from '@app/cases';
import { KOSOVO_TIME_ZONE } from '@app/core';

/** The final statuses as an SQL list; they are fixed identifiers of the machine, not input. */
const OUTCOMES = `(${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/** The eight scopes of a row with columns co, ar, mu (see the CreateStatistics migration). */
const SCOPES = `(VALUES (f.co || '|' || f.ar || '|' || f.mu), (f.co || '|' || f.ar || '|*'),
  (f.co || '|*|' || f.mu), (f.co || '|*|*'), ('*|' || f.ar || '|' || f.mu), ('*|' || f.ar || '|*'),
  ('*|*|' || f.mu), ('*|*|*')) AS s(scope)`;

/**
 * Every counter as the cases say it should be (a meeting held counts in the Kosovo year of the
 * day the Group met, its scheduled date, as the meetings lib records it): aggregated first by year and the three scope
 * fields (a few thousand groups whatever the number of cases), then spread over the scopes.
 * `$1` is the time zone of the statistical year.
 */
function expectedCountersSql(withMeetings: boolean): string {
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
  ), facts AS (
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
            UNION SELECT case_id, institution_code FROM stat_imported_referrals) r
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
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  SELECT s.scope, f.year, f.dimension, f.key, f.metric, sum(f.value)::bigint AS value
    FROM facts f CROSS JOIN LATERAL ${SCOPES}
   GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT '*|*|*', m.year, 'meetings', 'all', 'held', sum(m.held)::bigint
    FROM (SELECT year, held::bigint AS held FROM stat_imported_meetings
          ${
            withMeetings
              ? `UNION ALL SELECT extract(year FROM scheduled_at AT TIME ZONE $1)::int, count(*)
                   FROM meetings WHERE held_at IS NOT NULL GROUP BY 1`
              : ''
          }) m
   GROUP BY m.year`;
}

/** Each decided case's latest outcome, from its history. `$1` is the time zone. */
const EXPECTED_OUTCOMES_SQL = `
  SELECT DISTINCT ON (c.id) c.id AS case_id, c.status AS outcome,
         CASE WHEN c.status = 'closed' THEN c.closure_reason END AS closure_reason,
         h.at AS decided_at, c.year, c.community AS co, c.primary_area AS ar, c.municipality AS mu,
         greatest(0, (h.at AT TIME ZONE $1)::date - (c.submitted_at AT TIME ZONE $1)::date) AS days
    FROM cases c
    JOIN case_history h ON h.case_id = c.id AND h.to_status = c.status
                       AND h.from_status IS DISTINCT FROM h.to_status
   WHERE c.status IN ${OUTCOMES}
   ORDER BY c.id, h.at DESC, h.id DESC`;

const EXPECTED_DAYS_SQL = `
  SELECT s.scope, f.year, f.days, count(*)::bigint AS count
    FROM expected_outcomes f CROSS JOIN LATERAL ${SCOPES}
   GROUP BY 1, 2, 3`;

export interface CounterDifference {
  table: 'stat_counters' | 'stat_outcome_days' | 'stat_case_outcomes';
  /** What differs, e.g. `*|*|* 2025 status/closed/current` or a case id. */
  what: string;
  expected: string;
  actual: string;
}

export interface RecomputeReport {
  differences: CounterDifference[];
  /** How many differences there are in all (the list stops at `limit`). */
  total: number;
  fixed: boolean;
}

/**
 * Recomputes every statistics figure from the cases themselves (cases, grounds, history,
 * referrals, meetings, imported data) and compares it with the summary rows; with `fix`, the
 * summary rows are replaced by the recomputed ones in the same transaction.
 */
@Injectable()
export class StatisticsRecompute {
  constructor(private readonly dataSource: DataSource) {}

  async run(options: { fix?: boolean; limit?: number } = {}): Promise<RecomputeReport> {
    const limit = options.limit ?? 100;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // A maintenance command reading every case: the request timeout does not apply.
      await manager.query(`SET LOCAL statement_timeout = 0`);
      if (options.fix) {
        // Writers wait until the rebuilt rows are in; readers go on. Taken before the first
        // query, so the snapshot sees every change committed before the lock.
        await manager.query(
          `LOCK TABLE stat_counters, stat_outcome_days, stat_case_outcomes IN SHARE ROW EXCLUSIVE MODE`,
        );
      }
      await this.buildExpected(manager);
      const differences = await this.differences(manager, limit);
      const [{ total }] = (await manager.query(`SELECT
          (SELECT count(*) FROM counter_diff) + (SELECT count(*) FROM days_diff)
          + (SELECT count(*) FROM outcome_diff) AS total`)) as { total: string }[];
      if (options.fix && Number(total) > 0) await this.replace(manager);
      await manager.query(
        `DROP TABLE expected_counters, expected_outcomes, expected_days, counter_diff, days_diff, outcome_diff`,
      );
      return {
        differences,
        total: Number(total),
        fixed: Boolean(options.fix) && Number(total) > 0,
      };
    });
  }

  /** Fills the summary tables from scratch (a bulk load that wrote cases directly). */
  async rebuild(): Promise<void> {
    await this.run({ fix: true, limit: 0 });
  }

  private async buildExpected(manager: EntityManager): Promise<void> {
    const [{ meetings }] = (await manager.query(
      `SELECT to_regclass('meetings') IS NOT NULL AS meetings`,
    )) as { meetings: boolean }[];
    const tz = [KOSOVO_TIME_ZONE];
    await manager.query(
      `CREATE TEMP TABLE expected_counters AS ${expectedCountersSql(meetings)}`,
      tz,
    );
    await manager.query(`CREATE TEMP TABLE expected_outcomes AS ${EXPECTED_OUTCOMES_SQL}`, tz);
    await manager.query(`CREATE TEMP TABLE expected_days AS ${EXPECTED_DAYS_SQL}`);
    await manager.query(`
      CREATE TEMP TABLE counter_diff AS
      SELECT scope, year, dimension, key, metric,
             coalesce(e.value, 0) AS expected, coalesce(a.value, 0) AS actual
        FROM expected_counters e FULL JOIN stat_counters a USING (scope, year, dimension, key, metric)
       WHERE coalesce(e.value, 0) <> coalesce(a.value, 0)`);
    await manager.query(`
      CREATE TEMP TABLE days_diff AS
      SELECT scope, year, days, coalesce(e.count, 0) AS expected, coalesce(a.count, 0) AS actual
        FROM expected_days e FULL JOIN stat_outcome_days a USING (scope, year, days)
       WHERE coalesce(e.count, 0) <> coalesce(a.count, 0)`);
    await manager.query(`
      CREATE TEMP TABLE outcome_diff AS
      SELECT case_id,
             e.outcome || ' ' || coalesce(e.closure_reason, '-') || ' ' || e.decided_at AS expected,
             a.outcome || ' ' || coalesce(a.closure_reason, '-') || ' ' || a.decided_at AS actual
        FROM (SELECT case_id, outcome, closure_reason, decided_at FROM expected_outcomes) e
        FULL JOIN stat_case_outcomes a USING (case_id)
       WHERE e.outcome IS DISTINCT FROM a.outcome
          OR e.closure_reason IS DISTINCT FROM a.closure_reason
          OR e.decided_at IS DISTINCT FROM a.decided_at`);
  }

  private async differences(manager: EntityManager, limit: number): Promise<CounterDifference[]> {
    if (limit <= 0) return [];
    const counters = (await manager.query(
      `SELECT * FROM counter_diff ORDER BY scope, year, dimension, key, metric LIMIT $1`,
      [limit],
    )) as {
      scope: string;
      year: number;
      dimension: string;
      key: string;
      metric: string;
      expected: string;
      actual: string;
    }[];
    const days = (await manager.query(
      `SELECT * FROM days_diff ORDER BY scope, year, days LIMIT $1`,
      [limit],
    )) as { scope: string; year: number; days: number; expected: string; actual: string }[];
    const outcomes = (await manager.query(
      `SELECT case_id, coalesce(expected, 'none') AS expected, coalesce(actual, 'none') AS actual
         FROM outcome_diff ORDER BY case_id LIMIT $1`,
      [limit],
    )) as { case_id: string; expected: string; actual: string }[];
    return [
      ...counters.map((d) => ({
        table: 'stat_counters' as const,
        what: `${d.scope} ${d.year} ${d.dimension}/${d.key}/${d.metric}`,
        expected: String(d.expected),
        actual: String(d.actual),
      })),
      ...days.map((d) => ({
        table: 'stat_outcome_days' as const,
        what: `${d.scope} ${d.year} ${d.days} days`,
        expected: String(d.expected),
        actual: String(d.actual),
      })),
      ...outcomes.map((d) => ({
        table: 'stat_case_outcomes' as const,
        what: `case ${d.case_id}`,
        expected: d.expected,
        actual: d.actual,
      })),
    ].slice(0, limit);
  }

  private async replace(manager: EntityManager): Promise<void> {
    // Emptied in one go (the lock it takes is held only while the rows go in) and refilled in
    // key order, so each scope's rows lie together on disk: a request reads a few pages.
    await manager.query(`TRUNCATE stat_counters, stat_outcome_days, stat_case_outcomes`);
    await manager.query(
      `INSERT INTO stat_counters (scope, year, dimension, key, metric, value)
       SELECT scope, year, dimension, key, metric, value FROM expected_counters WHERE value <> 0
        ORDER BY scope, year, dimension, key, metric`,
    );
    await manager.query(
      `INSERT INTO stat_outcome_days (scope, year, days, count)
       SELECT scope, year, days, count FROM expected_days WHERE count <> 0
        ORDER BY scope, year, days`,
    );
    await manager.query(
      `INSERT INTO stat_case_outcomes (case_id, outcome, closure_reason, decided_at)
       SELECT case_id, outcome, closure_reason, decided_at FROM expected_outcomes`,
    );
  }
}
