import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { RecusalReason } from '../domain/recusal';
import { MeetingAgendaItem } from './meeting-agenda-item.entity';

/** A member who takes no part in one item: their institution is involved, or they declared it. */
@Entity({ name: 'meeting_recusals' })
export class MeetingRecusal {
  @PrimaryColumn('uuid', { name: 'item_id' })
  @ForeignKey(() => MeetingAgendaItem, {
    name: 'meeting_recusals_item_id_fkey',
    onDelete: 'CASCADE',
  })
  itemId!: string;

  @PrimaryColumn('uuid', { name: 'member_id' })
  @ForeignKey('StaffUser', { name: 'meeting_recusals_member_id_fkey' })
  memberId!: string;

  @Column('text')
  reason!: RecusalReason;

  /** Who recorded a declared recusal; null for the automatic ones. */
  @Column('uuid', { name: 'recorded_by', nullable: true })
  @ForeignKey('StaffUser', { name: 'meeting_recusals_recorded_by_fkey' })
  recordedBy!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
