import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import { NotificationQueues } from './notification-queues';
import { sendMailJobOptions } from './queues';

export const OUTBOX_CHANNEL = 'pmd_outbox';
const REDIS_TIMEOUT_MS = 5000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves emails from the outbox table to the mail queue. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` (several workers share the work), put on the queue with the row id
 * as job id (adding twice is a no-op) and marked queued in the same transaction: when Redis
 * refuses, the transaction rolls back and the rows wait, so nothing is lost while Redis is away.
 * Woken by NOTIFY on insert, with polling as a fallback. A periodic sweep queues again rows
 * whose job vanished (Redis flushed or restarted without persistence).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private listenerRetry?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeAgain = false;
  private stopped = false;
  private failing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: NotificationQueues,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
    const { outboxPollMs, outboxSweepMs } = this.config.notifications;
    this.pollTimer = setInterval(() => this.wake(), outboxPollMs);
    this.sweepTimer = setInterval(() => void this.sweepSafely(), outboxSweepMs);
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.sweepTimer);
    clearTimeout(this.listenerRetry);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.running;
  }

  /** Runs the relay now, or once more right after the run in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    const batch = this.config.notifications.outboxBatchSize;
    try {
      // A full batch means more may wait: keep going until a short one.
      while (!this.stopped && (await this.relayBatch()) === batch);
      if (this.failing) this.logger.log('Outbox relay works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(`Outbox relay paused, rows stay pending: ${(error as Error).message}`);
      }
      this.failing = true;
    }
  }

  /** Claims one batch of pending rows and queues them; returns how many. */
  async relayBatch(): Promise<number> {
    // Without Redis, adding would wait for it while holding row locks: leave the rows pending.
    if (!(await this.queues.reachable())) throw new Error('Redis is not reachable');
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.claim(
        manager,
        `SELECT id FROM notification_outbox WHERE status = 'pending'
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.notifications.outboxBatchSize],
      );
      if (ids.length === 0) return 0;
      await this.enqueue(ids);
      await manager.query(
        `UPDATE notification_outbox SET status = 'queued', queued_at = now() WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return ids.length;
    });
  }

  /**
   * Queues again the rows marked queued long ago whose job is gone or finished without
   * finishing the row. A job still waiting, delayed (backing off) or running is left alone.
   */
  async sweep(): Promise<number> {
    if (!(await this.queues.reachable())) return 0;
    const { outboxRequeueAfterMs, sendLeaseMs, outboxBatchSize } = this.config.notifications;
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.claim(
        manager,
        `SELECT id FROM notification_outbox
         WHERE status = 'queued' AND queued_at < now() - $1 * interval '1 millisecond'
           AND (send_started_at IS NULL OR send_started_at < now() - $2 * interval '1 millisecond')
         ORDER BY queued_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [outboxRequeueAfterMs, sendLeaseMs, outboxBatchSize],
      );
      if (ids.length === 0) return 0;
      const queue = this.queues.queue('mail');
      const lost: string[] = [];
      for (const id of ids) {
        const state = await withTimeout(queue.getJobState(id), REDIS_TIMEOUT_MS, 'Redis');
        if (state === 'unknown') lost.push(id);
        else if (state === 'completed' || state === 'failed') {
          await queue.remove(id);
          lost.push(id);
        }
      }
      await this.enqueue(lost);
      // Checked rows are looked at again only after another full period.
      await manager.query(
        `UPDATE notification_outbox SET queued_at = now() WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      if (lost.length > 0)
        this.logger.warn(`Queued again ${lost.length} emails whose job was lost`);
      return lost.length;
    });
  }

  private async claim(manager: EntityManager, sql: string, params: unknown[]): Promise<string[]> {
    const rows = (await manager.query(sql, params)) as { id: string }[];
    return rows.map((row) => row.id);
  }

  private async enqueue(ids: string[]): Promise<void> {
    await withTimeout(
      this.queues.addBulk(
        'send-mail',
        ids.map((id) => ({ data: { outboxId: id }, opts: sendMailJobOptions(this.config, id) })),
      ),
      REDIS_TIMEOUT_MS,
      'Adding mail jobs to Redis',
    );
  }

  private async sweepSafely(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.warn(`Outbox sweep failed: ${(error as Error).message}`);
    }
  }

  /** A dedicated connection for LISTEN (a pooled one would lose it); reconnects after errors. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'pmd-worker-outbox-listener',
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    let lost = false;
    const retry = () => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.stopped || this.listenerRetry) return;
      this.listenerRetry = setTimeout(() => {
        this.listenerRetry = undefined;
        void this.listen();
      }, 1000);
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
      // Rows inserted while we were not listening are picked up now.
      this.wake();
    } catch {
      retry();
    }
  }
}
