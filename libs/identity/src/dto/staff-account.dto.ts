import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_ROLES, AccountRole, LOCALES, Locale } from '@app/core';

export class StaffAccountDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  role!: AccountRole;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({
    enum: LOCALES,
    isArray: true,
    description: 'Languages they write to reporters in',
  })
  workingLocales!: Locale[];

  @ApiProperty({ nullable: true, type: String })
  institutionCode!: string | null;

  @ApiProperty({ nullable: true, type: String, description: "The institution's name" })
  institution!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "A mediator's organisation",
  })
  organisationId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: "The mediator's organisation's name" })
  organisation!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ enum: ['invited', 'enrolling', 'active', 'locked', 'deactivated'] })
  state!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CreatedStaffDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}

export class SentLinkDto {
  @ApiProperty({ enum: ['invitation', 'password_reset'] })
  sent!: 'invitation' | 'password_reset';
}
