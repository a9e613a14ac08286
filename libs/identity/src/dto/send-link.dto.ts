import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** Which link an administrator sends: password only, or password and authenticator. */
export class SendLinkDto {
  @ApiPropertyOptional({ enum: ['password', 'password_and_totp'], default: 'password' })
  @IsOptional()
  @IsIn(['password', 'password_and_totp'])
  scope?: 'password' | 'password_and_totp';

  /** The command: a reset of the authenticator too, or the password only. */
  toOptions(): { resetTotp: boolean } {
    return { resetTotp: this.scope === 'password_and_totp' };
  }
}
