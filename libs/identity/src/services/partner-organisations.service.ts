import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  ConflictError,
  Locale,
  NotFoundError,
  ValidationFailedError,
  isUuid,
} from '@app/core';
import { TaxonomyService } from '@app/taxonomy';
import { normaliseEmail } from '../domain/email';
import { StaffPermissions } from '../domain/staff-permissions';
import { StaffPrincipal } from '../domain/staff-principal';
import { PartnerOrganisation } from '../entities/partner-organisation.entity';
import { StaffUser } from '../entities/staff-user.entity';
import { AuditLog } from './audit-log.service';
import { StaffAccountView, StaffAccounts } from './staff-accounts.service';
import { RequestMeta, StaffSessions } from './staff-sessions.service';
import { StaffLinks } from './staff-links.service';

export interface PartnerOrganisationView {
  id: string;
  name: string;
  municipalityCode: string | null;
  /** The municipality's name in the reader's language. */
  municipality: string | null;
  contactEmail: string;
  active: boolean;
  mediatorCount: number;
  createdAt: Date;
}

export interface NewPartnerOrganisation {
  name: string;
  municipality?: string | null;
  contactEmail: string;
}

/**
 * Partner organisations whose community mediators file reports for people, and the mediators'
 * accounts: administrators register, end and restore organisations and invite mediators (the
 * staff accounts' invitation, password and TOTP enrolment). Every change is audited.
 */
@Injectable()
export class PartnerOrganisations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly accounts: StaffAccounts,
    private readonly sessions: StaffSessions,
    private readonly links: StaffLinks,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async list(actor: StaffPrincipal, locale: Locale): Promise<PartnerOrganisationView[]> {
    StaffPermissions.require(actor, 'manageAccounts');
    const rows = await this.dataSource.manager.find(PartnerOrganisation, {
      order: { active: 'DESC', name: 'ASC' },
    });
    return this.views(rows, locale);
  }

  /** One organisation and its mediators' accounts. */
  async get(
    actor: StaffPrincipal,
    id: string,
    locale: Locale,
  ): Promise<{ organisation: PartnerOrganisationView; mediators: StaffAccountView[] }> {
    StaffPermissions.require(actor, 'manageAccounts');
    // A malformed id names no organisation (and would be refused by PostgreSQL).
    if (!isUuid(id)) throw new NotFoundError('organisation_not_found');
    const row = await this.dataSource.manager.findOne(PartnerOrganisation, { where: { id } });
    if (!row) throw new NotFoundError('organisation_not_found');
    const [organisation] = await this.views([row], locale);
    const mediators = (await this.accounts.list(locale)).filter((a) => a.organisationId === id);
    return { organisation, mediators };
  }

  /** The municipalities an organisation may name, by name in the reader's language. */
  async municipalities(locale: Locale): Promise<{ code: string; label: string }[]> {
    return (await this.taxonomy.snapshot()).list('municipality', locale);
  }

  async register(
    actor: StaffPrincipal,
    input: NewPartnerOrganisation,
    meta: RequestMeta,
  ): Promise<string> {
    StaffPermissions.require(actor, 'manageAccounts');
    const municipality = input.municipality ?? null;
    if (
      municipality !== null &&
      !(await this.taxonomy.snapshot()).isKnown('municipality', municipality)
    ) {
      throw new ValidationFailedError([
        {
          field: 'municipality',
          code: 'municipality_unknown',
          messageKey: 'staff.organisations.municipality_unknown',
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const id = randomUUID();
      // ON CONFLICT DO NOTHING: a name taken is an answer, not an aborted transaction.
      const inserted = (await manager.query(
        `INSERT INTO partner_organisations (id, name, municipality, contact_email, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [id, input.name.trim(), municipality, normaliseEmail(input.contactEmail), now],
      )) as unknown[];
      if (inserted.length === 0) throw new ConflictError('organisation_name_taken');
      await this.record(manager, actor, 'organisation_registered', id, meta);
      return id;
    });
  }

  /**
   * Ends an organisation (its mediators are signed out and cannot sign in or file), or
   * restores it; a repeat changes nothing.
   */
  async setActive(
    actor: StaffPrincipal,
    id: string,
    active: boolean,
    meta: RequestMeta,
  ): Promise<void> {
    StaffPermissions.require(actor, 'manageAccounts');
    if (!isUuid(id)) throw new NotFoundError('organisation_not_found');
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(PartnerOrganisation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFoundError('organisation_not_found');
      if (row.active === active) return;
      const now = this.clock.now();
      await manager.update(
        PartnerOrganisation,
        { id },
        { active, deactivatedAt: active ? null : now, updatedAt: now },
      );
      if (!active) {
        const mediators = await manager.find(StaffUser, {
          where: { organisationId: id },
          select: { id: true },
        });
        for (const mediator of mediators) {
          await this.sessions.revokeAllOf(manager, mediator.id);
          await this.links.revokeUnused(manager, mediator.id);
        }
      }
      const action = active ? 'organisation_reactivated' : 'organisation_deactivated';
      await this.record(manager, actor, action, id, meta);
    });
  }

  /** Invites a community mediator of an active organisation (the staff invitation e-mail). */
  inviteMediator(
    actor: StaffPrincipal,
    organisationId: string,
    input: { name: string; email: string; locale: Locale },
    meta: RequestMeta,
  ): Promise<string> {
    return this.accounts.invite(actor, { ...input, role: 'mediator', organisationId }, meta);
  }

  private record(
    manager: EntityManager,
    actor: StaffPrincipal,
    action: string,
    id: string,
    meta: RequestMeta,
  ): Promise<void> {
    return this.audit.record(manager, {
      action,
      actor,
      subjectType: 'partner_organisation',
      subjectId: id,
      ip: meta.ip,
    });
  }

  private async views(
    rows: PartnerOrganisation[],
    locale: Locale,
  ): Promise<PartnerOrganisationView[]> {
    const snapshot = await this.taxonomy.snapshot();
    const counts = new Map<string, number>();
    if (rows.length > 0) {
      const found = (await this.dataSource.query(
        `SELECT organisation_id, count(*)::int AS n FROM staff_users
          WHERE organisation_id = ANY($1) AND active GROUP BY organisation_id`,
        [rows.map((r) => r.id)],
      )) as { organisation_id: string; n: number }[];
      for (const row of found) counts.set(row.organisation_id, row.n);
    }
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      municipalityCode: row.municipality,
      municipality: row.municipality
        ? snapshot.label('municipality', row.municipality, locale)
        : null,
      contactEmail: row.contactEmail,
      active: row.active,
      mediatorCount: counts.get(row.id) ?? 0,
      createdAt: row.createdAt,
    }));
  }
}
