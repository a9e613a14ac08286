import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = [
  ['staff_users', 'locale'],
  ['notification_outbox', 'locale'],
  ['cases', 'preferred_locale'],
] as const;

/**
 * Serbian in Cyrillic (`sr-Cyrl`) becomes an offered language: a reporter may ask to be written
 * to in it, a staff member may work in it, and e-mails queued for them carry it.
 */
export class AcceptSerbianCyrillicLocale1797400000001 implements MigrationInterface {
  name = 'AcceptSerbianCyrillicLocale1797400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_check`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check
           CHECK (${column} IN ('sq', 'sr', 'sr-Cyrl', 'en', 'rom'))`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`UPDATE ${table} SET ${column} = 'sr' WHERE ${column} = 'sr-Cyrl'`);
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_check`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check
           CHECK (${column} IN ('sq', 'sr', 'en', 'rom'))`,
      );
    }
  }
}
