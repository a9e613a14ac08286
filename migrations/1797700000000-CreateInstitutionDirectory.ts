import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The institution directory: the contact points referrals are sent to (institution, where it
 * applies a municipality, the unit, its e-mail and phone, the days it is in use), kept by
 * administrators. A referral now names its recipient: a contact point of the directory, or a
 * one-off address a staff member confirmed; referrals made before (typed addresses) are
 * `legacy`. A contact point a referral used cannot be deleted (the foreign key refuses it).
 */
export class CreateInstitutionDirectory1797700000000 implements MigrationInterface {
  name = 'CreateInstitutionDirectory1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE institution_contact_points (
        id uuid PRIMARY KEY,
        key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
        institution_code text NOT NULL CHECK (institution_code ~ '^[a-z0-9_]{1,64}$'),
        municipality_code text CHECK (municipality_code ~ '^[a-z0-9_]{1,64}$'),
        unit text NOT NULL CHECK (char_length(unit) BETWEEN 2 AND 200),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 320),
        phone text CHECK (char_length(phone) <= 40),
        active_from date NOT NULL,
        active_to date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT institution_contact_points_key_key UNIQUE (key),
        CONSTRAINT institution_contact_points_window_check
          CHECK (active_to IS NULL OR active_to >= active_from)
      )`);
    await queryRunner.query(
      `CREATE INDEX institution_contact_points_institution_idx
         ON institution_contact_points (institution_code, municipality_code)`,
    );
    await queryRunner.query(`
      ALTER TABLE case_referrals
        ADD COLUMN contact_point_id uuid
          CONSTRAINT case_referrals_contact_point_id_fkey
          REFERENCES institution_contact_points (id),
        ADD COLUMN recipient text NOT NULL DEFAULT 'legacy',
        ADD COLUMN one_off_confirmed_by uuid
          CONSTRAINT case_referrals_one_off_confirmed_by_fkey REFERENCES staff_users (id)`);
    // Every referral made from now on says which kind of recipient it has.
    await queryRunner.query(`ALTER TABLE case_referrals ALTER COLUMN recipient DROP DEFAULT`);
    await queryRunner.query(`
      ALTER TABLE case_referrals ADD CONSTRAINT case_referrals_recipient_check CHECK (
        (recipient = 'directory' AND contact_point_id IS NOT NULL AND one_off_confirmed_by IS NULL)
        OR (recipient = 'one_off' AND contact_point_id IS NULL AND one_off_confirmed_by IS NOT NULL)
        OR (recipient = 'legacy' AND contact_point_id IS NULL AND one_off_confirmed_by IS NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX case_referrals_contact_point_idx ON case_referrals (contact_point_id)
         WHERE contact_point_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_referrals DROP COLUMN contact_point_id, DROP COLUMN recipient,
        DROP COLUMN one_off_confirmed_by`);
    await queryRunner.query(`DROP TABLE institution_contact_points`);
  }
}
