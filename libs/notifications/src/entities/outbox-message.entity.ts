import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Locale } from '@app/core';
import type { MailTemplate, RecipientKind } from '../domain/mail-templates';

export const OUTBOX_STATUSES = ['pending', 'queued', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One email to one recipient, written in the same transaction as the change that causes it.
 * The recipient address is encrypted (it can be a reporter's); Redis only ever sees the id.
 */
@Entity({ name: 'notification_outbox' })
@Index('notification_outbox_pending_idx', ['createdAt'], { where: `status = 'pending'` })
@Index('notification_outbox_case_idx', ['caseId'])
@Index('notification_outbox_queued_idx', ['queuedAt'], { where: `status = 'queued'` })
@Index('notification_outbox_dead_idx', ['deadAt'], { where: `status = 'dead'` })
export class OutboxMessage {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  template!: MailTemplate;

  @Column('text')
  locale!: Locale;

  @Column('text', { name: 'recipient_kind' })
  recipientKind!: RecipientKind;

  /** FieldCipher value; the outbox id is its context. */
  @Column('text', { name: 'recipient_encrypted' })
  recipientEncrypted!: string;

  @Column('jsonb', { default: () => "'{}'" })
  params!: Record<string, string>;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('text', { default: 'pending' })
  status!: OutboxStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  /** Reason of the last failure (SMTP reply code and text; never the message body). */
  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'queued_at', nullable: true })
  queuedAt!: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'dead_at', nullable: true })
  deadAt!: Date | null;

  /** Set while a processor talks to SMTP for this row; another attempt waits until it is old. */
  @Column('timestamptz', { name: 'send_started_at', nullable: true })
  sendStartedAt!: Date | null;
}
