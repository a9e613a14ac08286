import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';

/** The sign-in form. Formats are not checked here: any refusal must look like any other. */
export class LoginForm {
  @IsDefined()
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsDefined()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  next?: string;
}
