import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of emails. A statement trigger sends NOTIFY on insert so the relay wakes at once;
 * it also polls, so a lost notification only delays mail.
 */
export class CreateNotificationOutbox1795430000000 implements MigrationInterface {
  name = 'CreateNotificationOutbox1795430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY,
        template text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('sq', 'sr', 'en', 'rom')),
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('reporter', 'staff', 'institution')),
        recipient_encrypted text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        case_id uuid,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'sent', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        sent_at timestamptz,
        dead_at timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CHECK ((status = 'dead') = (dead_at IS NOT NULL))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_outbox_case_idx ON notification_outbox (case_id)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION pmd_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pmd_outbox', '');
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER notification_outbox_notify AFTER INSERT ON notification_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION pmd_outbox_notify()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS notification_outbox_notify ON notification_outbox`,
    );
    await queryRunner.query(`DROP FUNCTION IF EXISTS pmd_outbox_notify()`);
    await queryRunner.query(`DROP TABLE notification_outbox`);
  }
}
