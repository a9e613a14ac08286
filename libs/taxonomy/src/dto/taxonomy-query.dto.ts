import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LOCALES, Locale } from '@app/core';

export class TaxonomyQueryDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of the labels (else Accept-Language)',
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
