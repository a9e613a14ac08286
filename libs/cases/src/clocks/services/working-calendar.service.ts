import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WorkingCalendar } from '@app/core';

/**
 * The working-day calendar as the `public_holidays` table has it now. Read per use, not cached:
 * the table holds a dozen rows a year, and an administrator's edit must count at once in every
 * process.
 */
@Injectable()
export class WorkingCalendarService {
  constructor(private readonly dataSource: DataSource) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const rows = (await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM public_holidays`,
    )) as {
      day: string;
    }[];
    return new WorkingCalendar(rows.map((r) => r.day));
  }
}
