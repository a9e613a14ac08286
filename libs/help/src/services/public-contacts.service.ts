import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Locale, isUuid, toSerbianCyrillic } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { HelpPermissions } from '../domain/help-permissions';
import { PublicContactKind, PublicContactNames } from '../domain/public-contact-kinds';
import { PublicContactForm } from '../dto/public-contact.form';
import { PublicContact } from '../entities/public-contact.entity';
import { PublicContactNotFoundError } from '../exceptions/help.errors';

/** A contact point as a public page shows it: its name in the page's language. */
export interface PublicContactView {
  id: string;
  kind: PublicContactKind;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
}

/** A contact point as the administrators' page lists and edits it. */
export interface PublicContactRecord {
  id: string;
  kind: PublicContactKind;
  names: PublicContactNames;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  sortOrder: number;
  active: boolean;
}

/**
 * The contact points of the public pages (help, contact, privacy, "if you disagree"): read by
 * anyone in their language, kept by administrators. Every change commits with its audit entry.
 */
@Injectable()
export class PublicContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** The active contacts of these kinds, in their order, named in `locale`. */
  async list(
    kinds: PublicContactKind | readonly PublicContactKind[],
    locale: Locale,
  ): Promise<PublicContactView[]> {
    const wanted = typeof kinds === 'string' ? [kinds] : [...kinds];
    const rows = await this.dataSource
      .createQueryBuilder(PublicContact, 'contact')
      .where('contact.kind IN (:...wanted)', { wanted })
      .andWhere('contact.active')
      .orderBy('contact.sortOrder', 'ASC')
      .addOrderBy('contact.id', 'ASC')
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: locale === 'sr-Cyrl' ? toSerbianCyrillic(row.names.sr) : row.names[locale],
      phone: row.phone,
      email: row.email,
      address: row.address,
      website: row.website,
    }));
  }

  /** Every contact point, active ones first, for the administrators' page. */
  async all(actor: StaffPrincipal): Promise<PublicContactRecord[]> {
    HelpPermissions.require(actor, 'manageContacts');
    const rows = await this.dataSource.manager.find(PublicContact, {
      order: { active: 'DESC', kind: 'ASC', sortOrder: 'ASC' },
    });
    return rows.map(record);
  }

  async get(actor: StaffPrincipal, id: string): Promise<PublicContactRecord> {
    HelpPermissions.require(actor, 'manageContacts');
    // A page shown again after a refused form reads the id as sent, before any pipe checked it.
    if (!isUuid(id)) throw new PublicContactNotFoundError();
    const row = await this.dataSource.manager.findOneBy(PublicContact, { id });
    if (!row) throw new PublicContactNotFoundError();
    return record(row);
  }

  async create(actor: StaffPrincipal, form: PublicContactForm, ip: string | null): Promise<string> {
    HelpPermissions.require(actor, 'manageContacts');
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PublicContact, { id, ...fields(form), updatedAt: this.clock.now() });
      await this.record(manager, actor, 'public_contact_created', id, form.kind, ip);
    });
    return id;
  }

  async update(
    actor: StaffPrincipal,
    id: string,
    form: PublicContactForm,
    ip: string | null,
  ): Promise<void> {
    HelpPermissions.require(actor, 'manageContacts');
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        PublicContact,
        { id },
        { ...fields(form), updatedAt: this.clock.now() },
      );
      if (!result.affected) throw new PublicContactNotFoundError();
      await this.record(manager, actor, 'public_contact_updated', id, form.kind, ip);
    });
  }

  /** Takes a contact off the public pages, or puts it back; a repeat changes nothing. */
  async setActive(
    actor: StaffPrincipal,
    id: string,
    active: boolean,
    ip: string | null,
  ): Promise<void> {
    HelpPermissions.require(actor, 'manageContacts');
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(PublicContact, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new PublicContactNotFoundError();
      if (row.active === active) return;
      await manager.update(PublicContact, { id }, { active, updatedAt: this.clock.now() });
      const action = active ? 'public_contact_reactivated' : 'public_contact_deactivated';
      await this.record(manager, actor, action, id, row.kind, ip);
    });
  }

  private record(
    manager: EntityManager,
    actor: StaffPrincipal,
    action: string,
    id: string,
    kind: PublicContactKind,
    ip: string | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      action,
      actor: { id: actor.id, role: actor.role },
      subjectType: 'public_contact',
      subjectId: id,
      ip,
      details: { kind },
    });
  }
}

function fields(form: PublicContactForm) {
  return {
    kind: form.kind,
    names: { sq: form.nameSq, sr: form.nameSr, en: form.nameEn, rom: form.nameRom },
    phone: form.phone ?? null,
    email: form.email ?? null,
    address: form.address ?? null,
    website: form.website ?? null,
    sortOrder: form.sortOrder,
  };
}

function record(row: PublicContact): PublicContactRecord {
  return {
    id: row.id,
    kind: row.kind,
    names: row.names,
    phone: row.phone,
    email: row.email,
    address: row.address,
    website: row.website,
    sortOrder: row.sortOrder,
    active: row.active,
  };
}
