import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A repeated intake answers "already received" with the case's reference, never the receipt
 * code again: the stored answer (the code included, encrypted) gives way to a clear record of
 * the case id and reference, and the database refuses any other field in it.
 *
 * The answers already stored cannot be rewritten without their code in SQL (they are
 * encrypted), so they are deleted: a key lives 24 hours, and a repeat of one of them within
 * that day files a new case rather than showing a code again.
 */
export class StoreReplayWithoutCode1796100000000 implements MigrationInterface {
  name = 'StoreReplayWithoutCode1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM idempotency_keys`);
    await queryRunner.query(`ALTER TABLE idempotency_keys DROP COLUMN response_enc`);
    await queryRunner.query(`ALTER TABLE idempotency_keys ADD COLUMN response jsonb`);
    await queryRunner.query(`
      ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_response_fields CHECK (
        response IS NULL OR (
          jsonb_typeof(response) = 'object'
          AND response - ARRAY['id', 'reference', 'submittedAt', 'evidenceCount'] = '{}'::jsonb
        )
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old form needs the code, which was never kept: the keys go, as on the way up.
    await queryRunner.query(`DELETE FROM idempotency_keys`);
    await queryRunner.query(`ALTER TABLE idempotency_keys DROP COLUMN response`);
    await queryRunner.query(`ALTER TABLE idempotency_keys ADD COLUMN response_enc text`);
  }
}
