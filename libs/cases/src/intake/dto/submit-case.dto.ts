import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsOfferedLocale, LOCALES, Locale, TextLength } from '@app/core';
import { EARLIEST_INCIDENT_DATE, HELPER_KINDS, HelperKind } from '../domain/case-submission';
import { IsCalendarDate, IsPhone, trimmed } from '../../common/dto/text-rules';

export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 10_000;
export const MAX_GROUNDS = 8;

/** How to reach an identified reporter. Each detail is optional; at least one is needed. */
export class ContactDetailsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @TextLength(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+383 44 123 456' })
  @IsOptional()
  @Transform(trimmed)
  @IsPhone()
  phone?: string;
}

/** A community mediator or an organisation who helped to file the report. */
export class FilingHelperDto {
  @ApiProperty({ enum: HELPER_KINDS })
  @IsDefined()
  @IsIn(HELPER_KINDS)
  kind!: HelperKind;

  @ApiProperty({ maxLength: 200 })
  @IsDefined()
  @Transform(trimmed)
  @IsString()
  @TextLength(1, 200)
  name!: string;
}

/**
 * A report of discrimination. Codes come from GET /api/v1/taxonomy. No field of identity is
 * required: `anonymous: true` reports carry no contact details at all.
 */
export class SubmitCaseDto {
  @ApiProperty({ example: 'roma', description: 'taxonomy kind `community`' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  community!: string;

  @ApiProperty({ example: 'education', description: 'taxonomy kind `area`' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  primaryArea!: string;

  @ApiProperty({
    example: ['discrimination'],
    description: 'taxonomy kind `ground`, one or more',
    type: [String],
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUNDS)
  @ArrayUnique()
  @IsString({ each: true })
  grounds!: string[];

  @ApiProperty({ example: 'prizren', description: 'taxonomy kind `municipality`' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  municipality!: string;

  @ApiProperty({
    example: '2026-01-15',
    description: `YYYY-MM-DD, not in the future (the installation's time zone), not before ${EARLIEST_INCIDENT_DATE}`,
  })
  @IsDefined()
  @IsCalendarDate()
  incidentDate!: string;

  @ApiProperty({ minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX })
  @IsDefined()
  @Transform(trimmed)
  @IsString()
  @TextLength(DESCRIPTION_MIN, DESCRIPTION_MAX)
  description!: string;

  @ApiProperty({ example: 'school', description: 'taxonomy kind `perpetrator_kind`' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  perpetratorKind!: string;

  @ApiPropertyOptional({
    example: 'victim',
    description:
      'taxonomy kind `reporter_role`; a report that does not say is kept as `not_recorded`',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  reporterRole?: string;

  @ApiPropertyOptional({ example: 'female', description: 'taxonomy kind `gender`' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  gender?: string;

  @ApiPropertyOptional({ example: '18_29', description: 'taxonomy kind `age_group`' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ageGroup?: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of emails; the request language by default',
  })
  @IsOptional()
  @IsOfferedLocale()
  preferredLanguage?: Locale;

  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  anonymous!: boolean;

  @ApiPropertyOptional({ type: ContactDetailsDto, description: 'Only when not anonymous' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDetailsDto)
  contact?: ContactDetailsDto;

  @ApiPropertyOptional({ description: 'The reporter may be contacted (needs an email or phone)' })
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;

  @ApiPropertyOptional({
    description: 'Institutions the case is referred to may learn who the reporter is',
  })
  @IsOptional()
  @IsBoolean()
  consentToShareIdentity?: boolean;

  @ApiPropertyOptional({ type: FilingHelperDto, description: 'Who helped to file the report' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FilingHelperDto)
  helper?: FilingHelperDto;
}
