import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ValidationFailedError, isSerializationFailure } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { StatisticsPermissions } from '../domain/statistics-permissions';
import { YearAlreadyPublishedError, YearNotOverError } from '../exceptions/statistics.errors';
import { StatisticsService } from './statistics.service';

export interface PublishedYear {
  year: number;
  publishedAt: string;
}

/**
 * Publishing freezes a finished year's counts as they are now. The public then sees exactly
 * those figures, whatever is corrected later; staff see the difference.
 */
@Injectable()
export class StatisticsPublishing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly statistics: StatisticsService,
    private readonly audit: AuditLog,
  ) {}

  async publish(year: number, actor: StaffPrincipal, ip: string | null): Promise<PublishedYear> {
    StatisticsPermissions.require(actor, 'publish');
    if (!Number.isInteger(year) || year < 2000) {
      throw new ValidationFailedError([
        { field: 'year', code: 'min', messageKey: 'validation.min', params: { 0: 2000 } },
      ]);
    }
    if (year >= this.statistics.currentYear()) throw new YearNotOverError(year);
    try {
      return await this.freeze(year, actor, ip);
    } catch (error) {
      // Two administrators publishing the same year at once: the second one's INSERT … ON
      // CONFLICT meets a row its REPEATABLE READ snapshot cannot see, and PostgreSQL refuses to
      // serialize it. That is "already published", not a fault of the service.
      if (isSerializationFailure(error) && (await this.isPublished(year))) {
        throw new YearAlreadyPublishedError(year);
      }
      throw error;
    }
  }

  private async isPublished(year: number): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM stat_snapshots WHERE year = $1`, [
      year,
    ])) as unknown[];
    return rows.length > 0;
  }

  private async freeze(
    year: number,
    actor: StaffPrincipal,
    ip: string | null,
  ): Promise<PublishedYear> {
    const now = this.clock.now();
    // Read before the transaction: a query on another connection while the transaction holds
    // one starves the pool when many publish at once (every transaction waits for a second).
    const known = await this.statistics.knownCodes();
    // One consistent snapshot of the counters and the histogram.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const counts = await this.statistics.currentCounts(year, manager);
      // What the staff page previewed for the year: computed the same way from the same counts.
      const { figures } = this.statistics.publicYear(year, counts, known);
      const inserted = (await manager.query(
        `INSERT INTO stat_snapshots (year, published_at, published_by, counts, public_figures)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) ON CONFLICT (year) DO NOTHING RETURNING year`,
        [year, now, actor.id, JSON.stringify(counts), JSON.stringify(figures)],
      )) as { year: number }[];
      if (inserted.length === 0) throw new YearAlreadyPublishedError(year);
      await this.audit.record(manager, {
        action: 'statistics_published',
        actor: { id: actor.id, role: actor.role },
        subjectType: 'statistics_year',
        subjectId: String(year),
        ip,
        details: { year },
      });
      return { year, publishedAt: now.toISOString() };
    });
  }
}
