import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CountryProfileApplication, WorkingCalendar, installationYear } from '@app/core';

/**
 * An SQL expression of the version of the `public_holidays` table: a digest of all its days. A
 * list query reads it beside its rows, so that the calendar it needs is known to be current
 * without reading the table (see `calendarAt`).
 */
export const HOLIDAYS_VERSION = `(SELECT md5(coalesce(string_agg(to_char(day, 'YYYY-MM-DD'), ',' ORDER BY day), '')) FROM public_holidays)`;

/**
 * The working-day calendar as the `public_holidays` table has it now. `calendar` reads it per
 * use (the clocks' writes, in their transaction): an administrator's edit must count at once in
 * every process. `calendarAt` keeps the latest one read, for reads that know the table's version
 * from their own query. This year and the next are seeded from the country profile's rules the
 * first time they are needed (a process running across the new year).
 */
@Injectable()
export class WorkingCalendarService {
  /** The year whose calendar (and the next one's) this process has made sure of. */
  private seededUpTo?: number;
  /** The calendar last read by `calendarAt`, with the table's version it was read at. */
  private latest?: { version: string; calendar: WorkingCalendar };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly country: CountryProfileApplication,
  ) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    await this.ensureSeeded();
    const rows = (await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM public_holidays`,
    )) as {
      day: string;
    }[];
    return new WorkingCalendar(rows.map((r) => r.day));
  }

  /**
   * The calendar at `version` of the table (read with {@link HOLIDAYS_VERSION} in the caller's
   * own query): the one kept when it is that version, else the table read again, with its
   * version, and kept.
   */
  async calendarAt(version: string): Promise<WorkingCalendar> {
    // Seeding a new year changes the table after the caller read its version: read it again.
    if (await this.ensureSeeded()) this.latest = undefined;
    if (this.latest?.version === version) return this.latest.calendar;
    const [row] = (await this.dataSource.query(
      `SELECT ${HOLIDAYS_VERSION} AS version,
              coalesce((SELECT array_agg(to_char(day, 'YYYY-MM-DD')) FROM public_holidays), '{}') AS days`,
    )) as { version: string; days: string[] }[];
    const calendar = new WorkingCalendar(row.days);
    this.latest = { version: row.version, calendar };
    return calendar;
  }

  /** Whether this call seeded the year (and the next): the first call in a year, per process. */
  private async ensureSeeded(): Promise<boolean> {
    const year = installationYear(this.clock.now());
    if (year === this.seededUpTo) return false;
    await this.country.ensureHolidayYear(year);
    await this.country.ensureHolidayYear(year + 1);
    this.seededUpTo = year;
    return true;
  }
}
