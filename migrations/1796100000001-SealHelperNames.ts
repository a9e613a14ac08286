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
    await rewriteColumn(queryRunner, 'helper_name', 'helper_name_enc', (cipher, value, id) =>
      cipher.encrypt(value, id),
    );
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
    await rewriteColumn(queryRunner, 'helper_name_enc', 'helper_name', (cipher, value, id) =>
      cipher.decrypt(value, id),
    );
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_helper`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN helper_name_enc`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_helper CHECK (
        filed_with_help = (helper_kind IS NOT NULL) AND (helper_name IS NULL OR helper_kind IS NOT NULL)
      )
    `);
  }
}

type Cipher = ReturnType<typeof migrationCipher>;

/**
 * Writes `to` from `from` for every case holding a value, in batches by id, with the keys of the
 * configuration that runs the migration (asked for only when there is a value to convert).
 */
async function rewriteColumn(
  queryRunner: QueryRunner,
  from: 'helper_name' | 'helper_name_enc',
  to: 'helper_name' | 'helper_name_enc',
  convert: (cipher: Cipher, value: string, id: string) => string,
): Promise<void> {
  let cipher: Cipher | undefined;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT id, ${from} AS value FROM cases
       WHERE ${from} IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
      [after, BATCH],
    )) as { id: string; value: string }[];
    if (rows.length === 0) return;
    cipher ??= migrationCipher(queryRunner.connection);
    const active = cipher;
    await queryRunner.query(
      `UPDATE cases c SET ${to} = s.value
       FROM unnest($1::uuid[], $2::text[]) AS s(id, value) WHERE c.id = s.id`,
      [rows.map((r) => r.id), rows.map((r) => convert(active, r.value, r.id))],
    );
    after = rows[rows.length - 1].id;
  }
}
