import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CountryProfileApplication, WorkingCalendar, installationYear } from '@app/core';

/**
 * The working-day calendar as the `public_holidays` table has it now. Read per use, not cached:
 * the table holds a dozen rows a year, and an administrator's edit must count at once in every
 * process. This year and the next are seeded from the country profile's rules the first time
 * they are needed (a process running across the new year).
 */
@Injectable()
export class WorkingCalendarService {
  /** The year whose calendar (and the next one's) this process has made sure of. */
  private seededUpTo?: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly country: CountryProfileApplication,
  ) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const year = installationYear(this.clock.now());
    if (year !== this.seededUpTo) {
      await this.country.ensureHolidayYear(year);
      await this.country.ensureHolidayYear(year + 1);
      this.seededUpTo = year;
    }
    const rows = (await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM public_holidays`,
    )) as {
      day: string;
    }[];
    return new WorkingCalendar(rows.map((r) => r.day));
  }
}
