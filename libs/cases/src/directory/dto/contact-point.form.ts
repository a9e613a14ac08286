import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { IsContactEmail, IsContactPhone, TextLength } from '@app/core';
import { blankless, trimmed } from '../../common/dto/text-rules';
import { CONTACT_POINT_KEY } from '../domain/contact-point-rules';

const CODE = /^[a-z0-9_]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A contact point as the administrators' form (and the JSON API) gives it. The institution and
 * municipality are taxonomy codes, checked against the reference data by the service; the
 * dates are calendar days checked there too.
 */
export class ContactPointForm {
  @ApiPropertyOptional({
    example: 'ministry_education.prizren',
    description: 'Stable key (import matches by it); made from the institution when not given',
  })
  @IsOptional()
  @Transform(blankless)
  @Matches(CONTACT_POINT_KEY)
  key?: string;

  @ApiProperty({ example: 'ministry_education' })
  @IsDefined()
  @Transform(trimmed)
  @Matches(CODE)
  institutionCode!: string;

  @ApiPropertyOptional({ example: 'prizren' })
  @IsOptional()
  @Transform(blankless)
  @Matches(CODE)
  municipalityCode?: string;

  @ApiProperty({ example: 'Department of Education, Prizren' })
  @IsDefined()
  @Transform(trimmed)
  @IsString()
  @TextLength(2, 200)
  unit!: string;

  @ApiProperty({ format: 'email' })
  @IsDefined()
  @Transform(trimmed)
  @IsContactEmail()
  email!: string;

  @ApiPropertyOptional({ example: '+383 29 000 000' })
  @IsOptional()
  @Transform(blankless)
  @IsContactPhone()
  phone?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'First day offered; today if not given',
  })
  @IsOptional()
  @Transform(blankless)
  @Matches(DATE)
  activeFrom?: string;

  @ApiPropertyOptional({
    example: '2027-12-31',
    description: 'Last day offered; open if not given',
  })
  @IsOptional()
  @Transform(blankless)
  @Matches(DATE)
  activeTo?: string;
}
