import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporters signed in to the follow-up pages (token hashes only). */
export class CreateFollowUpSessions1795420000002 implements MigrationInterface {
  name = 'CreateFollowUpSessions1795420000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE follow_up_sessions (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL,
        case_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT follow_up_sessions_token_hash_key UNIQUE (token_hash),
        CONSTRAINT follow_up_sessions_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX follow_up_sessions_case_idx ON follow_up_sessions (case_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE follow_up_sessions`);
  }
}
