import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LOCALES, Locale } from '@app/core';
import { EXPORT_FORMATS, ExportFormat } from '../services/statistics-export.service';

const CODE = /^[a-z0-9_]{1,64}$/;

/** `?from=YYYY&to=YYYY` of the yearly statistics. */
export class YearlyQueryDto {
  @ApiPropertyOptional({
    example: 2024,
    description: 'First year (the installation’s time zone); default: the first year with cases',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  from?: number;

  @ApiPropertyOptional({ example: 2026, description: 'Last year; default: the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  to?: number;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

/** The staff filters: taxonomy codes, absent for "all". */
export class StaffStatisticsQueryDto extends YearlyQueryDto {
  @ApiPropertyOptional({ example: 'roma' })
  @IsOptional()
  @Matches(CODE)
  community?: string;

  @ApiPropertyOptional({ example: 'education' })
  @IsOptional()
  @Matches(CODE)
  area?: string;

  @ApiPropertyOptional({ example: 'prizren' })
  @IsOptional()
  @Matches(CODE)
  municipality?: string;
}

export class ExportQueryDto extends StaffStatisticsQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

/** The public page: the range and the year whose details are shown. */
export class PublicPageQueryDto extends YearlyQueryDto {
  @IsOptional()
  @Matches(/^(\d{4}|all)$/)
  year?: string;
}

/** The staff page: filters, the year of the details, and a notice after publishing. */
export class StaffPageQueryDto extends StaffStatisticsQueryDto {
  @IsOptional()
  @Matches(/^(\d{4}|all)$/)
  year?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  published?: number;
}

/** `?year=YYYY` of the yearly regional report. */
export class RegionalReportQueryDto {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(9999)
  year!: number;

  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
