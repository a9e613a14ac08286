import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ValidateBy,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';
import { isCanonicalCaseReference } from '@app/cases';
import { TextLength } from '@app/core';
import { PROPOSED_DECISIONS, ProposedDecision } from '../domain/decision-kinds';
import { CODE, trim } from './text-rules';

/** The legal expert puts a case on the agenda with a summary for the Group and a proposal. */
export class AddAgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  caseId!: string;

  @ApiProperty({
    maxLength: 5000,
    description:
      'What members read about the case. It must not name the reporter (refused when it holds their name, email or phone).',
  })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 5000)
  summary!: string;

  @ApiProperty({ enum: PROPOSED_DECISIONS })
  @IsDefined()
  @IsIn(PROPOSED_DECISIONS)
  proposedDecision!: ProposedDecision;

  @ApiPropertyOptional({
    type: [String],
    example: ['ministry_education'],
    description: 'Institutions to refer to, with a `refer` proposal (their members are recused)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(CODE, { each: true })
  proposedInstitutionCodes?: string[];

  @ApiPropertyOptional({
    example: 'kosovo_police',
    description:
      'The institution the case is about, when it sits in the Group (its member is recused)',
  })
  @IsOptional()
  @Matches(CODE)
  respondentInstitutionCode?: string;
}

/** The agenda form of the meeting page names the case by its reference. */
export class AddAgendaItemFormDto {
  @IsDefined()
  @Transform(trim)
  @ValidateBy({ name: 'matches', validator: { validate: (v) => isCanonicalCaseReference(v) } })
  reference!: string;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 5000)
  summary!: string;

  @IsDefined()
  @IsIn(PROPOSED_DECISIONS)
  proposedDecision!: ProposedDecision;

  @IsOptional()
  @Matches(CODE)
  proposedInstitutionCode?: string;

  @IsOptional()
  @Matches(CODE)
  respondentInstitutionCode?: string;

  /** The command: the form proposes one institution at most. */
  toCommand() {
    return {
      case: { reference: this.reference },
      summary: this.summary,
      proposedDecision: this.proposedDecision,
      proposedInstitutionCodes: this.proposedInstitutionCode ? [this.proposedInstitutionCode] : [],
      respondentInstitutionCode: this.respondentInstitutionCode ?? null,
    };
  }
}
