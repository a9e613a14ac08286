import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The languages a member of staff can write to reporters in (not the language of their pages):
 * the administrator sees them when assigning a case, so a reporter who asked for Romani or
 * Serbian gets a legal expert who writes it. Existing accounts start with their page language.
 */
export class AddStaffWorkingLanguages1797500000000 implements MigrationInterface {
  name = 'AddStaffWorkingLanguages1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE staff_users ADD COLUMN working_locales text[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`UPDATE staff_users SET working_locales = ARRAY[locale]`);
    await queryRunner.query(
      `ALTER TABLE staff_users ADD CONSTRAINT staff_users_working_locales_check
         CHECK (working_locales <@ ARRAY['sq', 'sr', 'sr-Cyrl', 'en', 'rom']::text[])`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_users DROP COLUMN working_locales`);
  }
}
