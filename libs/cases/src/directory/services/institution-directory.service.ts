import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Clock,
  type FieldError,
  Locale,
  ValidationFailedError,
  csvLine,
  isUuid,
  installationDate,
} from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { TaxonomyService, type TaxonomySnapshot } from '@app/taxonomy';
import { addDays, isCalendarDate } from '../../referrals/domain/referral-rules';
import { isActiveOn, offerOrder } from '../domain/contact-point-rules';
import { DirectoryPermissions } from '../domain/directory-permissions';
import {
  type DirectoryRow,
  TAXONOMY_COLUMNS,
  directoryCsv,
  readDirectoryCsv,
} from '../domain/directory-csv';
import { ContactPointForm } from '../dto/contact-point.form';
import { InstitutionContactPoint } from '../entities/institution-contact-point.entity';
import {
  ContactPointKeyTakenError,
  ContactPointNotFoundError,
  DIRECTORY_IMPORT_MAX_ROWS,
  DirectoryImportInvalidError,
  DirectoryImportTooManyRowsError,
} from '../exceptions/directory.errors';

/** A contact point as the administrators' pages and the JSON API show it. */
export interface ContactPointRecord {
  id: string;
  key: string;
  institutionCode: string;
  institution: string;
  municipalityCode: string | null;
  municipality: string | null;
  unit: string;
  email: string;
  phone: string | null;
  activeFrom: string;
  activeTo: string | null;
  /** Offered today. */
  active: boolean;
}

/** A contact point a referral form offers: grouped by institution, labelled for the reader. */
export interface ContactPointOption {
  id: string;
  institutionCode: string;
  label: string;
}

export interface ContactPointGroup {
  institutionCode: string;
  institution: string;
  points: ContactPointOption[];
}

/** What a referral needs of the contact point it names. */
export interface ReferralRecipient {
  id: string;
  institutionCode: string;
  municipalityCode: string | null;
  email: string;
  activeFrom: string;
  activeTo: string | null;
}

export interface DirectoryFilter {
  institution?: string;
  municipality?: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** A contact point seeded from the country profile or the demo data. */
export interface SeedContactPoint {
  institutionCode: string;
  municipalityCode?: string | null;
  unit?: string | null;
  email: string;
  phone?: string | null;
}

/**
 * The institution directory: the contact points referrals go to. Administrators keep it (every
 * change commits with its audit entry, naming who changed which contact point; the addresses
 * themselves stay out of the audit and the logs), export and import it as CSV, and export the
 * reference data; referral forms offer its active contact points.
 */
@Injectable()
export class InstitutionDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
  ) {}

  today(): string {
    return installationDate(this.clock.now());
  }

  /** The contact points, filtered by institution and municipality, open ones first. */
  async list(
    actor: StaffPrincipal,
    filter: DirectoryFilter,
    locale: Locale,
  ): Promise<ContactPointRecord[]> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    const query = this.dataSource.createQueryBuilder(InstitutionContactPoint, 'p');
    if (filter.institution) {
      query.andWhere('p.institutionCode = :institution', { institution: filter.institution });
    }
    if (filter.municipality) {
      query.andWhere('p.municipalityCode = :municipality', { municipality: filter.municipality });
    }
    const rows = await query
      .orderBy('p.institutionCode', 'ASC')
      .addOrderBy('p.municipalityCode', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.unit', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    const snapshot = await this.taxonomy.snapshot();
    const today = this.today();
    const records = rows.map((row) => this.record(row, snapshot, locale, today));
    return [...records.filter((r) => r.active), ...records.filter((r) => !r.active)];
  }

  async get(actor: StaffPrincipal, id: string, locale: Locale): Promise<ContactPointRecord> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    // A page shown again after a refused form reads the id as sent, before any pipe checked it.
    if (!isUuid(id)) throw new ContactPointNotFoundError();
    const row = await this.dataSource.manager.findOneBy(InstitutionContactPoint, { id });
    if (!row) throw new ContactPointNotFoundError();
    return this.record(row, await this.taxonomy.snapshot(), locale, this.today());
  }

  async create(actor: StaffPrincipal, form: ContactPointForm, ip: string | null): Promise<string> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    const fields = await this.checked(form);
    const id = randomUUID();
    const key = form.key ?? newKey(fields.institutionCode, fields.municipalityCode);
    await this.dataSource.transaction(async (manager) => {
      await lockDirectory(manager);
      await this.requireFreeKey(manager, key, null);
      const now = this.clock.now();
      await manager.insert(InstitutionContactPoint, {
        id,
        key,
        ...fields,
        createdAt: now,
        updatedAt: now,
      });
      await this.record_(manager, actor, 'contact_point_created', id, key, fields, ip);
    });
    return id;
  }

  async update(
    actor: StaffPrincipal,
    id: string,
    form: ContactPointForm,
    ip: string | null,
  ): Promise<void> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    if (!isUuid(id)) throw new ContactPointNotFoundError();
    const fields = await this.checked(form);
    await this.dataSource.transaction(async (manager) => {
      await lockDirectory(manager);
      const row = await manager.findOne(InstitutionContactPoint, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new ContactPointNotFoundError();
      const key = form.key ?? row.key;
      await this.requireFreeKey(manager, key, id);
      const changed = changedFields(row, { key, ...fields });
      if (changed.length === 0) return;
      await manager.update(
        InstitutionContactPoint,
        { id },
        { key, ...fields, updatedAt: this.clock.now() },
      );
      await this.record_(manager, actor, 'contact_point_updated', id, key, fields, ip, changed);
    });
  }

  /**
   * Ends a contact point: from today it is no longer offered (its last day is yesterday). Its
   * row stays, as do the referrals that went to it; ending it again changes nothing.
   */
  async end(actor: StaffPrincipal, id: string, ip: string | null): Promise<void> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    if (!isUuid(id)) throw new ContactPointNotFoundError();
    await this.dataSource.transaction(async (manager) => {
      // The writers' lock first, as update() and import take it: locking the row first and the
      // table at the UPDATE would deadlock with a writer that holds the table and wants the row.
      await lockDirectory(manager);
      const row = await manager.findOne(InstitutionContactPoint, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new ContactPointNotFoundError();
      const lastDay = addDays(this.today(), -1);
      if (row.activeTo !== null && row.activeTo <= lastDay) return;
      const activeFrom = row.activeFrom > lastDay ? lastDay : row.activeFrom;
      await manager.update(
        InstitutionContactPoint,
        { id },
        { activeFrom, activeTo: lastDay, updatedAt: this.clock.now() },
      );
      await this.record_(manager, actor, 'contact_point_ended', id, row.key, row, ip);
    });
  }

  /**
   * The contact points offered today to a referral form, grouped by institution: those of the
   * case's municipality first in each group.
   */
  async offered(caseMunicipality: string | null, locale: Locale): Promise<ContactPointGroup[]> {
    const offers = await this.offeredFor([caseMunicipality], locale);
    return offers.get(caseMunicipality) ?? [];
  }

  /** `offered` for the cases of several municipalities at once (a meeting's agenda). */
  async offeredFor(
    caseMunicipalities: readonly (string | null)[],
    locale: Locale,
  ): Promise<Map<string | null, ContactPointGroup[]>> {
    const today = this.today();
    const [all, snapshot] = await Promise.all([
      this.dataSource.manager.find(InstitutionContactPoint),
      this.taxonomy.snapshot(),
    ]);
    const rows = all.filter((row) => isActiveOn(row, today));
    const institutions = snapshot.list('institution', locale);
    const result = new Map<string | null, ContactPointGroup[]>();
    for (const caseMunicipality of new Set(caseMunicipalities)) {
      const groups: ContactPointGroup[] = [];
      for (const institution of institutions) {
        const points = offerOrder(
          rows.filter((r) => r.institutionCode === institution.code),
          caseMunicipality,
        );
        if (points.length === 0) continue;
        groups.push({
          institutionCode: institution.code,
          institution: institution.label,
          points: points.map((p) => ({
            id: p.id,
            institutionCode: p.institutionCode,
            label: [
              p.unit,
              p.municipalityCode
                ? snapshot.label('municipality', p.municipalityCode, locale)
                : null,
              p.email,
            ]
              .filter(Boolean)
              .join(' · '),
          })),
        });
      }
      result.set(caseMunicipality, groups);
    }
    return result;
  }

  /**
   * The contact points named by referrals (whatever their window: the rules judge it), read
   * FOR SHARE: no change or end of them commits between the check and the send.
   */
  async recipients(manager: EntityManager, ids: readonly string[]): Promise<ReferralRecipient[]> {
    const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
    if (wanted.length === 0) return [];
    const rows = await manager.find(InstitutionContactPoint, {
      where: { id: In(wanted) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_read' },
    });
    return rows.map((r) => ({
      id: r.id,
      institutionCode: r.institutionCode,
      municipalityCode: r.municipalityCode,
      email: r.email,
      activeFrom: r.activeFrom,
      activeTo: r.activeTo,
    }));
  }

  /** A contact point's unit and municipality label, for the case page's referral list. */
  async describe(
    ids: readonly string[],
    locale: Locale,
  ): Promise<Map<string, { unit: string; email: string; municipality: string | null }>> {
    const wanted = [...new Set(ids)];
    const result = new Map<string, { unit: string; email: string; municipality: string | null }>();
    if (wanted.length === 0) return result;
    const [rows, snapshot] = await Promise.all([
      this.dataSource.manager.find(InstitutionContactPoint, { where: { id: In(wanted) } }),
      this.taxonomy.snapshot(),
    ]);
    for (const r of rows) {
      result.set(r.id, {
        unit: r.unit,
        email: r.email,
        municipality: r.municipalityCode
          ? snapshot.label('municipality', r.municipalityCode, locale)
          : null,
      });
    }
    return result;
  }

  /** The id of the contact point with this key, if any. */
  async idOfKey(key: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOneBy(InstitutionContactPoint, { key });
    return row?.id ?? null;
  }

  /** The directory as CSV (its stable keys first), for setting up another installation. */
  async exportCsv(actor: StaffPrincipal): Promise<string> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    return this.directoryText();
  }

  /** The directory as CSV for the operator's command line (no staff member: the server's own). */
  async directoryText(): Promise<string> {
    const rows = await this.dataSource.manager.find(InstitutionContactPoint, {
      order: { key: 'ASC' },
    });
    return directoryCsv(rows);
  }

  /** The reference data as CSV: each entry with its labels in every language. */
  async taxonomyCsv(actor: StaffPrincipal): Promise<string> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    return this.taxonomyText();
  }

  /** The reference data as CSV for the operator's command line. */
  async taxonomyText(): Promise<string> {
    const rows = (await this.dataSource.query(
      `SELECT kind, code, labels, active, sort_order FROM taxonomy_items
       ORDER BY kind, sort_order, code`,
    )) as {
      kind: string;
      code: string;
      labels: Record<string, string | undefined>;
      active: boolean;
      sort_order: number;
    }[];
    return (
      csvLine([...TAXONOMY_COLUMNS]) +
      rows
        .map((r) =>
          csvLine([
            r.kind,
            r.code,
            r.labels.sq ?? null,
            r.labels.sr ?? null,
            r.labels.en ?? null,
            r.labels.rom ?? null,
            r.active ? 'true' : 'false',
            r.sort_order,
          ]),
        )
        .join('')
    );
  }

  /**
   * Imports a directory CSV as a whole: each row is matched by its key (a row of a known key
   * updates that contact point, a new key adds one). A file with any bad row is refused with
   * every problem and its line; nothing is written.
   */
  async import(actor: StaffPrincipal, text: string, ip: string | null): Promise<ImportResult> {
    DirectoryPermissions.require(actor, 'manageDirectory');
    return this.importText(text, actor, ip, 'import');
  }

  /**
   * `import` from the operator's command line: the same checks, audited without a staff member
   * (source `cli`).
   */
  async importText(
    text: string,
    actor: StaffPrincipal | null = null,
    ip: string | null = null,
    source = 'cli',
  ): Promise<ImportResult> {
    const snapshot = await this.taxonomy.snapshot();
    const { rows, problems, tooManyRows } = readDirectoryCsv(
      text,
      {
        isInstitution: (code) => snapshot.isKnown('institution', code),
        isMunicipality: (code) => snapshot.isKnown('municipality', code),
      },
      DIRECTORY_IMPORT_MAX_ROWS,
    );
    if (tooManyRows !== undefined) throw new DirectoryImportTooManyRowsError(tooManyRows);
    if (problems.length > 0) throw new DirectoryImportInvalidError(problems);
    return this.dataSource.transaction((manager) => this.write(manager, rows, actor, ip, source));
  }

  /**
   * Seeds an empty directory (the country profile's contact points at start-up, or the demo
   * data). Does nothing when the directory holds any contact point.
   */
  async seedIfEmpty(points: readonly SeedContactPoint[], source: string): Promise<number> {
    if (points.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE institution_contact_points IN EXCLUSIVE MODE`);
      if ((await manager.count(InstitutionContactPoint)) > 0) return 0;
      const snapshot = await this.taxonomy.snapshot();
      const today = this.today();
      const rows: DirectoryRow[] = points
        .filter((p) => snapshot.isKnown('institution', p.institutionCode))
        .map((p, index) => ({
          key: `${p.institutionCode}${p.municipalityCode ? `.${p.municipalityCode}` : ''}.${index + 1}`,
          institutionCode: p.institutionCode,
          municipalityCode: p.municipalityCode ?? null,
          unit: p.unit?.trim() || snapshot.label('institution', p.institutionCode, 'en'),
          email: p.email,
          phone: p.phone ?? null,
          activeFrom: today,
          activeTo: null,
        }));
      const result = await this.write(manager, rows, null, null, source);
      return result.created;
    });
  }

  /**
   * Adds or updates contact points by their keys (the demo data): safe to run again. Audited as
   * changes without an actor.
   */
  async ensure(rows: readonly DirectoryRow[], source: string): Promise<ImportResult> {
    return this.dataSource.transaction((manager) => this.write(manager, rows, null, null, source));
  }

  private async write(
    manager: EntityManager,
    rows: readonly DirectoryRow[],
    actor: StaffPrincipal | null,
    ip: string | null,
    source = 'import',
  ): Promise<ImportResult> {
    // Two writers adding the same new key wait for each other (the second sees the first's row).
    await lockDirectory(manager);
    const byKey = new Map<string, InstitutionContactPoint>();
    const keys = rows.map((r) => r.key);
    // In chunks: one query's parameters are limited (65,535 in PostgreSQL).
    for (let start = 0; start < keys.length; start += KEY_CHUNK) {
      const existing = await manager.find(InstitutionContactPoint, {
        where: { key: In(keys.slice(start, start + KEY_CHUNK)) },
      });
      for (const row of existing) byKey.set(row.key, row);
    }
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    const now = this.clock.now();
    for (const row of rows) {
      const { key, ...fields } = row;
      const known = byKey.get(key);
      if (!known) {
        const id = randomUUID();
        await manager.insert(InstitutionContactPoint, {
          id,
          ...row,
          createdAt: now,
          updatedAt: now,
        });
        await this.record_(
          manager,
          actor,
          'contact_point_created',
          id,
          key,
          fields,
          ip,
          [],
          source,
        );
        result.created++;
        continue;
      }
      const changed = changedFields(known, row);
      if (changed.length === 0) {
        result.unchanged++;
        continue;
      }
      await manager.update(
        InstitutionContactPoint,
        { id: known.id },
        { ...fields, updatedAt: now },
      );
      await this.record_(
        manager,
        actor,
        'contact_point_updated',
        known.id,
        key,
        fields,
        ip,
        changed,
        source,
      );
      result.updated++;
    }
    return result;
  }

  /** The form's codes and dates checked against the reference data; every problem at once. */
  private async checked(form: ContactPointForm) {
    const snapshot = await this.taxonomy.snapshot();
    const errors: FieldError[] = [];
    const problem = (field: string, code: string) =>
      errors.push({ field, code, messageKey: `validation.${code}` });
    if (!snapshot.isKnown('institution', form.institutionCode)) {
      problem('institutionCode', 'isKnownCode');
    }
    if (form.municipalityCode && !snapshot.isKnown('municipality', form.municipalityCode)) {
      problem('municipalityCode', 'isKnownCode');
    }
    const activeFrom = form.activeFrom ?? this.today();
    if (!isCalendarDate(activeFrom)) problem('activeFrom', 'isDateString');
    const activeTo = form.activeTo ?? null;
    if (activeTo !== null && !isCalendarDate(activeTo)) problem('activeTo', 'isDateString');
    else if (activeTo !== null && activeTo < activeFrom) problem('activeTo', 'isAfterActiveFrom');
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return {
      institutionCode: form.institutionCode,
      municipalityCode: form.municipalityCode ?? null,
      unit: form.unit,
      email: form.email,
      phone: form.phone ?? null,
      activeFrom,
      activeTo,
    };
  }

  private async requireFreeKey(manager: EntityManager, key: string, id: string | null) {
    const other = await manager.findOneBy(InstitutionContactPoint, { key });
    if (other && other.id !== id) throw new ContactPointKeyTakenError();
  }

  private record(
    row: InstitutionContactPoint,
    snapshot: TaxonomySnapshot,
    locale: Locale,
    today: string,
  ): ContactPointRecord {
    return {
      id: row.id,
      key: row.key,
      institutionCode: row.institutionCode,
      institution: snapshot.label('institution', row.institutionCode, locale),
      municipalityCode: row.municipalityCode,
      municipality: row.municipalityCode
        ? snapshot.label('municipality', row.municipalityCode, locale)
        : null,
      unit: row.unit,
      email: row.email,
      phone: row.phone,
      activeFrom: row.activeFrom,
      activeTo: row.activeTo,
      active: isActiveOn(row, today),
    };
  }

  /** The audit entry of a change: who, which contact point, which fields; never the address. */
  private record_(
    manager: EntityManager,
    actor: StaffPrincipal | null,
    action: string,
    id: string,
    key: string,
    fields: { institutionCode: string; municipalityCode: string | null },
    ip: string | null,
    changed: readonly string[] = [],
    source: string = 'page',
  ): Promise<void> {
    return this.audit.record(manager, {
      action,
      actor: actor ? { id: actor.id, role: actor.role } : null,
      subjectType: 'contact_point',
      subjectId: id,
      ip,
      details: {
        key,
        institutionCode: fields.institutionCode,
        municipalityCode: fields.municipalityCode,
        source,
        ...(changed.length > 0 ? { changed: changed.join(',') } : {}),
      },
    });
  }
}

const KEY_CHUNK = 1000;

/**
 * Serialises the directory's writers (adding, changing, importing): a key checked as free stays
 * free until the writer commits. Readers (referral forms, and a referral's contact points read
 * FOR SHARE) are not held up by this lock, only by the rows a writer changes.
 */
async function lockDirectory(manager: EntityManager): Promise<void> {
  await manager.query(`LOCK TABLE institution_contact_points IN SHARE ROW EXCLUSIVE MODE`);
}

const FIELDS = [
  'key',
  'institutionCode',
  'municipalityCode',
  'unit',
  'email',
  'phone',
  'activeFrom',
  'activeTo',
] as const;

/** The names of the fields that differ (never their values: an audit detail). */
function changedFields(row: InstitutionContactPoint, next: Partial<DirectoryRow>): string[] {
  return FIELDS.filter((f) => f in next && (next as Record<string, unknown>)[f] !== row[f]);
}

/** A key for a contact point added on the page without one: readable, and unique. */
function newKey(institution: string, municipality: string | null): string {
  const suffix = randomBytes(3).toString('hex');
  return `${institution}${municipality ? `.${municipality}` : ''}.${suffix}`.slice(0, 100);
}
