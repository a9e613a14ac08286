import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'triage', 'assignment', 'assessment', 'technical_group', 'institution_answer', 'closing'`;

/**
 * Timeliness figures (issue 19): how many stages of the cases of a statistical year took `days`
 * working days, and how many of them were within their target. A histogram, so the median and
 * the 90th percentile cost the same at any number of cases; kept in the transaction that stops
 * a case's clock, and proven by the statistics recompute command.
 */
export class CreateStatStageDays1797300000001 implements MigrationInterface {
  name = 'CreateStatStageDays1797300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stat_stage_days (
        year integer NOT NULL,
        stage text NOT NULL CONSTRAINT stat_stage_days_stage_check CHECK (stage IN (${STAGES})),
        days integer NOT NULL CONSTRAINT stat_stage_days_days_check CHECK (days >= 0),
        count bigint NOT NULL,
        within bigint NOT NULL,
        CONSTRAINT stat_stage_days_pkey PRIMARY KEY (year, stage, days),
        CONSTRAINT stat_stage_days_count_check CHECK (count >= 0 AND within BETWEEN 0 AND count)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stat_stage_days`);
  }
}
