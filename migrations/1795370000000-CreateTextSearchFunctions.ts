import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions and helpers that later tables rely on. `pmd_fold` folds case and diacritics
 * (ë→e, ç→c, š→s, ž→z, đ→d) so staff can search Albanian and Serbian text typed on any
 * keyboard. It is IMMUTABLE so it can back expression indexes; `unaccent` itself is only
 * STABLE because its dictionary could change, which ours does not.
 */
export class CreateTextSearchFunctions1795370000000 implements MigrationInterface {
  name = 'CreateTextSearchFunctions1795370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION pmd_fold(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(input, 'đ', 'dj'), 'Đ', 'Dj'))) $$
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS pmd_fold(text)`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
