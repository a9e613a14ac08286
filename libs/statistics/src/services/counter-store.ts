import { EntityManager } from 'typeorm';
import { columnArrays } from '@app/core';
import {
  CounterDelta,
  OutcomeDaysDelta,
  mergeCounterDeltas,
  mergeOutcomeDaysDeltas,
} from '../domain/counter-key';

/** Rows per statement, so an import's upserts stay of bounded size. A case event writes < 200. */
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
  // Each column as one array parameter: the statement's text is the same whatever the number of
  // rows, and PostgreSQL binds six values instead of six a row.
  for (const rows of chunks(mergeCounterDeltas(counters))) {
    await manager.query(
      `INSERT INTO stat_counters (scope, year, dimension, key, metric, value)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[])
       ON CONFLICT (scope, year, dimension, key, metric)
       DO UPDATE SET value = stat_counters.value + EXCLUDED.value`,
      columnArrays(rows, ['scope', 'year', 'dimension', 'key', 'metric', 'delta']),
    );
  }
  for (const buckets of chunks(mergeOutcomeDaysDeltas(outcomeDays))) {
    await manager.query(
      `INSERT INTO stat_outcome_days (scope, year, days, count)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::bigint[])
       ON CONFLICT (scope, year, days)
       DO UPDATE SET count = stat_outcome_days.count + EXCLUDED.count`,
      columnArrays(buckets, ['scope', 'year', 'days', 'delta']),
    );
  }
}
