import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus } from '../../workflow/domain/case-status.machine';

export class TimelineEntryDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ description: 'The status in plain words, in the request language' })
  label!: string;
}

export class FollowUpMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['reporter', 'staff', 'mediator'] })
  author!: 'reporter' | 'staff' | 'mediator';

  @ApiProperty({ example: 'Legal expert' })
  authorLabel!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class EvidenceItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'image/jpeg' })
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

/** An institution's answer to a referral, when the legal expert shares it with the reporter. */
export class SharedAnswerDto {
  @ApiProperty({ example: 'Ministry of Education, Science, Technology and Innovation' })
  institution!: string;

  @ApiProperty({ example: 'Complied', description: 'What the institution did, in plain words' })
  outcomeLabel!: string;

  @ApiProperty({ nullable: true, type: String })
  text!: string | null;

  @ApiProperty({ format: 'date-time' })
  answeredAt!: string;
}

/** What a reporter sees of their case: no staff names, no internal notes. */
export class FollowUpViewDto {
  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ example: 'Received' })
  statusLabel!: string;

  @ApiProperty({ example: 'We received your report. A staff member will look at it soon.' })
  statusExplanation!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ type: [TimelineEntryDto] })
  timeline!: TimelineEntryDto[];

  @ApiProperty({ type: [FollowUpMessageDto] })
  messages!: FollowUpMessageDto[];

  @ApiProperty({ type: [EvidenceItemDto] })
  evidence!: EvidenceItemDto[];

  @ApiProperty({
    description: 'Whether the case has a decision (referred, resolved, not discrimination, closed)',
  })
  decided!: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The legal expert’s message about the decision; null while the case is undecided',
  })
  outcomeMessage!: string | null;

  @ApiProperty({
    type: [SharedAnswerDto],
    description: 'The institutions’ answers the legal expert shares with the reporter',
  })
  sharedAnswers!: SharedAnswerDto[];

  /** The reporter's personal data was erased (on request or after the retention period). */
  @ApiProperty()
  personalDataErased!: boolean;
}

export class PostedMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class AddedEvidenceDto {
  @ApiProperty({ type: [EvidenceItemDto] })
  added!: EvidenceItemDto[];
}
