import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

/** A second-factor code as typed (the service reads six digits out of it). */
export class CodeForm {
  @IsDefined()
  @IsString()
  @MaxLength(20)
  code!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  next?: string;
}
