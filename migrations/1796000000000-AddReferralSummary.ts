import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The summary a legal expert writes for the institution a case is referred to: without the
 * reporter's consent it is all the institution reads of the facts. Referrals made before it
 * keep a null summary; their page shows a neutral note instead of the reporter's words.
 */
export class AddReferralSummary1796000000000 implements MigrationInterface {
  name = 'AddReferralSummary1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_referrals ADD COLUMN summary text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_referrals DROP COLUMN summary`);
  }
}
