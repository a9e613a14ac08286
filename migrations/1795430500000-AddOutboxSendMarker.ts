import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A send marker on each outbox row: the mail processor sets it just before talking to SMTP, so a
 * second copy of the same job (a stalled job run again while the first still sends) waits
 * instead of sending twice. The partial index serves the relay's check for queued rows whose
 * job vanished from Redis.
 */
export class AddOutboxSendMarker1795430500000 implements MigrationInterface {
  name = 'AddOutboxSendMarker1795430500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notification_outbox ADD COLUMN send_started_at timestamptz`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_outbox_queued_idx ON notification_outbox (queued_at) WHERE status = 'queued'`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_outbox_dead_idx ON notification_outbox (dead_at) WHERE status = 'dead'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_outbox_dead_idx`);
    await queryRunner.query(`DROP INDEX notification_outbox_queued_idx`);
    await queryRunner.query(`ALTER TABLE notification_outbox DROP COLUMN send_started_at`);
  }
}
