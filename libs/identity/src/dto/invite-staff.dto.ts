import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsOfferedLocale, LOCALES, Locale, STAFF_ROLES, StaffRole, TextLength } from '@app/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An administrator invites a member of staff (the users page form and the API). */
export class InviteStaffDto {
  @ApiProperty({ maxLength: 200 })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 200)
  name!: string;

  @ApiProperty({ format: 'email' })
  @IsDefined()
  @Transform(trim)
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsDefined()
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiProperty({ enum: LOCALES, description: 'Language of the emails and the back office' })
  @IsDefined()
  @IsOfferedLocale()
  locale!: Locale;

  @ApiPropertyOptional({
    example: 'ombudsperson',
    description: 'Taxonomy institution code; only for Technical Group members',
  })
  @IsOptional()
  // The form's "none" is an empty choice: no institution, not an invalid code.
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @Matches(/^[a-z0-9_]{1,64}$/)
  institutionCode?: string;
}
