import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a case's personal data is erased (retention, or the reporter's request), its evidence
 * files are deleted from disk and their rows kept, marked erased: staff still see that a file
 * existed, the statistics and the history stay whole.
 */
export class AddEvidenceErasure1795900000001 implements MigrationInterface {
  name = 'AddEvidenceErasure1795900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_evidence ADD COLUMN erased_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_evidence DROP COLUMN erased_at`);
  }
}
