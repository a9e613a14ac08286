import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationCipher } from '@app/core';

const BATCH = 500;

/**
 * The name of the mediator or organisation who helped to file a report is personal data: it
 * is sealed like the contact details (AES-256-GCM, bound to the case id) in `helper_name_enc`.
 * Existing clear names are sealed here, in the migration's transaction, with the keys of the
 * configuration that runs it (`npm run migration:run` reads FIELD_ENCRYPTION_KEYS); the clear
 * column is then dropped, so no clear name is left once the migration has run.
 */
export class SealHelperNames1796100000001 implements MigrationInterface {
  name = 'SealHelperNames1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN helper_name_enc text`);
    let cipher: ReturnType<typeof migrationCipher> | undefined;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, helper_name FROM cases
         WHERE helper_name IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      )) as { id: string; helper_name: string }[];
      if (rows.length === 0) break;
      cipher ??= migrationCipher(queryRunner.connection);
      const sealer = cipher;
      await queryRunner.query(
        `UPDATE cases c SET helper_name_enc = s.sealed
         FROM unnest($1::uuid[], $2::text[]) AS s(id, sealed) WHERE c.id = s.id`,
        [rows.map((r) => r.id), rows.map((r) => sealer.encrypt(r.helper_name, r.id))],
      );
      after = rows[rows.length - 1].id;
    }
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_helper`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN helper_name`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_helper CHECK (
        filed_with_help = (helper_kind IS NOT NULL) AND (helper_name_enc IS NULL OR helper_kind IS NOT NULL)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE cases ADD COLUMN helper_name text CHECK (char_length(helper_name) BETWEEN 1 AND 200)`,
    );
    let cipher: ReturnType<typeof migrationCipher> | undefined;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, helper_name_enc FROM cases
         WHERE helper_name_enc IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      )) as { id: string; helper_name_enc: string }[];
      if (rows.length === 0) break;
      cipher ??= migrationCipher(queryRunner.connection);
      const opener = cipher;
      await queryRunner.query(
        `UPDATE cases c SET helper_name = s.name
         FROM unnest($1::uuid[], $2::text[]) AS s(id, name) WHERE c.id = s.id`,
        [rows.map((r) => r.id), rows.map((r) => opener.decrypt(r.helper_name_enc, r.id))],
      );
      after = rows[rows.length - 1].id;
    }
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_helper`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN helper_name_enc`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_helper CHECK (
        filed_with_help = (helper_kind IS NOT NULL) AND (helper_name IS NULL OR helper_kind IS NOT NULL)
      )
    `);
  }
}
