import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The country whose profile the database holds (config/countries; applied at every start-up by
 * CountryProfileApplication), and the years of the working-day calendar already seeded from a
 * profile. The migrations before this one seeded Kosovo's reference data, contacts and the
 * public holidays of 2025-2027: that is what a database holds until a profile is applied, so it
 * is recorded as Kosovo's. A database without cases that starts with another country's profile
 * takes that country's holidays and contacts instead (README, Country profiles).
 */
export class RecordInstallationCountry1797600000000 implements MigrationInterface {
  name = 'RecordInstallationCountry1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE installation_country (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        code text NOT NULL CHECK (code ~ '^[A-Z]{2}$'),
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`INSERT INTO installation_country (code) VALUES ('XK')`);
    await queryRunner.query(`
      CREATE TABLE holiday_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
        seeded_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`INSERT INTO holiday_years (year) VALUES (2025), (2026), (2027)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE holiday_years`);
    await queryRunner.query(`DROP TABLE installation_country`);
  }
}
