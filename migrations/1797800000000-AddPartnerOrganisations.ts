import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community mediators of partner organisations (NGOs) get accounts: the staff account tables
 * hold them (same invitation, password and TOTP), with the role `mediator` and their
 * organisation. A report a mediator files records the account and the organisation, and
 * whether the person agreed that the mediator follows the case. Their messages on a case are
 * `mediator` messages, with the account as author.
 */
export class AddPartnerOrganisations1797800000000 implements MigrationInterface {
  name = 'AddPartnerOrganisations1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        municipality text CHECK (municipality ~ '^[a-z0-9_]{1,64}$'),
        contact_email text NOT NULL
          CHECK (contact_email = lower(contact_email) AND contact_email LIKE '_%@_%' AND length(contact_email) <= 320),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz,
        CONSTRAINT partner_organisations_active_check CHECK (active = (deactivated_at IS NULL))
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX partner_organisations_name_idx ON partner_organisations (lower(btrim(name)))`,
    );

    await queryRunner.query(`
      ALTER TABLE staff_users
        DROP CONSTRAINT staff_users_role_check,
        ADD CONSTRAINT staff_users_role_check
          CHECK (role IN ('administrator', 'legal_expert', 'technical_group_member', 'mediator')),
        ADD COLUMN organisation_id uuid
          CONSTRAINT staff_users_organisation_id_fkey REFERENCES partner_organisations (id),
        ADD CONSTRAINT staff_users_organisation_check
          CHECK ((role = 'mediator') = (organisation_id IS NOT NULL))
    `);
    await queryRunner.query(
      `CREATE INDEX staff_users_organisation_idx ON staff_users (organisation_id) WHERE organisation_id IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE audit_log
        DROP CONSTRAINT audit_log_actor_role_check,
        ADD CONSTRAINT audit_log_actor_role_check
          CHECK (actor_role IN ('administrator', 'legal_expert', 'technical_group_member', 'mediator'))
    `);

    await queryRunner.query(`
      ALTER TABLE cases
        ADD COLUMN filed_by_account_id uuid
          CONSTRAINT cases_filed_by_account_id_fkey REFERENCES staff_users (id),
        ADD COLUMN filed_by_organisation_id uuid
          CONSTRAINT cases_filed_by_organisation_id_fkey REFERENCES partner_organisations (id),
        ADD COLUMN mediator_may_follow boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT cases_filed_by_check CHECK (
          (filed_by_account_id IS NULL) = (filed_by_organisation_id IS NULL)
          AND (filed_by_account_id IS NOT NULL OR NOT mediator_may_follow)
          AND (filed_by_account_id IS NULL OR helper_kind = 'mediator')
        )
    `);
    await queryRunner.query(
      `CREATE INDEX cases_filed_by_idx ON cases (filed_by_account_id, submitted_at DESC)
         WHERE filed_by_account_id IS NOT NULL`,
    );

    await queryRunner.query(`
      ALTER TABLE case_messages
        DROP CONSTRAINT case_messages_author_kind_check,
        ADD CONSTRAINT case_messages_author_kind_check
          CHECK (author_kind IN ('reporter', 'staff', 'mediator')),
        DROP CONSTRAINT case_messages_author,
        ADD CONSTRAINT case_messages_author
          CHECK ((author_kind IN ('staff', 'mediator')) = (author_id IS NOT NULL))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM case_messages WHERE author_kind = 'mediator'`);
    await queryRunner.query(`
      ALTER TABLE case_messages
        DROP CONSTRAINT case_messages_author,
        ADD CONSTRAINT case_messages_author CHECK ((author_kind = 'staff') = (author_id IS NOT NULL)),
        DROP CONSTRAINT case_messages_author_kind_check,
        ADD CONSTRAINT case_messages_author_kind_check CHECK (author_kind IN ('reporter', 'staff'))
    `);
    await queryRunner.query(`DROP INDEX cases_filed_by_idx`);
    await queryRunner.query(`
      ALTER TABLE cases
        DROP CONSTRAINT cases_filed_by_check,
        DROP COLUMN mediator_may_follow,
        DROP COLUMN filed_by_organisation_id,
        DROP COLUMN filed_by_account_id
    `);
    // The audit log is append-only: entries of mediators stay, so their role stays allowed. The
    // code before this migration knows no mediator, so their accounts are closed and signed out.
    await queryRunner.query(`
      UPDATE staff_sessions SET revoked_at = now()
       WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM staff_users WHERE role = 'mediator')
    `);
    await queryRunner.query(`
      UPDATE staff_users SET active = false, deactivated_at = now()
       WHERE role = 'mediator' AND active
    `);
    await queryRunner.query(`DROP INDEX staff_users_organisation_idx`);
    await queryRunner.query(`
      ALTER TABLE staff_users
        DROP CONSTRAINT staff_users_organisation_check,
        DROP COLUMN organisation_id
    `);
    await queryRunner.query(`DROP TABLE partner_organisations`);
  }
}
