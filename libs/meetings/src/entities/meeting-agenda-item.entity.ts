import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { Case } from '@app/cases';
import type { ProposedDecision } from '../domain/decision-kinds';
import { Meeting } from './meeting.entity';

/**
 * A case on a meeting's agenda, as the legal expert presents it: a summary written for the
 * Group (members never read the reporter's own description) and a proposed decision.
 */
@Entity({ name: 'meeting_agenda_items' })
@Unique('meeting_agenda_items_meeting_case_key', ['meetingId', 'caseId'])
@Unique('meeting_agenda_items_meeting_position_key', ['meetingId', 'position'])
@Index('meeting_agenda_items_case_idx', ['caseId'])
@Index('meeting_agenda_items_carried_from_key', ['carriedFromItemId'], {
  unique: true,
  where: 'carried_from_item_id IS NOT NULL',
})
export class MeetingAgendaItem {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  @ForeignKey(() => Meeting, { name: 'meeting_agenda_items_meeting_id_fkey' })
  meetingId!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'meeting_agenda_items_case_id_fkey' })
  caseId!: string;

  @Column('int')
  position!: number;

  @Column('text')
  summary!: string;

  @Column('text', { name: 'proposed_decision' })
  proposedDecision!: ProposedDecision;

  /** Institutions the legal expert proposes to refer to (only with a `refer` proposal). */
  @Column('text', { name: 'proposed_institution_codes', array: true })
  proposedInstitutionCodes!: string[];

  /** The institution the case is about, when it has a member in the Group (recusal). */
  @Column('text', { name: 'respondent_institution_code', nullable: true })
  respondentInstitutionCode!: string | null;

  /** The postponed (or cancelled) item this one continues. */
  @Column('uuid', { name: 'carried_from_item_id', nullable: true })
  @ForeignKey(() => MeetingAgendaItem, { name: 'meeting_agenda_items_carried_from_item_id_fkey' })
  carriedFromItemId!: string | null;

  @Column('uuid', { name: 'added_by' })
  @ForeignKey('StaffUser', { name: 'meeting_agenda_items_added_by_fkey' })
  addedBy!: string;

  @Column('timestamptz', { name: 'added_at' })
  addedAt!: Date;
}
