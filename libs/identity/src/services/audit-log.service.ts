import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountRole, Clock, installationTimeZone } from '@app/core';
import { AUDIT_ACTION_PATTERN, AuditDetails } from '../domain/audit-actions';
import { AuditEntry } from '../entities/audit-entry.entity';

export interface AuditRecord {
  action: string;
  /** Who did it; null for the public, the system or a failed sign-in. */
  actor?: { id: string; role: AccountRole } | null;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  details?: AuditDetails;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  /** Calendar dates (YYYY-MM-DD) in the installation's time zone, both included. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditLine {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: AuditDetails;
}

export interface AuditPage {
  items: AuditLine[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * The audit log: who did what, when, to which subject. Other contexts record inside their
 * own transaction (pass its manager), so an action and its entry commit together.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager | null, entry: AuditRecord): Promise<void> {
    if (!AUDIT_ACTION_PATTERN.test(entry.action)) {
      throw new Error(`Audit action "${entry.action}" is not in lower snake case`);
    }
    await (manager ?? this.dataSource.manager).insert(AuditEntry, {
      at: this.clock.now(),
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    });
  }

  /** Newest first. Dates are calendar days of the installation, as administrators read them. */
  async search(filter: AuditFilter): Promise<AuditPage> {
    const query = this.dataSource
      .createQueryBuilder(AuditEntry, 'entry')
      .leftJoin('entry.actor', 'actor')
      .select(['entry', 'actor.id', 'actor.name']);
    if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
    if (filter.actorId) query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    if (filter.subjectType) {
      query.andWhere('entry.subjectType = :subjectType', { subjectType: filter.subjectType });
    }
    if (filter.subjectId) {
      query.andWhere('entry.subjectId = :subjectId', { subjectId: filter.subjectId });
    }
    if (filter.from) {
      query.andWhere(`entry.at >= ((CAST(:from AS date))::timestamp AT TIME ZONE :zone)`, {
        from: filter.from,
        zone: installationTimeZone(),
      });
    }
    if (filter.to) {
      query.andWhere(`entry.at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)`, {
        to: filter.to,
        zone: installationTimeZone(),
      });
    }
    const [rows, total] = await query
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actorId,
        actorName: row.actor?.name ?? null,
        actorRole: row.actorRole,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        ip: row.ip,
        details: row.details,
      })),
      page: filter.page,
      pageSize: filter.pageSize,
      total,
    };
  }
}
