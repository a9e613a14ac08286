import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsOfferedLocale, Locale, TextLength } from '@app/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** The form's "none" is an empty choice: no value, not an invalid code. */
const emptyIsNone = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** An administrator registers a partner organisation (its mediators are invited after). */
export class PartnerOrganisationForm {
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 200)
  name!: string;

  /** Taxonomy municipality code, when the organisation works in one. */
  @IsOptional()
  @Transform(emptyIsNone)
  @Matches(/^[a-z0-9_]{1,64}$/)
  municipality?: string;

  @IsDefined()
  @Transform(trim)
  @IsEmail()
  @MaxLength(320)
  contactEmail!: string;
}

/** An administrator invites a community mediator of an organisation. */
export class InviteMediatorForm {
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 200)
  name!: string;

  @IsDefined()
  @Transform(trim)
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @IsDefined()
  @IsOfferedLocale()
  locale!: Locale;
}
