import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Clock,
  ConflictError,
  CountryProfileApplication,
  NotFoundError,
  ValidationFailedError,
  addCalendarDays,
  installationYear,
} from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { PublicHoliday } from '../entities/public-holiday.entity';

/**
 * The working-day calendar as administrators keep it: the country's public holidays, year by
 * year, a year first seeded from the country profile's rules when it is first shown or needed
 * (the movable ones, like the Eid days, are announced each year and added here). Every change is audited and
 * counts from the next clock computed: due dates already stored stay as they were.
 */
@Injectable()
export class PublicHolidaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly country: CountryProfileApplication,
  ) {}

  currentYear(): number {
    return installationYear(this.clock.now());
  }

  async list(year: number): Promise<{ day: string; name: string }[]> {
    // A coming year is seeded from the profile when first shown; past years stay as they were.
    if (year >= this.currentYear()) await this.country.ensureHolidayYear(year);
    const rows = (await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, name FROM public_holidays
        WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
      [year],
    )) as { day: string; name: string }[];
    return rows;
  }

  async add(actor: StaffPrincipal, day: string, name: string): Promise<void> {
    // A date that does not exist (31 April) comes back changed from the round trip.
    if (addCalendarDays(day, 0) !== day) {
      throw new ValidationFailedError([
        { field: 'day', code: 'isDateString', messageKey: 'validation.isDateString' },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO public_holidays (day, name) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING
         RETURNING day`,
        [day, name],
      )) as unknown[];
      if (inserted.length === 0) throw new ConflictError('holiday_exists', { day });
      await this.audit.record(manager, {
        action: 'holiday_added',
        actor: { id: actor.id, role: actor.role },
        subjectType: 'holiday',
        subjectId: day,
        details: { day },
      });
    });
  }

  async remove(actor: StaffPrincipal, day: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || addCalendarDays(day, 0) !== day) {
      throw new NotFoundError('holiday_not_found');
    }
    await this.dataSource.transaction(async (manager) => {
      const deleted = await manager.delete(PublicHoliday, { day });
      if (!deleted.affected) throw new NotFoundError('holiday_not_found');
      await this.audit.record(manager, {
        action: 'holiday_removed',
        actor: { id: actor.id, role: actor.role },
        subjectType: 'holiday',
        subjectId: day,
        details: { day },
      });
    });
  }
}
