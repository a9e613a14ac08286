import { IsDefined, IsString, MaxLength } from 'class-validator';

/** The page of an invitation or reset link. The password rules are the domain's (password-policy). */
export class SetPasswordForm {
  @IsDefined()
  @IsString()
  @MaxLength(1000)
  password!: string;

  @IsDefined()
  @IsString()
  @MaxLength(1000)
  passwordConfirmation!: string;
}
