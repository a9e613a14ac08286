import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import type { DecisionKind } from '../domain/decision-kinds';
import { MeetingAgendaItem } from './meeting-agenda-item.entity';

/** One referral of a `refer` decision, as the minutes list it. */
export interface DecidedReferral {
  institutionCode: string;
  municipalityCode: string | null;
  recommendation: string;
  responseDueDate: string;
}

/**
 * The Group's decision on one agenda item, with the quorum it was taken with. Recorded once:
 * the database refuses to change or remove it.
 */
@Entity({ name: 'meeting_decisions' })
@Unique('meeting_decisions_item_id_key', ['itemId'])
export class MeetingDecision {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'item_id' })
  @ForeignKey(() => MeetingAgendaItem, { name: 'meeting_decisions_item_id_fkey' })
  itemId!: string;

  @Column('text')
  kind!: DecisionKind;

  @Column('text')
  text!: string;

  @Column('jsonb')
  referrals!: DecidedReferral[];

  /** The case referrals the decision created (in the cases context). */
  @Column('uuid', { name: 'referral_ids', array: true })
  referralIds!: string[];

  @Column('int', { name: 'members_present' })
  membersPresent!: number;

  @Column('int', { name: 'members_recused' })
  membersRecused!: number;

  @Column('int', { name: 'quorum_required' })
  quorumRequired!: number;

  @Column('uuid', { name: 'recorded_by' })
  @ForeignKey('StaffUser', { name: 'meeting_decisions_recorded_by_fkey' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
