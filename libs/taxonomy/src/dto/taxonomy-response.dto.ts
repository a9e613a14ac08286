import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, Locale } from '@app/core';
import { TAXONOMY_KINDS, TaxonomyKind } from '../data/taxonomy.data';

export class TaxonomyEntryDto {
  @ApiProperty({ example: 'education' })
  code!: string;

  @ApiProperty({ example: 'Education' })
  label!: string;

  @ApiPropertyOptional({ description: 'One line in plain words (grounds only)' })
  description?: string;
}

export class TaxonomyResponseDto {
  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({
    description: `Active entries per kind (${TAXONOMY_KINDS.join(', ')}), in display order`,
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { $ref: '#/components/schemas/TaxonomyEntryDto' },
    },
  })
  kinds!: Record<TaxonomyKind, TaxonomyEntryDto[]>;
}
