import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'submitted', 'in_review', 'assigned', 'technical_group', 'referred', 'resolved', 'not_discrimination', 'closed'`;

/**
 * The case aggregate: cases, their grounds, the gap-free reference counter per year, the
 * append-only history, messages and evidence metadata.
 *
 * Taxonomy codes are plain text validated by the service: a composite foreign key to
 * taxonomy_items(kind, code) would need a constant `kind` column per code field, and codes are
 * never deleted (only deactivated), so the reference cannot dangle.
 */
export class CreateCases1795420000000 implements MigrationInterface {
  name = 'CreateCases1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        reference text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        seq integer NOT NULL CHECK (seq > 0),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN (${STATUSES})),
        version integer NOT NULL,
        submitted_at timestamptz NOT NULL,
        community text NOT NULL,
        primary_area text NOT NULL,
        municipality text NOT NULL,
        perpetrator_kind text NOT NULL,
        reporter_role text NOT NULL,
        gender text,
        age_group text,
        incident_date date NOT NULL,
        description text NOT NULL,
        preferred_locale text NOT NULL CHECK (preferred_locale IN ('sq', 'sr', 'en', 'rom')),
        anonymous boolean NOT NULL,
        contact_name_enc text,
        contact_email_enc text,
        contact_phone_enc text,
        consent_contact boolean NOT NULL DEFAULT false,
        consent_share_identity boolean NOT NULL DEFAULT false,
        filed_with_help boolean NOT NULL DEFAULT false,
        helper_kind text CHECK (helper_kind IN ('mediator', 'organisation')),
        helper_name text CHECK (char_length(helper_name) BETWEEN 1 AND 200),
        receipt_code_hash text NOT NULL,
        failed_code_attempts integer NOT NULL DEFAULT 0 CHECK (failed_code_attempts >= 0),
        locked_until timestamptz,
        personal_data_erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_reference_key UNIQUE (reference),
        CONSTRAINT cases_year_seq_key UNIQUE (year, seq),
        CONSTRAINT cases_reference_format CHECK (
          reference = 'PMD-' || year || '-' || CASE WHEN seq < 100000 THEN lpad(seq::text, 5, '0') ELSE seq::text END
        ),
        -- Erasing personal data later may blank the description; until then it is a real report.
        CONSTRAINT cases_description_length CHECK (
          personal_data_erased_at IS NOT NULL OR char_length(description) BETWEEN 20 AND 10000
        ),
        CONSTRAINT cases_anonymous_has_no_contact CHECK (
          NOT anonymous OR (contact_name_enc IS NULL AND contact_email_enc IS NULL
            AND contact_phone_enc IS NULL AND NOT consent_contact AND NOT consent_share_identity)
        ),
        CONSTRAINT cases_helper CHECK (
          filed_with_help = (helper_kind IS NOT NULL) AND (helper_name IS NULL OR helper_kind IS NOT NULL)
        )
      )
    `);
    await queryRunner.query(`
      CREATE TABLE case_grounds (
        case_id uuid NOT NULL,
        ground text NOT NULL,
        PRIMARY KEY (case_id, ground),
        CONSTRAINT case_grounds_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      CREATE TABLE case_reference_counters (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        last_seq integer NOT NULL CHECK (last_seq > 0)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE case_history (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('reporter', 'staff', 'system', 'meeting')),
        actor_id uuid,
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        reason text,
        public boolean NOT NULL DEFAULT true,
        CONSTRAINT case_history_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id)
      )
    `);
    await queryRunner.query(`CREATE INDEX case_history_case_idx ON case_history (case_id, at)`);
    await queryRunner.query(`
      CREATE FUNCTION pmd_case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_history is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
      FOR EACH ROW EXECUTE FUNCTION pmd_case_history_append_only()
    `);
    await queryRunner.query(`
      CREATE TABLE case_messages (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        author_kind text NOT NULL CHECK (author_kind IN ('reporter', 'staff')),
        author_id uuid,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_by_reporter_at timestamptz,
        read_by_staff_at timestamptz,
        CONSTRAINT case_messages_author CHECK ((author_kind = 'staff') = (author_id IS NOT NULL)),
        CONSTRAINT case_messages_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX case_messages_case_idx ON case_messages (case_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE case_evidence (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        original_name text NOT NULL CHECK (char_length(original_name) BETWEEN 1 AND 200),
        media_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text NOT NULL CHECK (uploaded_by IN ('reporter', 'staff')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_evidence_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX case_evidence_case_idx ON case_evidence (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_evidence`);
    await queryRunner.query(`DROP TABLE case_messages`);
    await queryRunner.query(`DROP TABLE case_history`);
    await queryRunner.query(`DROP FUNCTION pmd_case_history_append_only()`);
    await queryRunner.query(`DROP TABLE case_reference_counters`);
    await queryRunner.query(`DROP TABLE case_grounds`);
    await queryRunner.query(`DROP TABLE cases`);
  }
}
