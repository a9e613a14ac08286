import { MigrationInterface, QueryRunner } from 'typeorm';

const CLOSURE_REASONS = `'withdrawn', 'duplicate', 'outside_mandate', 'insufficient_information'`;
const HISTORY_EVENTS = `'status_changed', 'reassigned', 'referral_answered', 'referral_overdue'`;

/**
 * Case handling by staff: the legal expert a case is assigned to, the closure reason, internal
 * notes (append-only), referrals to institutions with their single-use response link and the
 * documents of the answers, and the indexes of the staff case list.
 *
 * History rows gain an `event`: besides status changes, the staff timeline shows a
 * reassignment and a referral's answer or lapse (from = to = the status at that moment).
 *
 * List indexes: every filter of the case list leads an index that ends in `submitted_at`, so a
 * page of the newest (or, in triage, the oldest) cases of one filter is an index range scan at a
 * million cases. The free-text search folds diacritics with `pmd_fold` over a trigram index.
 */
export class AddCaseHandling1795420000010 implements MigrationInterface {
  name = 'AddCaseHandling1795420000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE cases
        ADD COLUMN assignee_id uuid,
        ADD COLUMN closure_reason text CONSTRAINT cases_closure_reason_check CHECK (closure_reason IN (${CLOSURE_REASONS})),
        ADD CONSTRAINT cases_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES staff_users (id),
        ADD CONSTRAINT cases_closure_reason_status_check CHECK (closure_reason IS NULL OR status = 'closed')
    `);
    await queryRunner.query(`CREATE INDEX cases_submitted_idx ON cases (submitted_at, id)`);
    await queryRunner.query(
      `CREATE INDEX cases_status_submitted_idx ON cases (status, submitted_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_assignee_submitted_idx ON cases (assignee_id, submitted_at) WHERE assignee_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX cases_year_submitted_idx ON cases (year, submitted_at)`);
    await queryRunner.query(
      `CREATE INDEX cases_municipality_submitted_idx ON cases (municipality, submitted_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_area_submitted_idx ON cases (primary_area, submitted_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_community_submitted_idx ON cases (community, submitted_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_description_fold_idx ON cases USING gin (pmd_fold(description) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_reference_prefix_idx ON cases (reference text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_notes_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT case_notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES staff_users (id)
      )
    `);
    await queryRunner.query(`CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at)`);
    // Notes are a record of the handling: they are added to, never rewritten. Erasing a case
    // (ON DELETE CASCADE) is the one way they go, so only UPDATE is refused.
    await queryRunner.query(`
      CREATE FUNCTION pmd_case_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_notes is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER case_notes_append_only BEFORE UPDATE ON case_notes
      FOR EACH ROW EXECUTE FUNCTION pmd_case_notes_append_only()
    `);

    await queryRunner.query(`
      CREATE TABLE case_referrals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        institution_code text NOT NULL CHECK (institution_code ~ '^[a-z0-9_]{1,64}$'),
        municipality_code text CHECK (municipality_code ~ '^[a-z0-9_]{1,64}$'),
        recommendation text NOT NULL CHECK (char_length(recommendation) BETWEEN 10 AND 5000),
        response_due_date date NOT NULL,
        contact_email_enc text,
        status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'answered', 'overdue', 'closed')),
        sent_by uuid,
        sent_at timestamptz NOT NULL,
        overdue_at timestamptz,
        answered_at timestamptz,
        answer_outcome text CHECK (answer_outcome IN ('complied', 'partly_complied', 'refused')),
        answer_text text CHECK (char_length(answer_text) BETWEEN 1 AND 10000),
        closed_at timestamptz,
        response_token_hash text NOT NULL CHECK (response_token_hash ~ '^[0-9a-f]{64}$'),
        response_token_expires_at timestamptz NOT NULL,
        response_token_used_at timestamptz,
        CONSTRAINT case_referrals_response_token_hash_key UNIQUE (response_token_hash),
        CONSTRAINT case_referrals_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT case_referrals_sent_by_fkey FOREIGN KEY (sent_by) REFERENCES staff_users (id),
        CONSTRAINT case_referrals_municipality_check
          CHECK ((institution_code = 'municipality') = (municipality_code IS NOT NULL)),
        CONSTRAINT case_referrals_answer_check CHECK (
          (status = 'answered') = (answered_at IS NOT NULL)
          AND (answered_at IS NULL) = (answer_outcome IS NULL)
          AND (answered_at IS NULL OR response_token_used_at IS NOT NULL)
        ),
        CONSTRAINT case_referrals_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX case_referrals_case_idx ON case_referrals (case_id, sent_at)`,
    );
    // The daily overdue check reads only referrals still waiting for an answer.
    await queryRunner.query(
      `CREATE INDEX case_referrals_waiting_idx ON case_referrals (response_due_date) WHERE status = 'sent'`,
    );

    await queryRunner.query(`
      CREATE TABLE referral_documents (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL,
        case_id uuid NOT NULL,
        original_name text NOT NULL CHECK (char_length(original_name) BETWEEN 1 AND 200),
        media_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referral_documents_referral_id_fkey FOREIGN KEY (referral_id) REFERENCES case_referrals (id) ON DELETE CASCADE,
        CONSTRAINT referral_documents_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX referral_documents_referral_idx ON referral_documents (referral_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX referral_documents_case_idx ON referral_documents (case_id)`,
    );

    await queryRunner.query(`
      ALTER TABLE case_history
        ADD COLUMN event text NOT NULL DEFAULT 'status_changed' CONSTRAINT case_history_event_check CHECK (event IN (${HISTORY_EVENTS})),
        ADD COLUMN referral_id uuid,
        ADD CONSTRAINT case_history_referral_id_fkey FOREIGN KEY (referral_id) REFERENCES case_referrals (id),
        ADD CONSTRAINT case_history_referral_check CHECK ((event LIKE 'referral_%') = (referral_id IS NOT NULL)),
        DROP CONSTRAINT case_history_actor_kind_check,
        ADD CONSTRAINT case_history_actor_kind_check
          CHECK (actor_kind IN ('reporter', 'staff', 'system', 'meeting', 'institution'))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_history
        DROP CONSTRAINT case_history_actor_kind_check,
        ADD CONSTRAINT case_history_actor_kind_check
          CHECK (actor_kind IN ('reporter', 'staff', 'system', 'meeting')),
        DROP CONSTRAINT case_history_referral_check,
        DROP CONSTRAINT case_history_referral_id_fkey,
        DROP COLUMN referral_id,
        DROP COLUMN event
    `);
    await queryRunner.query(`DROP TABLE referral_documents`);
    await queryRunner.query(`DROP TABLE case_referrals`);
    await queryRunner.query(`DROP TABLE case_notes`);
    await queryRunner.query(`DROP FUNCTION pmd_case_notes_append_only()`);
    await queryRunner.query(`DROP INDEX cases_reference_prefix_idx`);
    await queryRunner.query(`DROP INDEX cases_description_fold_idx`);
    await queryRunner.query(`DROP INDEX cases_community_submitted_idx`);
    await queryRunner.query(`DROP INDEX cases_area_submitted_idx`);
    await queryRunner.query(`DROP INDEX cases_municipality_submitted_idx`);
    await queryRunner.query(`DROP INDEX cases_year_submitted_idx`);
    await queryRunner.query(`DROP INDEX cases_assignee_submitted_idx`);
    await queryRunner.query(`DROP INDEX cases_status_submitted_idx`);
    await queryRunner.query(`DROP INDEX cases_submitted_idx`);
    await queryRunner.query(`
      ALTER TABLE cases
        DROP CONSTRAINT cases_closure_reason_status_check,
        DROP CONSTRAINT cases_assignee_id_fkey,
        DROP COLUMN closure_reason,
        DROP COLUMN assignee_id
    `);
  }
}
