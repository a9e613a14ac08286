import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published year keeps the figures the public sees, as the disclosure control hid them on the
 * day of publishing (libs/statistics/src/domain/disclosure-control.ts): what the administrator
 * was shown before publishing is what stays public, whatever changes later in the method or the
 * taxonomy. Years published before have none and are protected when read.
 */
export class AddSnapshotPublicFigures1796800000000 implements MigrationInterface {
  name = 'AddSnapshotPublicFigures1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stat_snapshots ADD COLUMN public_figures jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stat_snapshots DROP COLUMN public_figures`);
  }
}
