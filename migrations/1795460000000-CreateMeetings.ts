import { MigrationInterface, QueryRunner } from 'typeorm';

const MEETING_STATUSES = `'planned', 'agenda_published', 'held', 'minutes_approved', 'cancelled'`;
const PROPOSALS = `'refer', 'resolved', 'not_discrimination', 'more_information'`;
const DECISIONS = `'refer', 'resolved', 'not_discrimination', 'postpone', 'more_information'`;
const RECUSAL_REASONS = `'respondent_institution', 'referral_institution', 'declared'`;

/**
 * Technical Group meetings: the meeting (date, place or link, status), its agenda of cases,
 * who attended, who was recused from which item, one decision per item, and members' comments.
 *
 * Every date column moves with the status (CHECKs tie them together), so a row can never say
 * "held" without a holding date. Decisions are never rewritten (a trigger refuses UPDATE and
 * DELETE); once the minutes are approved the meeting, its agenda and its attendance are frozen
 * in the database as well as in the service.
 */
export class CreateMeetings1795460000000 implements MigrationInterface {
  name = 'CreateMeetings1795460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY,
        scheduled_at timestamptz NOT NULL,
        place text CHECK (char_length(place) BETWEEN 1 AND 300),
        online_link text CHECK (online_link ~ '^https?://' AND char_length(online_link) <= 500),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN (${MEETING_STATUSES})),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        agenda_published_at timestamptz,
        held_at timestamptz,
        cancelled_at timestamptz,
        minutes_text text CHECK (char_length(minutes_text) BETWEEN 1 AND 50000),
        minutes_approved_at timestamptz,
        minutes_approved_by uuid,
        version integer NOT NULL,
        CONSTRAINT meetings_created_by_fkey FOREIGN KEY (created_by) REFERENCES staff_users (id),
        CONSTRAINT meetings_minutes_approved_by_fkey FOREIGN KEY (minutes_approved_by) REFERENCES staff_users (id),
        CONSTRAINT meetings_place_or_link CHECK (place IS NOT NULL OR online_link IS NOT NULL),
        CONSTRAINT meetings_published_check CHECK (
          status NOT IN ('agenda_published', 'held', 'minutes_approved') OR agenda_published_at IS NOT NULL
        ),
        CONSTRAINT meetings_held_check CHECK (
          (status IN ('held', 'minutes_approved')) = (held_at IS NOT NULL)
        ),
        CONSTRAINT meetings_cancelled_check CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        CONSTRAINT meetings_approved_check CHECK (
          (status = 'minutes_approved') = (minutes_approved_at IS NOT NULL)
          AND (minutes_approved_at IS NULL) = (minutes_approved_by IS NULL)
          AND (minutes_approved_at IS NULL OR minutes_text IS NOT NULL)
        )
      )
    `);
    await queryRunner.query(`CREATE INDEX meetings_scheduled_idx ON meetings (scheduled_at)`);

    await queryRunner.query(`
      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL,
        case_id uuid NOT NULL,
        position integer NOT NULL CHECK (position > 0),
        summary text NOT NULL CHECK (char_length(summary) BETWEEN 1 AND 5000),
        proposed_decision text NOT NULL CHECK (proposed_decision IN (${PROPOSALS})),
        proposed_institution_codes text[] NOT NULL,
        respondent_institution_code text CHECK (respondent_institution_code ~ '^[a-z0-9_]{1,64}$'),
        carried_from_item_id uuid,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL,
        CONSTRAINT meeting_agenda_items_meeting_case_key UNIQUE (meeting_id, case_id),
        CONSTRAINT meeting_agenda_items_meeting_position_key UNIQUE (meeting_id, position),
        CONSTRAINT meeting_agenda_items_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings (id),
        CONSTRAINT meeting_agenda_items_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT meeting_agenda_items_carried_from_item_id_fkey FOREIGN KEY (carried_from_item_id) REFERENCES meeting_agenda_items (id),
        CONSTRAINT meeting_agenda_items_added_by_fkey FOREIGN KEY (added_by) REFERENCES staff_users (id),
        CONSTRAINT meeting_agenda_items_institutions_check CHECK (
          proposed_decision = 'refer' OR cardinality(proposed_institution_codes) = 0
        )
      )
    `);
    await queryRunner.query(
      `CREATE INDEX meeting_agenda_items_case_idx ON meeting_agenda_items (case_id)`,
    );
    // An item is carried to a later meeting at most once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX meeting_agenda_items_carried_from_key ON meeting_agenda_items (carried_from_item_id) WHERE carried_from_item_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL,
        member_id uuid NOT NULL,
        present boolean NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (meeting_id, member_id),
        CONSTRAINT meeting_attendance_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings (id),
        CONSTRAINT meeting_attendance_member_id_fkey FOREIGN KEY (member_id) REFERENCES staff_users (id)
      )
    `);

    await queryRunner.query(`
      CREATE TABLE meeting_recusals (
        item_id uuid NOT NULL,
        member_id uuid NOT NULL,
        reason text NOT NULL CHECK (reason IN (${RECUSAL_REASONS})),
        recorded_by uuid,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (item_id, member_id),
        CONSTRAINT meeting_recusals_item_id_fkey FOREIGN KEY (item_id) REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
        CONSTRAINT meeting_recusals_member_id_fkey FOREIGN KEY (member_id) REFERENCES staff_users (id),
        CONSTRAINT meeting_recusals_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff_users (id),
        -- Automatic recusals (an institution matches) have no recorder; a declared one has.
        CONSTRAINT meeting_recusals_recorder_check CHECK ((reason = 'declared') = (recorded_by IS NOT NULL))
      )
    `);

    await queryRunner.query(`
      CREATE TABLE meeting_decisions (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (${DECISIONS})),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 5000),
        referrals jsonb NOT NULL,
        referral_ids uuid[] NOT NULL,
        members_present integer NOT NULL CHECK (members_present >= 0),
        members_recused integer NOT NULL CHECK (members_recused >= 0),
        quorum_required integer NOT NULL CHECK (quorum_required >= 1),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT meeting_decisions_item_id_key UNIQUE (item_id),
        CONSTRAINT meeting_decisions_item_id_fkey FOREIGN KEY (item_id) REFERENCES meeting_agenda_items (id),
        CONSTRAINT meeting_decisions_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff_users (id),
        CONSTRAINT meeting_decisions_referrals_check CHECK (
          jsonb_typeof(referrals) = 'array'
          AND (kind = 'refer') = (jsonb_array_length(referrals) > 0)
        )
      )
    `);

    await queryRunner.query(`
      CREATE TABLE meeting_comments (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL,
        CONSTRAINT meeting_comments_item_id_fkey FOREIGN KEY (item_id) REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
        CONSTRAINT meeting_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES staff_users (id)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX meeting_comments_item_idx ON meeting_comments (item_id, created_at)`,
    );

    // A decision is the Group's act: it is recorded once and never rewritten or removed.
    await queryRunner.query(`
      CREATE FUNCTION pmd_meeting_decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'meeting_decisions cannot be changed: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER meeting_decisions_immutable BEFORE UPDATE OR DELETE ON meeting_decisions
      FOR EACH ROW EXECUTE FUNCTION pmd_meeting_decisions_immutable()
    `);
    // Approved minutes are the record of the meeting: the meeting row is frozen...
    await queryRunner.query(`
      CREATE FUNCTION pmd_meetings_minutes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the minutes of this meeting are approved: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER meetings_minutes_frozen BEFORE UPDATE OR DELETE ON meetings
      FOR EACH ROW WHEN (OLD.status = 'minutes_approved')
      EXECUTE FUNCTION pmd_meetings_minutes_frozen()
    `);
    // ...and so are its agenda and its attendance.
    await queryRunner.query(`
      CREATE FUNCTION pmd_meeting_parts_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        owner uuid;
      BEGIN
        owner := CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
        IF EXISTS (SELECT 1 FROM meetings WHERE id = owner AND status = 'minutes_approved')
          OR (TG_OP = 'UPDATE' AND EXISTS (
            SELECT 1 FROM meetings WHERE id = OLD.meeting_id AND status = 'minutes_approved'))
        THEN
          RAISE EXCEPTION 'the minutes of this meeting are approved: % on % is not allowed', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER meeting_agenda_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON meeting_agenda_items
      FOR EACH ROW EXECUTE FUNCTION pmd_meeting_parts_frozen()
    `);
    await queryRunner.query(`
      CREATE TRIGGER meeting_attendance_frozen BEFORE INSERT OR UPDATE OR DELETE ON meeting_attendance
      FOR EACH ROW EXECUTE FUNCTION pmd_meeting_parts_frozen()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meeting_comments`);
    await queryRunner.query(`DROP TABLE meeting_decisions`);
    await queryRunner.query(`DROP TABLE meeting_recusals`);
    await queryRunner.query(`DROP TABLE meeting_attendance`);
    await queryRunner.query(`DROP TABLE meeting_agenda_items`);
    await queryRunner.query(`DROP TABLE meetings`);
    await queryRunner.query(`DROP FUNCTION pmd_meeting_parts_frozen()`);
    await queryRunner.query(`DROP FUNCTION pmd_meetings_minutes_frozen()`);
    await queryRunner.query(`DROP FUNCTION pmd_meeting_decisions_immutable()`);
  }
}
