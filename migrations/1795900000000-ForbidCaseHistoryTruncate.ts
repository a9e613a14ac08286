import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case history was guarded against UPDATE and DELETE row by row; TRUNCATE fires no row
 * trigger, so a statement trigger refuses it too. Like the audit log, the history is then
 * append-only for every role, the application's own included.
 */
export class ForbidCaseHistoryTruncate1795900000000 implements MigrationInterface {
  name = 'ForbidCaseHistoryTruncate1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON case_history
      FOR EACH STATEMENT EXECUTE FUNCTION pmd_case_history_append_only()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_history_no_truncate ON case_history`);
  }
}
