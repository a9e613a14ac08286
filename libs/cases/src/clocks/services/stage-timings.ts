import { EntityManager } from 'typeorm';
import type { ClockStage } from '../domain/clock-stages';

/** A stage of a case that has just ended: how long it took and whether within its target. */
export interface StoppedStage {
  /** The clock's row: two changes in one transaction (and one millisecond) tell theirs apart. */
  clockId: string;
  stage: ClockStage;
  /** Working days, paused days left out. */
  workingDays: number;
  withinTarget: boolean;
}

/**
 * The stages of a case whose clock stopped at `at` (in the caller's transaction: the clock
 * listener stops them before the statistics listener counts them). For the timeliness figures.
 */
export async function stagesStoppedAt(
  manager: EntityManager,
  caseId: string,
  at: Date,
): Promise<StoppedStage[]> {
  const rows = (await manager.query(
    `SELECT id, stage, working_days, working_days <= target_days AS within
       FROM case_clocks WHERE case_id = $1 AND stopped_at = $2`,
    [caseId, at],
  )) as { id: string; stage: ClockStage; working_days: number; within: boolean }[];
  return rows.map((r) => ({
    clockId: r.id,
    stage: r.stage,
    workingDays: r.working_days,
    withinTarget: r.within,
  }));
}

/**
 * The timeliness histogram as the clocks say it should be, per statistical year (of the
 * case's submission), stage and working days: for the recompute command.
 */
export const EXPECTED_STAGE_DAYS_SQL = `
  SELECT c.year, k.stage, k.working_days AS days, count(*)::bigint AS count,
         count(*) FILTER (WHERE k.working_days <= k.target_days)::bigint AS within
    FROM case_clocks k JOIN cases c ON c.id = k.case_id
   WHERE k.stopped_at IS NOT NULL
   GROUP BY 1, 2, 3`;
