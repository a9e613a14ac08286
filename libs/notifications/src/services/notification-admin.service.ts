import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, StaffRole } from '@app/core';
import { NotificationPermissions } from '../domain/notification-permissions';
import {
  DeadNotificationDto,
  DeadNotificationListDto,
  RetriedNotificationDto,
} from '../dto/dead-notification.dto';
import {
  MailQueueCountsDto,
  NotificationSummaryDto,
  OutboxCountsDto,
} from '../dto/notification-summary.dto';
import { NotificationQueues } from '../jobs/notification-queues';

const REDIS_TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface DeadRow {
  id: string;
  template: DeadNotificationDto['template'];
  locale: DeadNotificationDto['locale'];
  recipient_kind: DeadNotificationDto['recipientKind'];
  reference: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  dead_at: Date;
}

/**
 * What administrators see of the mail pipeline (counts, dead letters) and the one thing they
 * can do to it: send a dead-lettered email again. Recipients and texts are never shown.
 */
@Injectable()
export class NotificationAdminService {
  private readonly logger = new Logger(NotificationAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: NotificationQueues,
  ) {}

  async summary(): Promise<NotificationSummaryDto> {
    const [outbox, queue] = await Promise.all([this.outboxCounts(), this.queueCounts()]);
    return { outbox, queue };
  }

  /** Counts by status; each hits a partial index, so the cost does not grow with sent mail. */
  async outboxCounts(): Promise<OutboxCountsDto> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM notification_outbox WHERE status = 'pending')::int AS pending,
              (SELECT count(*) FROM notification_outbox WHERE status = 'queued')::int AS queued,
              (SELECT count(*) FROM notification_outbox WHERE status = 'dead')::int AS dead`,
    )) as OutboxCountsDto[];
    return row;
  }

  /** BullMQ's counts of the mail queue, or null when Redis does not answer in time. */
  async queueCounts(): Promise<MailQueueCountsDto | null> {
    if (!(await this.queues.reachable(REDIS_TIMEOUT_MS))) return null;
    try {
      const counts = await within(
        this.queues.queue('mail').getJobCounts('waiting', 'active', 'delayed', 'failed'),
        REDIS_TIMEOUT_MS,
      );
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      };
    } catch {
      return null;
    }
  }

  async deadLetters(
    actor: { role: StaffRole },
    page = 1,
    pageSize = 50,
  ): Promise<DeadNotificationListDto> {
    NotificationPermissions.require(actor, 'readDeadLetters');
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, template, locale, recipient_kind, params->>'reference' AS reference,
                attempts, last_error, created_at, dead_at
         FROM notification_outbox WHERE status = 'dead'
         ORDER BY dead_at DESC, id LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ) as Promise<DeadRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM notification_outbox WHERE status = 'dead'`,
      ) as Promise<{ total: number }[]>,
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        template: row.template,
        locale: row.locale,
        recipientKind: row.recipient_kind,
        reference: row.reference,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: row.created_at.toISOString(),
        deadAt: row.dead_at.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * Sends a dead-lettered email again: the row goes back to pending with fresh attempts and the
   * relay queues it. The failed job of the last attempt is removed first, because a job id that
   * still exists in Redis cannot be added again; if Redis is away, the relay's sweep removes it
   * later, so the retry is delayed, never lost.
   */
  async retry(actor: { role: StaffRole }, id: string): Promise<RetriedNotificationDto> {
    NotificationPermissions.require(actor, 'retry');
    const [row] = (await this.dataSource.query(
      `SELECT status FROM notification_outbox WHERE id = $1`,
      [id],
    )) as { status: string }[];
    if (!row) throw new NotFoundError('notification_not_found');
    if (row.status !== 'dead') throw new ConflictError('notification_not_dead');
    await this.removeFailedJob(id);
    const updated = (await this.dataSource.query(
      `UPDATE notification_outbox
       SET status = 'pending', attempts = 0, dead_at = NULL, queued_at = NULL, send_started_at = NULL
       WHERE id = $1 AND status = 'dead' RETURNING id`,
      [id],
    )) as [unknown[], number];
    if (updated[1] === 0) throw new ConflictError('notification_not_dead');
    this.logger.log({ msg: 'Dead-lettered email queued again', outboxId: id });
    return { id, status: 'pending' };
  }

  private async removeFailedJob(id: string): Promise<void> {
    if (!(await this.queues.reachable(REDIS_TIMEOUT_MS))) return;
    try {
      await within(this.queues.queue('mail').remove(id), REDIS_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`Could not remove the failed job ${id}: ${(error as Error).message}`);
    }
  }
}
