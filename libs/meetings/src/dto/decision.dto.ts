import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { referralsFromForm } from '@app/cases';
import { IsContactEmail, TextLength } from '@app/core';
import { DECISION_KINDS, DecisionKind } from '../domain/decision-kinds';
import { CODE, trim } from './text-rules';

/** One institution a `refer` decision sends the case to. */
export class DecisionReferralDto {
  @ApiProperty({ example: 'ministry_education' })
  @IsDefined()
  @Matches(CODE)
  institutionCode!: string;

  @ApiPropertyOptional({
    example: 'prizren',
    description: 'Required when the institution is `municipality`',
  })
  @IsOptional()
  @Matches(CODE)
  municipalityCode?: string;

  @ApiProperty({ minLength: 10, maxLength: 5000 })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(10, 5000)
  recommendation!: string;

  @ApiProperty({
    minLength: 20,
    maxLength: 5000,
    description:
      'The case told for the institution; without the reporter’s consent all it reads of the facts. Refused (`revealsIdentity`) when it names the reporter or holds a phone number or e-mail address.',
  })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(20, 5000)
  summary!: string;

  @ApiProperty({ example: '2026-06-30', description: 'YYYY-MM-DD, after today' })
  @IsDefined()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  responseDueDate!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The institution directory’s contact point (active, of this institution) whose address receives the response link; or a confirmed one-off `contactEmail`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  contactPointId?: string;

  @ApiPropertyOptional({
    format: 'email',
    description:
      'A one-off address not in the directory: only typed again in `contactEmailRepeat` and with `oneOffConfirmed: true`',
  })
  @IsOptional()
  @Transform(trim)
  @IsContactEmail()
  contactEmail?: string;

  @ApiPropertyOptional({ description: 'The one-off address typed a second time (the same)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(320)
  contactEmailRepeat?: string;

  @ApiPropertyOptional({ description: 'The confirmation that the one-off address was checked' })
  @IsOptional()
  @IsBoolean()
  oneOffConfirmed?: boolean;
}

/** The Group's decision on a case of the agenda; the case moves in the same transaction. */
export class RecordDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'A case on this meeting’s agenda' })
  @IsDefined()
  @IsUUID()
  caseId!: string;

  @ApiProperty({ enum: DECISION_KINDS })
  @IsDefined()
  @IsIn(DECISION_KINDS)
  kind!: DecisionKind;

  @ApiProperty({
    maxLength: 5000,
    description: 'The decision as the minutes record it (its reasoning)',
  })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 5000)
  text!: string;

  @ApiPropertyOptional({ type: [DecisionReferralDto], description: 'With `refer` only: 1 to 10' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DecisionReferralDto)
  referrals?: DecisionReferralDto[];
}

/**
 * The decision form of the meeting page. Its referral blocks follow the case page's rule
 * (`referralsFromForm`): the workflow checks each referral as it does for the API.
 */
export class DecisionFormDto {
  @IsDefined()
  @IsUUID()
  caseId!: string;

  @IsDefined()
  @IsIn(DECISION_KINDS)
  kind!: DecisionKind;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 5000)
  text!: string;

  // The fields of the referral blocks, each sent once per block.
  @Allow() institutionCode?: string | string[];
  @Allow() municipalityCode?: string | string[];
  @Allow() recommendation?: string | string[];
  @Allow() summary?: string | string[];
  @Allow() responseDueDate?: string | string[];
  @Allow() contactPointId?: string | string[];
  @Allow() contactEmail?: string | string[];
  @Allow() contactEmailRepeat?: string | string[];
  @Allow() oneOffConfirmed?: string | string[];

  /** The command: referrals only with a decision to refer. */
  toCommand() {
    return {
      caseId: this.caseId,
      kind: this.kind,
      text: this.text,
      referrals: this.kind === 'refer' ? referralsFromForm(this) : [],
    };
  }
}
