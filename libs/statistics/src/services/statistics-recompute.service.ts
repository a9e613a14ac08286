import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseStatisticsSource, EXPECTED_STAGE_DAYS_SQL } from '@app/cases';
import { installationTimeZone } from '@app/core';

/** The eight scopes of a row with columns co, ar, mu (see the CreateStatistics migration). */
const SCOPES = `(VALUES (f.co || '|' || f.ar || '|' || f.mu), (f.co || '|' || f.ar || '|*'),
  (f.co || '|*|' || f.mu), (f.co || '|*|*'), ('*|' || f.ar || '|' || f.mu), ('*|' || f.ar || '|*'),
  ('*|*|' || f.mu), ('*|*|*')) AS s(scope)`;

/**
 * Every counter as the cases say it should be (a meeting held counts in the year, in the
 * installation's time zone, of the day the Group met, its scheduled date, as the meetings lib
 * records it): the case facts come aggregated by year and the three scope fields from the cases lib
 * (`expected_case_facts`), and are spread over the scopes here. `$1` (with meetings only) is the
 * time zone of the year.
 */
function expectedCountersSql(withMeetings: boolean): string {
  return `
  SELECT s.scope, f.year, f.dimension, f.key, f.metric, sum(f.value)::bigint AS value
    FROM expected_case_facts f CROSS JOIN LATERAL ${SCOPES}
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

const EXPECTED_DAYS_SQL = `
  SELECT s.scope, f.year, f.days, count(*)::bigint AS count
    FROM expected_outcomes f CROSS JOIN LATERAL ${SCOPES}
   GROUP BY 1, 2, 3`;

export interface CounterDifference {
  table: 'stat_counters' | 'stat_outcome_days' | 'stat_case_outcomes' | 'stat_stage_days';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseStatisticsSource,
  ) {}

  async run(options: { fix?: boolean; limit?: number } = {}): Promise<RecomputeReport> {
    const limit = options.limit ?? 100;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // A maintenance command reading every case: the request timeout does not apply.
      await manager.query(`SET LOCAL statement_timeout = 0`);
      if (options.fix) {
        // Writers wait until the rebuilt rows are in; readers go on. Taken before the first
        // query, so the snapshot sees every change committed before the lock.
        await manager.query(
          `LOCK TABLE stat_counters, stat_outcome_days, stat_case_outcomes, stat_stage_days IN SHARE ROW EXCLUSIVE MODE`,
        );
      }
      await this.buildExpected(manager);
      const differences = await this.differences(manager, limit);
      const [{ total }] = (await manager.query(`SELECT
          (SELECT count(*) FROM counter_diff) + (SELECT count(*) FROM days_diff)
          + (SELECT count(*) FROM outcome_diff) + (SELECT count(*) FROM stage_diff) AS total`)) as {
        total: string;
      }[];
      if (options.fix && Number(total) > 0) await this.replace(manager);
      await manager.query(
        `DROP TABLE expected_case_facts, expected_counters, expected_outcomes, expected_days, counter_diff, days_diff, outcome_diff, expected_stage_days, stage_diff`,
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
    await this.cases.createFactTables(manager, {
      timeZone: installationTimeZone(),
      factsTable: 'expected_case_facts',
      outcomesTable: 'expected_outcomes',
      extraReferralsTable: 'stat_imported_referrals',
    });
    await manager.query(
      `CREATE TEMP TABLE expected_counters AS ${expectedCountersSql(meetings)}`,
      meetings ? [installationTimeZone()] : [],
    );
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
    await manager.query(`CREATE TEMP TABLE expected_stage_days AS ${EXPECTED_STAGE_DAYS_SQL}`);
    await manager.query(`
      CREATE TEMP TABLE stage_diff AS
      SELECT year, stage, days,
             coalesce(e.count, 0) || '/' || coalesce(e.within, 0) AS expected,
             coalesce(a.count, 0) || '/' || coalesce(a.within, 0) AS actual
        FROM expected_stage_days e FULL JOIN stat_stage_days a USING (year, stage, days)
       WHERE coalesce(e.count, 0) <> coalesce(a.count, 0)
          OR coalesce(e.within, 0) <> coalesce(a.within, 0)`);
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
    const stages = (await manager.query(
      `SELECT * FROM stage_diff ORDER BY year, stage, days LIMIT $1`,
      [limit],
    )) as { year: number; stage: string; days: number; expected: string; actual: string }[];
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
      ...stages.map((d) => ({
        table: 'stat_stage_days' as const,
        what: `${d.year} ${d.stage} ${d.days} working days (count/within)`,
        expected: d.expected,
        actual: d.actual,
      })),
    ].slice(0, limit);
  }

  private async replace(manager: EntityManager): Promise<void> {
    // Emptied in one go (the lock it takes is held only while the rows go in) and refilled in
    // key order, so each scope's rows lie together on disk: a request reads a few pages.
    await manager.query(
      `TRUNCATE stat_counters, stat_outcome_days, stat_case_outcomes, stat_stage_days`,
    );
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
    await manager.query(
      `INSERT INTO stat_stage_days (year, stage, days, count, within)
       SELECT year, stage, days, count, within FROM expected_stage_days ORDER BY year, stage, days`,
    );
  }
}
