import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipt-code attempts move out of `cases`: counted per (reference, client) and per reference
 * (libs/cases/src/domain/follow-up-guard.ts), keyed by the reference's text so that a reference
 * no case has is counted like one that exists. The old per-case counters are dropped: they only
 * ever held locks of a quarter of an hour.
 */
export class MoveFollowUpAttempts1796200000000 implements MigrationInterface {
  name = 'MoveFollowUpAttempts1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE follow_up_client_attempts (
        reference text NOT NULL,
        client_key text NOT NULL,
        attempts integer NOT NULL CHECK (attempts >= 0),
        locked_until timestamptz,
        last_attempt_at timestamptz NOT NULL,
        PRIMARY KEY (reference, client_key)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE follow_up_reference_attempts (
        reference text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0),
        next_attempt_at timestamptz,
        attacked_at timestamptz,
        total_failures integer NOT NULL CHECK (total_failures >= failures)
      )
    `);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN failed_code_attempts`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN locked_until`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN locked_until timestamptz`);
    await queryRunner.query(
      `ALTER TABLE cases ADD COLUMN failed_code_attempts integer NOT NULL DEFAULT 0 CHECK (failed_code_attempts >= 0)`,
    );
    await queryRunner.query(`DROP TABLE follow_up_reference_attempts`);
    await queryRunner.query(`DROP TABLE follow_up_client_attempts`);
  }
}
