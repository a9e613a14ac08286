import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, installationYear } from '../clock/clock';
import {
  PROFILE_TAXONOMY_KINDS,
  profileContactRows,
  profileTaxonomyRows,
} from './country-application';
import { CountryProfile } from './country-profile.service';

/** What applying the profile changed; all zero when the database already held it. */
export interface CountryApplication {
  country: string;
  /** The database held another country's seed (and no case) and now holds this one's. */
  switchedFrom: string | null;
  taxonomyWritten: number;
  taxonomyDeactivated: number;
  contactsSeeded: number;
  holidayYearsSeeded: number[];
}

/** Held for one transaction: two processes starting together apply the profile one after the other. */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('pmd_country_profile'))`;

/**
 * Writes the installation's country profile into the database, at every start of a server, a
 * worker or a CLI command, in one transaction under an advisory lock. Idempotent: a database
 * that holds the profile already is left as it is.
 *
 * - Reference data: the profile's communities, municipalities and institutions are inserted or
 *   updated (labels from the profile's names, a language a name lacks taking the default
 *   language's name; the profile's order); entries of those kinds the profile does not hold are
 *   made inactive, never deleted (old cases keep their codes).
 * - Public holidays: a year of the working-day calendar is seeded from the profile's rules the
 *   first time it is needed (this year and the next at start-up; any year an administrator
 *   opens); after that the table is the administrators' (/staff/holidays).
 * - Contacts: seeded from the profile when the store has none; then the administrators'.
 * - A database that holds another country's seed (the migrations seed Kosovo's) and no case yet
 *   takes this country's holidays and contacts instead; one with cases refuses to start: one
 *   installation is one country.
 */
@Injectable()
export class CountryProfileApplication implements OnModuleInit {
  private readonly logger = new Logger('CountryProfile');
  /**
   * Years this process knows to be seeded (committed): this year and the next once start-up
   * applied the profile, and any year seeded since in a transaction of its own. Asking for one
   * of them costs no query, and so no second connection to a caller inside a transaction.
   */
  private readonly seededYears = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly profile: CountryProfile,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await this.apply();
    const changed =
      applied.switchedFrom !== null ||
      applied.taxonomyWritten + applied.taxonomyDeactivated + applied.contactsSeeded > 0 ||
      applied.holidayYearsSeeded.length > 0;
    if (changed) this.logger.log(`Country profile applied: ${JSON.stringify(applied)}`);
  }

  async apply(): Promise<CountryApplication> {
    const applied = await this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK);
      const switchedFrom = await this.recordCountry(manager);
      const taxonomy = await this.applyTaxonomy(manager);
      const contactsSeeded = await this.seedContacts(manager);
      const year = installationYear(this.clock.now(), this.profile.timeZone);
      const holidayYearsSeeded = await this.seedHolidayYears(manager, [year, year + 1]);
      return {
        country: this.profile.code,
        switchedFrom,
        taxonomyWritten: taxonomy.written,
        taxonomyDeactivated: taxonomy.deactivated,
        contactsSeeded,
        holidayYearsSeeded,
        year,
      };
    });
    const { year, ...result } = applied;
    this.seededYears.add(year).add(year + 1);
    return result;
  }

  /** Seeds the public holidays of a year from the profile unless that year has been seeded. */
  async ensureHolidayYear(year: number, manager?: EntityManager): Promise<boolean> {
    if (!Number.isInteger(year) || year < 1900 || year > 2999) return false;
    if (this.seededYears.has(year)) return false;
    const run = async (m: EntityManager) => {
      const known = (await m.query(`SELECT 1 FROM holiday_years WHERE year = $1`, [
        year,
      ])) as unknown[];
      if (known.length > 0) return false;
      await m.query(LOCK);
      return (await this.seedHolidayYears(m, [year])).length > 0;
    };
    // In the caller's transaction the seeding may still roll back: not remembered.
    if (manager) return run(manager);
    const seeded = await this.dataSource.transaction(run);
    this.seededYears.add(year);
    return seeded;
  }

  /** The country the database holds; switches an empty installation to the profile's. */
  private async recordCountry(manager: EntityManager): Promise<string | null> {
    const rows = (await manager.query(`SELECT code FROM installation_country`)) as {
      code: string;
    }[];
    const held = rows[0]?.code;
    if (held === this.profile.code) return null;
    if (held !== undefined) {
      const cases = (await manager.query(`SELECT EXISTS (SELECT 1 FROM cases) AS any`)) as {
        any: boolean;
      }[];
      if (cases[0].any) {
        throw new Error(
          `COUNTRY names the profile of ${this.profile.code}, but this database holds the cases of ${held}: one installation is one country (config/countries/README.md)`,
        );
      }
      // Another country's seed and no case: its calendar and contacts are not this country's.
      await manager.query(`DELETE FROM public_holidays`);
      await manager.query(`DELETE FROM holiday_years`);
      await manager.query(`DELETE FROM public_contacts`);
    }
    await manager.query(
      `INSERT INTO installation_country (singleton, code, applied_at) VALUES (true, $1, now())
       ON CONFLICT (singleton) DO UPDATE SET code = EXCLUDED.code, applied_at = now()`,
      [this.profile.code],
    );
    return held ?? null;
  }

  private async applyTaxonomy(
    manager: EntityManager,
  ): Promise<{ written: number; deactivated: number }> {
    const rows = profileTaxonomyRows(this.profile.data);
    const written = (await manager.query(
      `INSERT INTO taxonomy_items (kind, code, labels, sort_order, active)
       SELECT r.kind, r.code, r.labels, r.sort_order, true
         FROM jsonb_to_recordset($1::jsonb) AS r(kind text, code text, labels jsonb, sort_order int)
       ON CONFLICT (kind, code) DO UPDATE
         SET labels = EXCLUDED.labels, sort_order = EXCLUDED.sort_order, active = true
         WHERE taxonomy_items.labels IS DISTINCT FROM EXCLUDED.labels
            OR taxonomy_items.sort_order IS DISTINCT FROM EXCLUDED.sort_order
            OR NOT taxonomy_items.active
       RETURNING code`,
      [
        JSON.stringify(
          rows.map((r) => ({
            kind: r.kind,
            code: r.code,
            labels: r.labels,
            sort_order: r.sortOrder,
          })),
        ),
      ],
    )) as unknown[];
    const deactivated = (await manager.query(
      `UPDATE taxonomy_items SET active = false
        WHERE kind = ANY($1::text[]) AND active
          AND (kind || ':' || code) <> ALL($2::text[])
        RETURNING code`,
      [PROFILE_TAXONOMY_KINDS, rows.map((r) => `${r.kind}:${r.code}`)],
    )) as [unknown[], number] | unknown[];
    return { written: written.length, deactivated: rowCount(deactivated) };
  }

  private async seedContacts(manager: EntityManager): Promise<number> {
    const existing = (await manager.query(`SELECT 1 FROM public_contacts LIMIT 1`)) as unknown[];
    if (existing.length > 0) return 0;
    const rows = profileContactRows(this.profile.data);
    for (const row of rows) {
      await manager.query(
        `INSERT INTO public_contacts (id, kind, names, phone, email, website, sort_order, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [
          randomUUID(),
          row.kind,
          JSON.stringify(row.names),
          row.phone,
          row.email,
          row.website,
          row.sortOrder,
        ],
      );
    }
    return rows.length;
  }

  private async seedHolidayYears(manager: EntityManager, years: number[]): Promise<number[]> {
    const seeded: number[] = [];
    for (const year of years) {
      const marked = (await manager.query(
        `INSERT INTO holiday_years (year) VALUES ($1) ON CONFLICT (year) DO NOTHING RETURNING year`,
        [year],
      )) as unknown[];
      if (marked.length === 0) continue;
      const days = [...this.profile.holidays(year)];
      if (days.length > 0) {
        await manager.query(
          `INSERT INTO public_holidays (day, name)
           SELECT d.day::date, d.name FROM jsonb_to_recordset($1::jsonb) AS d(day text, name text)
           ON CONFLICT (day) DO NOTHING`,
          [JSON.stringify(days.map(([day, name]) => ({ day, name })))],
        );
      }
      seeded.push(year);
    }
    return seeded;
  }
}

/** TypeORM gives an UPDATE's result as [rows, count] on PostgreSQL. */
function rowCount(result: [unknown[], number] | unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return result.length;
}
