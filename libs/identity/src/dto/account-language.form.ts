import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined, IsIn } from 'class-validator';
import { LOCALES, Locale } from '@app/core';

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
  @IsIn(LOCALES)
  locale!: Locale;

  /** The languages they can write to reporters in: at least one. */
  @Transform(asList)
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(LOCALES, { each: true })
  workingLocales!: Locale[];
}
