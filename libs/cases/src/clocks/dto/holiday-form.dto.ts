import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { LOCALES, Locale, TextLength } from '@app/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A public holiday an administrator adds to the working-day calendar. */
export class HolidayFormDto {
  /** YYYY-MM-DD (a real calendar day is checked by the service). */
  @IsDefined()
  @Transform(trim)
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day!: string;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 200)
  name!: string;
}

/** The year the holidays page shows, and the notice after a form. */
export class HolidaysPageQueryDto {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined,
  )
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;

  @IsOptional()
  @Matches(/^(added|removed)$/)
  done?: string;

  /** The language switcher of the page adds it. */
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
