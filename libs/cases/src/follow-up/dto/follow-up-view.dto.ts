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

  @ApiProperty({ enum: ['reporter', 'staff'] })
  author!: 'reporter' | 'staff';

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
