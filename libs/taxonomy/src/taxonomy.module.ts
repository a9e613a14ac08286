import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyController } from './controllers/taxonomy.controller';
import { TaxonomyItem } from './entities/taxonomy-item.entity';
import { TaxonomyCatalogueService } from './services/taxonomy-catalogue.service';
import { TaxonomyService } from './services/taxonomy.service';

/** Reference data: communities, areas, grounds, municipalities, institutions... */
@Module({
  imports: [TypeOrmModule.forFeature([TaxonomyItem])],
  controllers: [TaxonomyController],
  providers: [TaxonomyCatalogueService, TaxonomyService],
  exports: [TaxonomyCatalogueService, TaxonomyService],
})
export class TaxonomyModule {}
