import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LOCALES, Locale } from '@app/core';
import { blankless } from '../../common/dto/text-rules';

const CODE = /^[a-z0-9_]{1,64}$/;
export const DIRECTORY_NOTICES = ['created', 'updated', 'ended', 'imported'] as const;

/** The directory list's filters (page and API). */
export class DirectoryQueryDto {
  @ApiPropertyOptional({ example: 'ministry_education' })
  @IsOptional()
  @Transform(blankless)
  @Matches(CODE)
  institution?: string;

  @ApiPropertyOptional({ example: 'prizren' })
  @IsOptional()
  @Transform(blankless)
  @Matches(CODE)
  municipality?: string;

  @IsOptional()
  @IsIn(DIRECTORY_NOTICES)
  done?: (typeof DIRECTORY_NOTICES)[number];

  /** The language switcher of the page adds it. */
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
