import { MigrationInterface, QueryRunner } from 'typeorm';

const METRICS = `'reported', 'current', 'decided', 'sent', 'answered_on_time', 'answered_late', 'complied', 'partly_complied', 'refused', 'held'`;
const OUTCOMES = `'resolved', 'not_discrimination', 'closed'`;

/**
 * Statistics: summary counters moved in the same transaction as every change that moves a count,
 * the days-to-outcome histogram (an exact median from a few hundred buckets), published
 * snapshots of a year's counts, the outcome each decided case has now (what a reopen takes
 * back), what an import brought that has no other home (referral institutions of old cases,
 * meetings held per year on the earlier platform), and the original reference of imported cases
 * (unique, so an import is idempotent).
 *
 * The counter tables leave a fifth of each page free, so an increment is a HOT update that stays
 * on its page and a scope's rows stay together.
 *
 * `scope` is `community|area|municipality`, each a taxonomy code or `*` for any: a case counts in
 * the eight combinations, so a filtered request reads counters too instead of scanning cases.
 */
export class CreateStatistics1795450000000 implements MigrationInterface {
  name = 'CreateStatistics1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stat_counters (
        scope text NOT NULL CHECK (scope ~ '^[^|]+\\|[^|]+\\|[^|]+$'),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        dimension text NOT NULL,
        key text NOT NULL,
        metric text NOT NULL CHECK (metric IN (${METRICS})),
        -- No CHECK (value >= 0): an upsert checks the proposed row, which carries the (negative)
        -- delta of a decrement. A count below zero would be a bug; the recompute command finds it.
        value bigint NOT NULL,
        PRIMARY KEY (scope, year, dimension, key, metric)
      ) WITH (fillfactor = 80)
    `);
    await queryRunner.query(`
      CREATE TABLE stat_outcome_days (
        scope text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        days integer NOT NULL CHECK (days >= 0),
        count bigint NOT NULL,
        PRIMARY KEY (scope, year, days)
      ) WITH (fillfactor = 80)
    `);
    await queryRunner.query(`
      CREATE TABLE stat_snapshots (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        published_at timestamptz NOT NULL,
        published_by uuid NOT NULL,
        counts jsonb NOT NULL CHECK (jsonb_typeof(counts -> 'counters') = 'object' AND jsonb_typeof(counts -> 'outcomeDays') = 'object'),
        CONSTRAINT stat_snapshots_published_by_fkey FOREIGN KEY (published_by) REFERENCES staff_users (id)
      )
    `);
    // A published year is frozen: the database refuses to change or remove it.
    await queryRunner.query(`
      CREATE FUNCTION pmd_stat_snapshots_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published statistics snapshot cannot be changed: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER stat_snapshots_frozen BEFORE UPDATE OR DELETE ON stat_snapshots
      FOR EACH ROW EXECUTE FUNCTION pmd_stat_snapshots_frozen()
    `);
    await queryRunner.query(`
      CREATE TABLE stat_case_outcomes (
        case_id uuid PRIMARY KEY,
        outcome text NOT NULL CHECK (outcome IN (${OUTCOMES})),
        closure_reason text CHECK (closure_reason IS NULL OR outcome = 'closed'),
        decided_at timestamptz NOT NULL,
        CONSTRAINT stat_case_outcomes_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE stat_imported_referrals (
        case_id uuid NOT NULL,
        institution_code text NOT NULL CHECK (institution_code ~ '^[a-z0-9_]{1,64}$'),
        PRIMARY KEY (case_id, institution_code),
        CONSTRAINT stat_imported_referrals_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE stat_imported_meetings (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        held integer NOT NULL CHECK (held >= 0)
      )
    `);
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN original_reference text`);
    await queryRunner.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_original_reference_key UNIQUE (original_reference)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_original_reference_key`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN original_reference`);
    await queryRunner.query(`DROP TABLE stat_imported_meetings`);
    await queryRunner.query(`DROP TABLE stat_imported_referrals`);
    await queryRunner.query(`DROP TABLE stat_case_outcomes`);
    await queryRunner.query(`DROP TABLE stat_snapshots`);
    await queryRunner.query(`DROP FUNCTION pmd_stat_snapshots_frozen()`);
    await queryRunner.query(`DROP TABLE stat_outcome_days`);
    await queryRunner.query(`DROP TABLE stat_counters`);
  }
}
