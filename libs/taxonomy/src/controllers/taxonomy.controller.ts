import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicAccess, PublicReferenceData, requestLocale } from '@app/core';
import { TaxonomyQueryDto } from '../dto/taxonomy-query.dto';
import { TaxonomyEntryDto, TaxonomyResponseDto } from '../dto/taxonomy-response.dto';
import { TaxonomyCatalogueService } from '../services/taxonomy-catalogue.service';

@ApiTags('taxonomy')
@ApiExtraModels(TaxonomyEntryDto)
@PublicAccess()
@Controller('api/v1/taxonomy')
export class TaxonomyController {
  constructor(private readonly catalogue: TaxonomyCatalogueService) {}

  /** Every list of reference data with labels in one language (Serbian Cyrillic transliterated). */
  @Get()
  @PublicReferenceData()
  @ApiOkResponse({ type: TaxonomyResponseDto })
  list(
    @Query() query: TaxonomyQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<TaxonomyResponseDto> {
    return this.catalogue.localized(query.lang ?? requestLocale(request));
  }
}
