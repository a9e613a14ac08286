import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcome explained to the reporter: the legal expert's short message that every decision
 * (referred, resolved, not discrimination, closed by staff) carries, shown on the follow-up
 * page; and, per referral, whether the expert shares the institution's answer with the
 * reporter (never by default). A case that is not decided holds no message, so a reopened
 * case cannot show the message of a decision it no longer has.
 */
export class AddOutcomeMessage1797200000000 implements MigrationInterface {
  name = 'AddOutcomeMessage1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN outcome_message text`);
    await queryRunner.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_outcome_message_check CHECK (
         outcome_message IS NULL
         OR (char_length(outcome_message) BETWEEN 1 AND 5000
             AND status IN ('referred', 'resolved', 'not_discrimination', 'closed')))`,
    );
    await queryRunner.query(
      `ALTER TABLE case_referrals
       ADD COLUMN answer_shared_with_reporter boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE case_referrals ADD CONSTRAINT case_referrals_answer_shared_check
       CHECK (NOT answer_shared_with_reporter OR answered_at IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE case_referrals DROP CONSTRAINT case_referrals_answer_shared_check`,
    );
    await queryRunner.query(`ALTER TABLE case_referrals DROP COLUMN answer_shared_with_reporter`);
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_outcome_message_check`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN outcome_message`);
  }
}
