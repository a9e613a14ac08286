/** Reference data (DESIGN §5): seeded by a migration, served in four languages, editable later. */
export * from './data/taxonomy.data';
export * from './domain/localized-label';
export * from './domain/taxonomy-snapshot';
export * from './entities/taxonomy-item.entity';
export * from './services/taxonomy-catalogue.service';
export * from './services/taxonomy.service';
export * from './taxonomy.module';

import { TaxonomyItem } from './entities/taxonomy-item.entity';
export const TAXONOMY_ENTITIES = [TaxonomyItem];
