import { Column, Entity, ForeignKey, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { MeetingStatus } from '../domain/meeting-status.machine';

/**
 * A Technical Group meeting. Its dates follow its status (the database checks it): published,
 * held, cancelled, minutes approved. Once the minutes are approved a trigger freezes the row.
 */
@Entity({ name: 'meetings' })
@Index('meetings_scheduled_idx', ['scheduledAt'])
export class Meeting {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('text', { nullable: true })
  place!: string | null;

  @Column('text', { name: 'online_link', nullable: true })
  onlineLink!: string | null;

  @Column('text', { default: 'planned' })
  status!: MeetingStatus;

  @Column('uuid', { name: 'created_by' })
  @ForeignKey('StaffUser', { name: 'meetings_created_by_fkey' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'agenda_published_at', nullable: true })
  agendaPublishedAt!: Date | null;

  @Column('timestamptz', { name: 'held_at', nullable: true })
  heldAt!: Date | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  /** The minutes' own text; the decisions are listed with it, from their rows. */
  @Column('text', { name: 'minutes_text', nullable: true })
  minutesText!: string | null;

  @Column('timestamptz', { name: 'minutes_approved_at', nullable: true })
  minutesApprovedAt!: Date | null;

  @Column('uuid', { name: 'minutes_approved_by', nullable: true })
  @ForeignKey('StaffUser', { name: 'meetings_minutes_approved_by_fkey' })
  minutesApprovedBy!: string | null;

  @VersionColumn()
  version!: number;
}
