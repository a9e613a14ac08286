import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LOCALES, Locale } from '@app/core';
import { CASE_STATUSES, CaseStatus } from '../../workflow/domain/case-status.machine';

/** A filter left empty in the page's form arrives as ''; it means "any". */
const emptyIsAbsent = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
  );

/** A number from the query string; empty means absent (not 0). */
const queryNumber = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    return value.trim() === '' ? undefined : Number(value);
  });

const CODE = /^[a-z0-9_]{1,64}$/;
export const CASE_PAGE_SIZE_MAX = 100;
export const CASE_PAGE_SIZE_DEFAULT = 25;

/** Filters and page of the staff case list (API and page). */
export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @emptyIsAbsent()
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'Taxonomy `area` code', example: 'education' })
  @emptyIsAbsent()
  @IsOptional()
  @Matches(CODE)
  area?: string;

  @ApiPropertyOptional({ description: 'Taxonomy `community` code', example: 'roma' })
  @emptyIsAbsent()
  @IsOptional()
  @Matches(CODE)
  community?: string;

  @ApiPropertyOptional({ description: 'Taxonomy `municipality` code', example: 'gjakove' })
  @emptyIsAbsent()
  @IsOptional()
  @Matches(CODE)
  municipality?: string;

  @ApiPropertyOptional({
    description: 'Statistical year (submission in the installation’s time zone)',
  })
  @queryNumber()
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({
    description: 'A legal expert id, `me` (the caller) or `none` (not assigned)',
  })
  @emptyIsAbsent()
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
  assignee?: string;

  @ApiPropertyOptional({
    description:
      'Free text (3 to 200 characters) over the reference (prefix) and the description; ignores case and diacritics (ë = e, ç = c)',
  })
  // Under three characters a trigram index cannot help, and a search that matches nothing
  // would read every description.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : value,
  )
  @IsOptional()
  @IsString()
  @Length(3, 200)
  q?: string;

  @ApiPropertyOptional({
    enum: ['overdue', 'due_soon'],
    description:
      "Cases whose stage is past its due date, or due within the reminder's window (working days); cases waiting for the reporter are neither",
  })
  @emptyIsAbsent()
  @IsOptional()
  @IsIn(['overdue', 'due_soon'])
  due?: 'overdue' | 'due_soon';

  @ApiPropertyOptional({
    enum: ['newest', 'oldest', 'due'],
    default: 'newest',
    description: '`due`: the earliest due date of the current stage first',
  })
  @emptyIsAbsent()
  @IsOptional()
  @IsIn(['newest', 'oldest', 'due'])
  order?: 'newest' | 'oldest' | 'due';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @queryNumber()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: CASE_PAGE_SIZE_MAX, default: CASE_PAGE_SIZE_DEFAULT })
  @queryNumber()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CASE_PAGE_SIZE_MAX)
  pageSize?: number;

  /** The language switcher of the page adds it. */
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

/** Pages that take only the language (and a notice after a form was sent). */
export class StaffPageQueryDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/)
  done?: string;
}
