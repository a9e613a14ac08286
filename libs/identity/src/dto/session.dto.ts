import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_ROLES, AccountRole, LOCALES, Locale } from '@app/core';

export class StaffUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  role!: AccountRole;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({ nullable: true, type: String, description: 'Technical Group member institution' })
  institutionCode?: string | null;

  @ApiProperty({
    required: false,
    type: String,
    format: 'uuid',
    description: "A mediator's organisation",
  })
  organisationId?: string;
}

/** The signed-in staff member and the CSRF token to send as `x-csrf-token` on changes. */
export class SessionDto {
  @ApiProperty({ type: StaffUserDto })
  user!: StaffUserDto;

  @ApiProperty()
  csrfToken!: string;
}
