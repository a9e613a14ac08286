import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, type CaseStatus } from '@app/cases';
import {
  DECISION_KINDS,
  DecisionKind,
  PROPOSED_DECISIONS,
  ProposedDecision,
} from '../domain/decision-kinds';
import { MEETING_STATUSES, MeetingStatus } from '../domain/meeting-status.machine';
import { RECUSAL_REASONS, RecusalReason } from '../domain/recusal';

/** A taxonomy code with its label in the language of the request. */
export class LabelledCodeDto {
  @ApiProperty({ example: 'education' })
  code!: string;
  @ApiProperty({ example: 'Arsimi' })
  label!: string;
}

/**
 * A case as the Technical Group reads it: its facts, never who reported it (no name, email,
 * phone, helper, nor the reporter's own description).
 */
export class AgendaCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;
  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;
  @ApiProperty({ type: LabelledCodeDto })
  community!: LabelledCodeDto;
  @ApiProperty({ type: LabelledCodeDto })
  area!: LabelledCodeDto;
  @ApiProperty({ type: [LabelledCodeDto] })
  grounds!: LabelledCodeDto[];
  @ApiProperty({ type: LabelledCodeDto })
  municipality!: LabelledCodeDto;
  @ApiProperty({ type: LabelledCodeDto })
  perpetratorKind!: LabelledCodeDto;
  @ApiProperty({ example: '2026-01-15' })
  incidentDate!: string;
  @ApiProperty({ example: '2026-01-20' })
  submittedOn!: string;
}

export class RecusalViewDto {
  @ApiProperty({ format: 'uuid' })
  memberId!: string;
  @ApiProperty()
  memberName!: string;
  @ApiProperty({ enum: RECUSAL_REASONS })
  reason!: RecusalReason;
}

export class QuorumViewDto {
  @ApiProperty({ description: 'Members present and not recused' })
  voting!: number;
  @ApiProperty()
  present!: number;
  @ApiProperty()
  recused!: number;
  @ApiProperty()
  required!: number;
  @ApiProperty()
  met!: boolean;
}

export class DecidedReferralViewDto {
  @ApiProperty({ type: LabelledCodeDto })
  institution!: LabelledCodeDto;
  @ApiPropertyOptional({ type: LabelledCodeDto, nullable: true })
  municipality!: LabelledCodeDto | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Null for a reader excluded from the item (see `AgendaItemViewDto.excluded`)',
  })
  recommendation!: string | null;
  @ApiProperty({ example: '2026-06-30' })
  responseDueDate!: string;
}

export class DecisionViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: DECISION_KINDS })
  kind!: DecisionKind;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Null for a reader excluded from the item (see `AgendaItemViewDto.excluded`)',
  })
  text!: string | null;
  @ApiProperty({ type: [DecidedReferralViewDto] })
  referrals!: DecidedReferralViewDto[];
  @ApiProperty({ type: [String], format: 'uuid' })
  referralIds!: string[];
  @ApiProperty()
  membersPresent!: number;
  @ApiProperty()
  membersRecused!: number;
  @ApiProperty()
  quorumRequired!: number;
  @ApiProperty()
  recordedBy!: string;
  @ApiProperty()
  recordedAt!: string;
}

export class CommentViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  authorName!: string;
  @ApiProperty()
  body!: string;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ example: '2026-03-10 14:05', description: 'In the installation’s time zone' })
  createdLocal!: string;
}

export class AgendaItemViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  position!: number;
  @ApiProperty({ type: AgendaCaseDto })
  case!: AgendaCaseDto;
  @ApiProperty({
    description:
      'The reader is recused as a member of the institution the case is about: the summary, the comments and the decision’s text are withheld from them, and they may not comment',
  })
  excluded!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Null when the reader is excluded' })
  summary!: string | null;
  @ApiProperty({ enum: PROPOSED_DECISIONS })
  proposedDecision!: ProposedDecision;
  @ApiProperty({ type: [LabelledCodeDto] })
  proposedInstitutions!: LabelledCodeDto[];
  @ApiPropertyOptional({ type: LabelledCodeDto, nullable: true })
  respondentInstitution!: LabelledCodeDto | null;
  @ApiProperty({ description: 'Carried over from an earlier meeting (postponed or cancelled)' })
  carriedOver!: boolean;
  @ApiProperty({ type: [RecusalViewDto] })
  recusals!: RecusalViewDto[];
  @ApiPropertyOptional({
    type: QuorumViewDto,
    nullable: true,
    description: 'Once attendance is recorded',
  })
  quorum!: QuorumViewDto | null;
  @ApiPropertyOptional({ type: DecisionViewDto, nullable: true })
  decision!: DecisionViewDto | null;
  @ApiProperty({ type: [CommentViewDto], description: 'Empty when the reader is excluded' })
  comments!: CommentViewDto[];
}

export class AttendanceViewDto {
  @ApiProperty({ format: 'uuid' })
  memberId!: string;
  @ApiProperty()
  name!: string;
  @ApiPropertyOptional({ type: LabelledCodeDto, nullable: true })
  institution!: LabelledCodeDto | null;
  @ApiPropertyOptional({ nullable: true, description: 'Null until attendance is recorded' })
  present!: boolean | null;
}

export class MinutesViewDto {
  @ApiPropertyOptional({ nullable: true })
  text!: string | null;
  @ApiPropertyOptional({ nullable: true })
  approvedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    example: '2026-03-20 09:30',
    description: 'In the installation’s time zone',
  })
  approvedLocal!: string | null;
  @ApiPropertyOptional({ nullable: true })
  approvedBy!: string | null;
}

export class MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ description: 'Start (ISO 8601, UTC)' })
  scheduledAt!: string;
  @ApiProperty({
    example: '2026-03-12 10:00',
    description: 'Start in the installation’s time zone',
  })
  scheduledLocal!: string;
  @ApiPropertyOptional({ nullable: true })
  place!: string | null;
  @ApiPropertyOptional({ nullable: true })
  onlineLink!: string | null;
  @ApiProperty({ enum: MEETING_STATUSES })
  status!: MeetingStatus;
  @ApiProperty()
  itemCount!: number;
  @ApiProperty()
  version!: number;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingSummaryDto] })
  items!: MeetingSummaryDto[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  page!: number;
  @ApiProperty()
  pageSize!: number;
}

export class MeetingDto extends MeetingSummaryDto {
  @ApiPropertyOptional({ nullable: true })
  agendaPublishedAt!: string | null;
  @ApiPropertyOptional({ nullable: true })
  heldAt!: string | null;
  @ApiPropertyOptional({ nullable: true })
  cancelledAt!: string | null;
  @ApiProperty({ description: 'Members an item needs for a decision' })
  quorumRequired!: number;
  @ApiProperty({ description: 'Whether attendance has been recorded' })
  attendanceRecorded!: boolean;
  @ApiProperty({ type: [AttendanceViewDto] })
  attendance!: AttendanceViewDto[];
  @ApiProperty({ type: [AgendaItemViewDto] })
  items!: AgendaItemViewDto[];
  @ApiPropertyOptional({
    type: MinutesViewDto,
    nullable: true,
    description: 'Members see the minutes once approved',
  })
  minutes!: MinutesViewDto | null;
}

/** What a command answers: the meeting as it now is. */
export class DecisionRecordedDto {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;
  @ApiProperty({ format: 'uuid' })
  itemId!: string;
  @ApiProperty({ enum: DECISION_KINDS })
  kind!: DecisionKind;
  @ApiProperty({ enum: CASE_STATUSES, description: 'The case status after the decision' })
  caseStatus!: CaseStatus;
  @ApiProperty({ type: [String], format: 'uuid' })
  referralIds!: string[];
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'A postponed case: the meeting it was carried to, when one is planned',
  })
  carriedToMeetingId!: string | null;
}
