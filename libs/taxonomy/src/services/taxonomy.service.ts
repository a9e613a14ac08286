import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '@app/core';
import { TaxonomySnapshot } from '../domain/taxonomy-snapshot';
import { TaxonomyItem } from '../entities/taxonomy-item.entity';

/** Reference data changes rarely (an administrator's edit); other processes see it this late. */
const CACHE_MS = 5 * 60 * 1000;

/**
 * Reads the reference data. It is cached in each process for a few minutes; the process that
 * edits it calls `invalidate()`.
 */
@Injectable()
export class TaxonomyService {
  private cached?: { snapshot: TaxonomySnapshot; loadedAt: number };
  private loading?: Promise<TaxonomySnapshot>;

  constructor(
    @InjectRepository(TaxonomyItem) private readonly items: Repository<TaxonomyItem>,
    private readonly clock: Clock,
  ) {}

  async snapshot(): Promise<TaxonomySnapshot> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.loadedAt < CACHE_MS) return this.cached.snapshot;
    // Concurrent first requests share one query.
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(now: number): Promise<TaxonomySnapshot> {
    const rows = await this.items.find();
    const snapshot = new TaxonomySnapshot(rows);
    this.cached = { snapshot, loadedAt: now };
    return snapshot;
  }
}
