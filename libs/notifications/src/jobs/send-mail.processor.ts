import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  FieldCipher,
  JobWorker,
  Locale,
  createRedis,
  queuePrefix,
} from '@app/core';
import { isMailTemplate } from '../domain/mail-templates';
import { describeSendFailure } from '../domain/send-failure';
import { MailSender } from '../services/mail-sender';
import { NotificationRenderer, RenderedMail } from '../services/notification-renderer.service';
import { Batcher } from './batcher';
import { JobPayloads } from './queues';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ClaimedRow {
  id: string;
  template: string;
  locale: Locale;
  recipient_encrypted: string;
  params: Record<string, string>;
}

export type SendOutcome = 'sent' | 'skipped';

/**
 * Sends one outbox email per job: claim the row, render, send over SMTP, mark it sent.
 *
 * Exactly once as far as SMTP allows. Before talking to SMTP the row gets a send marker
 * (`send_started_at`) in a conditional UPDATE, so a second copy of the job (BullMQ runs a
 * stalled job again) waits while the first one may still be sending, and a row marked sent is
 * never sent again. What remains is at-least-once: if the process dies after the SMTP server
 * accepted the email and before the row is marked sent (a window of one UPDATE), the email
 * is sent again once MAIL_SEND_LEASE_MS has passed. Both copies carry the same Message-ID
 * (derived from the row id), which lets mail clients recognise the duplicate.
 */
@Injectable()
export class SendMailProcessor
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(SendMailProcessor.name);
  private connection?: Redis;
  private worker?: JobWorker<JobPayloads['send-mail']>;
  private readonly messageIdDomain: string;
  /** Rows finished by concurrent jobs are marked sent together, one UPDATE for several. */
  private readonly sentMarks = new Batcher<string>(async (ids) => {
    await this.query(
      `UPDATE notification_outbox SET status = 'sent', sent_at = now(), send_started_at = NULL
       WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [ids],
    );
  });

  /**
   * Send markers of concurrent jobs are set together, one conditional UPDATE for several rows:
   * each row still gets its own condition (not finished, no other attempt within its lease).
   */
  private readonly claims = new Batcher<string, ClaimedRow | undefined>(async (ids) => {
    const rows = await this.query<ClaimedRow>(
      `UPDATE notification_outbox
       SET status = 'queued', queued_at = coalesce(queued_at, now()),
           attempts = attempts + 1, send_started_at = now()
       WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'queued')
         AND (send_started_at IS NULL OR send_started_at < now() - $2 * interval '1 millisecond')
       RETURNING id, template, locale, recipient_encrypted, params`,
      [[...new Set(ids)], this.config.notifications.sendLeaseMs],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    // One claim per id: a second job of the same row in the same batch gets nothing.
    return ids.map((id) => {
      const row = byId.get(id);
      byId.delete(id);
      return row;
    });
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly renderer: NotificationRenderer,
    private readonly sender: MailSender,
  ) {
    this.messageIdDomain = new URL(config.app.publicUrl).hostname || 'pmd.localhost';
  }

  onApplicationBootstrap(): void {
    const { concurrency, jobLockMs } = this.config.notifications;
    this.connection = createRedis(this.config, 'queue-worker');
    this.worker = new JobWorker<JobPayloads['send-mail']>(
      'mail',
      async (job, token) => {
        await this.process(job, token);
      },
      {
        connection: this.connection,
        prefix: queuePrefix(this.config),
        concurrency,
        lockDuration: jobLockMs,
        stalledInterval: jobLockMs,
        maxStalledCount: 2,
      },
    );
    let redisDown = false;
    this.worker.on('error', (error) => {
      if (!redisDown) this.logger.warn(`Mail worker: ${error.message}`);
      redisDown = true;
    });
    this.worker.on('ready', () => {
      redisDown = false;
    });
    this.worker.on('failed', (job, error) => {
      if (error instanceof DelayedError || error.name === 'DelayedError') return;
      this.logger.warn({
        msg: 'Email attempt failed',
        outboxId: job?.id,
        attempt: job ? job.attemptsMade : undefined,
        reason: error.message,
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    // Lets the jobs in progress finish; takes no new ones.
    await this.worker?.close();
  }

  onApplicationShutdown(): void {
    this.connection?.disconnect();
  }

  async process(job: Job<JobPayloads['send-mail']>, token?: string): Promise<SendOutcome> {
    const id = job.data?.outboxId;
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw new UnrecoverableError('The job does not name an outbox row');
    }
    const row = await this.claim(id);
    if (!row) return this.notClaimed(job, id, token);

    let mail: RenderedMail;
    let to: string;
    try {
      if (!isMailTemplate(row.template)) throw new Error(`Unknown template ${row.template}`);
      to = this.cipher.decrypt(row.recipient_encrypted, id);
      mail = this.renderer.render(row.template, row.locale, row.params);
    } catch (error) {
      // Retrying cannot fix a row that cannot be read or rendered.
      const reason = `Cannot prepare the email: ${describeSendFailure(error).summary}`;
      await this.markDead(id, reason);
      throw new UnrecoverableError(reason);
    }

    try {
      await this.sender.send({ ...mail, to, messageId: `<${id}@${this.messageIdDomain}>` });
    } catch (error) {
      const failure = describeSendFailure(error);
      const last = failure.permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) {
        await this.markDead(id, failure.summary);
        throw new UnrecoverableError(failure.summary);
      }
      await this.query(
        `UPDATE notification_outbox SET last_error = $2, send_started_at = NULL
         WHERE id = $1 AND status = 'queued'`,
        [id, failure.summary],
      );
      // The message is stored by BullMQ: only the cleaned summary, never an address.
      throw new Error(failure.summary);
    }

    await this.markSent(id);
    return 'sent';
  }

  /**
   * The SMTP server has the email: failing now would send it again, so a short database
   * outage is waited out here rather than turned into a retry of the whole job.
   */
  private async markSent(id: string): Promise<void> {
    for (const pauseMs of [200, 1000, 3000, 0]) {
      try {
        await this.sentMarks.add(id);
        return;
      } catch (error) {
        if (pauseMs === 0) throw error;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }
  }

  /** Sets the send marker unless the row is finished or another attempt is sending it now. */
  private claim(id: string): Promise<ClaimedRow | undefined> {
    return this.claims.add(id);
  }

  private async notClaimed(
    job: Job<JobPayloads['send-mail']>,
    id: string,
    token: string | undefined,
  ): Promise<SendOutcome> {
    const [row] = await this.query<{ status: string; wait_ms: number }>(
      `SELECT status,
              greatest(0, $2 - extract(epoch FROM now() - send_started_at) * 1000)::int AS wait_ms
       FROM notification_outbox WHERE id = $1`,
      [id, this.config.notifications.sendLeaseMs],
    );
    // Gone (personal data erased) or already finished: nothing to do, and never a second send.
    if (!row || row.status === 'sent' || row.status === 'dead') return 'skipped';
    // Another attempt holds the send marker: come back when its lease ends. Not a failure,
    // so it does not use up an attempt.
    await job.moveToDelayed(Date.now() + row.wait_ms + 100, token);
    throw new DelayedError();
  }

  private async markDead(id: string, reason: string): Promise<void> {
    await this.query(
      `UPDATE notification_outbox
       SET status = 'dead', dead_at = now(), last_error = $2, send_started_at = NULL
       WHERE id = $1 AND status NOT IN ('sent', 'dead')`,
      [id, reason],
    );
    this.logger.warn({ msg: 'Email dead-lettered', outboxId: id, reason });
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return result.records as T[];
    } finally {
      await runner.release();
    }
  }
}
