import { IsDefined, IsIn } from 'class-validator';
import { LOCALES, Locale } from '@app/core';

/** A staff member's own language (the account page's form). */
export class AccountLanguageForm {
  @IsDefined()
  @IsIn(LOCALES)
  locale!: Locale;
}
