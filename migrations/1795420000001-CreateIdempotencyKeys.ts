import { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers of requests sent with an Idempotency-Key, so a repeat takes effect once. */
export class CreateIdempotencyKeys1795420000001 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795420000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        response_enc text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
