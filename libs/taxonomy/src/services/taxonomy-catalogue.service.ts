import { Injectable } from '@nestjs/common';
import type { Locale } from '@app/core';
import { TAXONOMY_KINDS, TaxonomyKind } from '../data/taxonomy.data';
import type { LocalizedEntry } from '../domain/taxonomy-snapshot';
import { TaxonomyService } from './taxonomy.service';

/** The whole reference data in one language, as the public API and forms show it. */
@Injectable()
export class TaxonomyCatalogueService {
  constructor(private readonly taxonomy: TaxonomyService) {}

  async localized(
    locale: Locale,
  ): Promise<{ locale: Locale; kinds: Record<TaxonomyKind, LocalizedEntry[]> }> {
    const snapshot = await this.taxonomy.snapshot();
    const kinds = Object.fromEntries(
      TAXONOMY_KINDS.map((kind) => [kind, snapshot.list(kind, locale)]),
    ) as Record<TaxonomyKind, LocalizedEntry[]>;
    return { locale, kinds };
  }
}
