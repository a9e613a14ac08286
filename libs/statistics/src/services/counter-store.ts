import { EntityManager } from 'typeorm';
import {
  CounterDelta,
  OutcomeDaysDelta,
  mergeCounterDeltas,
  mergeOutcomeDaysDeltas,
} from '../domain/counter-key';

/** Rows per statement: far below PostgreSQL's 65,535 parameters. A case event writes < 200. */
const CHUNK = 5000;

function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) result.push(rows.slice(i, i + CHUNK));
  return result;
}

/**
 * Writes counter deltas in the caller's transaction: one multi-row upsert per table (per 5,000
 * rows for an import), rows in key order (no deadlock between concurrent writers).
 */
export async function applyDeltas(
  manager: EntityManager,
  counters: readonly CounterDelta[],
  outcomeDays: readonly OutcomeDaysDelta[] = [],
): Promise<void> {
  for (const rows of chunks(mergeCounterDeltas(counters))) {
    const params: unknown[] = [];
    const values = rows.map((r) => {
      params.push(r.scope, r.year, r.dimension, r.key, r.metric, r.delta);
      const n = params.length;
      return `($${n - 5}, $${n - 4}::int, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::bigint)`;
    });
    await manager.query(
      `INSERT INTO stat_counters (scope, year, dimension, key, metric, value)
       VALUES ${values.join(', ')}
       ON CONFLICT (scope, year, dimension, key, metric)
       DO UPDATE SET value = stat_counters.value + EXCLUDED.value`,
      params,
    );
  }
  for (const buckets of chunks(mergeOutcomeDaysDeltas(outcomeDays))) {
    const params: unknown[] = [];
    const values = buckets.map((b) => {
      params.push(b.scope, b.year, b.days, b.delta);
      const n = params.length;
      return `($${n - 3}, $${n - 2}::int, $${n - 1}::int, $${n}::bigint)`;
    });
    await manager.query(
      `INSERT INTO stat_outcome_days (scope, year, days, count)
       VALUES ${values.join(', ')}
       ON CONFLICT (scope, year, days)
       DO UPDATE SET count = stat_outcome_days.count + EXCLUDED.count`,
      params,
    );
  }
}
