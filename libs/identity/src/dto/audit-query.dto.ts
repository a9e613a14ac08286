import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LOCALES, Locale } from '@app/core';

/** Filters of the audit log (page and API). Dates are calendar days of the installation, both included. */
export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'login_failed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,62}$/)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff member who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'case' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/)
  subjectType?: string;

  @ApiPropertyOptional({ example: 'PMD-2025-00042' })
  @IsOptional()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ example: '2025-01-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  /** The language switcher of the page adds it. */
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
