import { MigrationInterface, QueryRunner } from 'typeorm';

const CANONICAL = `year || '-' || CASE WHEN seq < 100000 THEN lpad(seq::text, 5, '0') ELSE seq::text END`;

/**
 * Case references begin with the country profile's prefix (`referencePrefix`, 2-6 capital
 * letters; Kosovo `PMD`), no longer always `PMD`: the check keeps the rest of the canonical
 * form (year, sequence of at least five digits).
 */
export class AllowCountryReferencePrefix1797600000001 implements MigrationInterface {
  name = 'AllowCountryReferencePrefix1797600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_reference_format`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_reference_format CHECK (
        reference ~ '^[A-Z]{2,6}-'
        AND reference = substring(reference from '^[A-Z]{2,6}') || '-' || ${CANONICAL}
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_reference_format`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_reference_format CHECK (
        reference = 'PMD-' || ${CANONICAL}
      )
    `);
  }
}
