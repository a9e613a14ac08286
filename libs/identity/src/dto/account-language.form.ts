import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined } from 'class-validator';
import { IsOfferedLocale, Locale } from '@app/core';

/** A form's checkboxes: one ticked comes as a string, several as an array, none not at all. */
const asList = ({ value }: { value: unknown }) =>
  value === undefined || value === null || value === ''
    ? []
    : Array.isArray(value)
      ? value
      : [value];

/** A staff member's own languages (the account page's form). */
export class AccountLanguageForm {
  /** The language of their pages and emails. */
  @IsDefined()
  @IsOfferedLocale()
  locale!: Locale;

  /** The languages they can write to reporters in: at least one. */
  @Transform(asList)
  @IsArray()
  @ArrayMinSize(1)
  @IsOfferedLocale({ each: true })
  workingLocales!: Locale[];
}
