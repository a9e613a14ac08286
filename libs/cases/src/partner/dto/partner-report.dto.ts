import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsObject } from 'class-validator';
import { SubmitCaseDto } from '../../intake/dto/submit-case.dto';

/** A mediator's report for a person, and the person's answer about the mediator following it. */
export class PartnerFilingDto {
  /** Checked by the intake's validator (the taxonomy's codes, every field's problem at once). */
  @ApiProperty({ type: SubmitCaseDto })
  @IsDefined()
  @IsObject()
  report!: Record<string, unknown>;

  @ApiProperty({ description: 'The person agrees that this mediator follows the case' })
  @IsDefined()
  @IsBoolean()
  mediatorMayFollow!: boolean;
}

export class PartnerReportLineDto {
  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ description: 'The status the person sees' })
  status!: string;

  @ApiProperty()
  statusLabel!: string;

  @ApiProperty({ description: 'The person agreed that the mediator follows the case' })
  mayFollow!: boolean;
}

export class PartnerTimelineEntryDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  status!: string;

  @ApiProperty()
  label!: string;
}

export class PartnerMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['reporter', 'staff', 'mediator'] })
  author!: string;

  @ApiProperty()
  authorLabel!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class PartnerReportDto extends PartnerReportLineDto {
  @ApiProperty()
  statusExplanation!: string;

  @ApiProperty({ type: [PartnerTimelineEntryDto] })
  timeline!: PartnerTimelineEntryDto[];

  @ApiProperty({
    type: [PartnerMessageDto],
    nullable: true,
    description: 'Null where the person did not agree that the mediator follows the case',
  })
  messages!: PartnerMessageDto[] | null;
}
