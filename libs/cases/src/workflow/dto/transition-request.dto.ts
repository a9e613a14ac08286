import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  CaseStatus,
  ClosureReason,
} from '../domain/case-status.machine';
import { MAX_REFERRALS } from '../domain/transition-requirements';

export class ReferralRequestDto {
  @ApiProperty({ description: 'Taxonomy `institution` code', example: 'ministry_education' })
  @IsString()
  @MaxLength(64)
  institutionCode!: string;

  @ApiPropertyOptional({
    description: 'When the institution is `municipality`',
    example: 'gjakove',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  municipalityCode?: string | null;

  @ApiProperty({ minLength: 10, maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  recommendation!: string;

  @ApiProperty({
    minLength: 20,
    maxLength: 5000,
    description:
      'The case told for the institution by the legal expert. Without the reporter’s consent it is all the institution reads of the facts; refused (`revealsIdentity`) when it names the reporter or holds any phone number or e-mail address.',
  })
  @IsString()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ example: '2026-09-30', description: 'After today (the installation’s time zone)' })
  @IsString()
  @MaxLength(10)
  responseDueDate!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The institution directory’s contact point (active, of this institution) whose address receives the response link. Either this or a confirmed one-off `contactEmail`; neither is refused (`recipientRequired`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  contactPointId?: string | null;

  @ApiPropertyOptional({
    description:
      'A one-off address that is not in the directory; accepted only typed again in `contactEmailRepeat` (`oneOffRepeatDiffers` otherwise) and with `oneOffConfirmed: true` (`oneOffNotConfirmed` otherwise), and recorded as such',
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    description: 'The one-off address typed a second time; it must be the same as `contactEmail`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  contactEmailRepeat?: string | null;

  @ApiPropertyOptional({
    description: 'The second, explicit confirmation that the one-off address was checked',
  })
  @IsOptional()
  @IsBoolean()
  oneOffConfirmed?: boolean | null;
}

/** A step of the case workflow, with what its target needs. */
export class TransitionRequestDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  to!: CaseStatus;

  @ApiPropertyOptional({
    description: 'Required to close, to find "not discrimination" (legal reasoning) and to reopen',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string | null;

  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'in_review → assigned: an active legal expert',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: CLOSURE_REASONS, description: '→ closed' })
  @IsOptional()
  @IsIn(CLOSURE_REASONS)
  closureReason?: ClosureReason;

  @ApiPropertyOptional({
    minLength: 20,
    maxLength: 2000,
    description:
      'Required on every decision (→ referred, resolved, not_discrimination, closed): the legal expert’s short message to the reporter, shown on their follow-up page and never e-mailed. Missing: 400 naming `outcomeMessage`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  outcomeMessage?: string | null;

  @ApiPropertyOptional({ type: [ReferralRequestDto], description: '→ referred: one or more' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REFERRALS)
  @ValidateNested({ each: true })
  @Type(() => ReferralRequestDto)
  referrals?: ReferralRequestDto[];
}

export class TransitionResultDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  from!: CaseStatus;

  @ApiProperty({ enum: CASE_STATUSES })
  to!: CaseStatus;

  @ApiProperty()
  version!: number;

  @ApiProperty({ type: [String] })
  referralIds!: string[];
}

export class AssignmentRequestDto {
  @ApiProperty({ format: 'uuid', description: 'An active legal expert' })
  @IsUUID()
  assigneeId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class NoteRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  body!: string;
}
