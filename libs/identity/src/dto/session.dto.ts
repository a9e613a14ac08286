import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, Locale, STAFF_ROLES, StaffRole } from '@app/core';

export class StaffUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({ nullable: true, type: String, description: 'Technical Group member institution' })
  institutionCode!: string | null;
}

/** The signed-in staff member and the CSRF token to send as `x-csrf-token` on changes. */
export class SessionDto {
  @ApiProperty({ type: StaffUserDto })
  user!: StaffUserDto;

  @ApiProperty()
  csrfToken!: string;
}
