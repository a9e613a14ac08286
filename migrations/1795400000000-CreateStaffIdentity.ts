import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts, their server-side sessions, single-use links (invitation, password reset)
 * and the audit log. The audit log is append-only in the database itself: a trigger refuses
 * UPDATE, DELETE and TRUNCATE for every role, the application's included.
 */
export class CreateStaffIdentity1795400000000 implements MigrationInterface {
  name = 'CreateStaffIdentity1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_users (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '_%@_%' AND length(email) <= 320),
        role text NOT NULL CHECK (role IN ('administrator', 'legal_expert', 'technical_group_member')),
        active boolean NOT NULL DEFAULT true,
        locale text NOT NULL DEFAULT 'sq' CHECK (locale IN ('sq', 'sr', 'en', 'rom')),
        institution_code text CHECK (institution_code ~ '^[a-z0-9_]{1,64}$'),
        password_hash text CHECK (password_hash LIKE '$argon2id$%'),
        totp_secret_enc text,
        totp_last_step bigint CHECK (totp_last_step >= 0),
        failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz,
        CONSTRAINT staff_users_active_check CHECK (active = (deactivated_at IS NULL)),
        CONSTRAINT staff_users_institution_check
          CHECK (institution_code IS NULL OR role = 'technical_group_member'),
        CONSTRAINT staff_users_totp_check CHECK (totp_secret_enc IS NULL OR password_hash IS NOT NULL)
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_users_email_idx ON staff_users (email)`);
    await queryRunner.query(
      `CREATE INDEX staff_users_active_role_idx ON staff_users (role) WHERE active`,
    );

    await queryRunner.query(`
      CREATE TABLE staff_sessions (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        user_id uuid NOT NULL CONSTRAINT staff_sessions_user_id_fkey REFERENCES staff_users (id),
        stage text NOT NULL CHECK (stage IN ('password_ok', 'active')),
        pending_totp_secret_enc text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text CHECK (length(user_agent) <= 400),
        revoked_at timestamptz,
        CONSTRAINT staff_sessions_expiry_check CHECK (expires_at > created_at)
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX staff_sessions_token_hash_idx ON staff_sessions (token_hash)`,
    );
    await queryRunner.query(
      `CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id) WHERE revoked_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE staff_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT staff_tokens_user_id_fkey REFERENCES staff_users (id),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        reset_totp boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT staff_tokens_expiry_check CHECK (expires_at > created_at),
        CONSTRAINT staff_tokens_reset_totp_check CHECK (NOT reset_totp OR purpose = 'password_reset')
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX staff_tokens_token_hash_idx ON staff_tokens (token_hash)`,
    );
    await queryRunner.query(
      `CREATE INDEX staff_tokens_user_idx ON staff_tokens (user_id) WHERE used_at IS NULL AND revoked_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid CONSTRAINT audit_log_actor_id_fkey REFERENCES staff_users (id),
        actor_role text CHECK (actor_role IN ('administrator', 'legal_expert', 'technical_group_member')),
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]{1,62}$'),
        subject_type text CHECK (subject_type ~ '^[a-z][a-z0-9_]{0,62}$'),
        subject_id text CHECK (length(subject_id) <= 200),
        ip text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object')
      )
    `);
    await queryRunner.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at)`);
    await queryRunner.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, at)`);
    await queryRunner.query(
      `CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION pmd_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION pmd_audit_log_append_only()
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION pmd_audit_log_append_only()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS pmd_audit_log_append_only()`);
    await queryRunner.query(`DROP TABLE staff_tokens`);
    await queryRunner.query(`DROP TABLE staff_sessions`);
    await queryRunner.query(`DROP TABLE staff_users`);
  }
}
