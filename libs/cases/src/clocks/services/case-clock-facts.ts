import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, Locale, installationDate, translate } from '@app/core';
import { displayDate, displayDateTime } from '../../common/domain/display-date';
import { ClockHistoryLine, clockHistoryText } from '../domain/clock-history';
import { CaseClockEvent } from '../entities/case-clock-event.entity';
import type { ClockStage } from '../domain/clock-stages';
import { HOLIDAYS_VERSION, WorkingCalendarService } from './working-calendar.service';

/** Where a case stands on its clock, for the staff lists. */
export interface RunningClock {
  stage: ClockStage;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Working days from today to the due date; negative once it has passed. */
  daysLeft: number;
  /** The clock is paused: the case waits for the reporter's answer. */
  waitingForReporter: boolean;
}

export type DueFilter = 'overdue' | 'due_soon';

/** A row's columns named by `CaseClockFacts.runningClockColumns`. */
export interface RunningClockColumns {
  clock_stage: ClockStage | null;
  clock_due_day: string;
  clock_paused: boolean;
}

/**
 * The running clocks of cases as the staff lists show and filter them. "Due soon" is the
 * reminder's window (CLOCK_REMINDER_DAYS_BEFORE working days, at least today); "overdue" a due
 * date passed. A paused clock is neither: the case waits for its reporter.
 */
@Injectable()
export class CaseClockFacts {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: WorkingCalendarService,
  ) {}

  /** An SQL condition on the case alias `c` and its parameters. */
  async dueCondition(due: DueFilter): Promise<[string, Record<string, string>]> {
    const today = installationDate(this.clock.now());
    const running = `EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id
      AND k.stopped_at IS NULL AND k.paused_at IS NULL AND k.due_day`;
    if (due === 'overdue') return [`${running} < :clockToday)`, { clockToday: today }];
    const calendar = await this.calendars.calendar();
    const soon = calendar.addWorkingDays(today, this.config.clocks.reminderDaysBefore);
    return [
      `${running} BETWEEN :clockToday AND :clockSoon)`,
      { clockToday: today, clockSoon: soon },
    ];
  }

  /** The SQL expression of a case's running due date (alias `c`), to sort by. */
  readonly dueDateExpression = `(SELECT k.due_day FROM case_clocks k WHERE k.case_id = c.id AND k.stopped_at IS NULL)`;

  /**
   * Columns of a case's running clock for a list query that joins {@link runningClockJoin}
   * (case alias `c`), read back by {@link clockReader}: the list's page in one query.
   */
  readonly runningClockColumns = `k.stage AS clock_stage, to_char(k.due_day, 'YYYY-MM-DD') AS clock_due_day, k.paused_at IS NOT NULL AS clock_paused`;
  readonly runningClockJoin = `LEFT JOIN case_clocks k ON k.case_id = c.id AND k.stopped_at IS NULL`;

  /**
   * The version of the working-day calendar, as a column (`holidays_version`) of a list query
   * that reads {@link runningClockColumns}: given to {@link clockReader}, it spares reading the
   * calendar again while it has not changed.
   */
  readonly holidaysVersionColumn = `${HOLIDAYS_VERSION} AS holidays_version`;

  /**
   * Reads the running clock of a row with {@link runningClockColumns} (null: none runs), with
   * the calendar as it is now, or at the version a query read with {@link holidaysVersionColumn}.
   */
  async clockReader(
    holidaysVersion?: string,
  ): Promise<(row: RunningClockColumns) => RunningClock | null> {
    const calendar =
      holidaysVersion === undefined
        ? await this.calendars.calendar()
        : await this.calendars.calendarAt(holidaysVersion);
    const today = installationDate(this.clock.now());
    return (row) =>
      row.clock_stage === null
        ? null
        : {
            stage: row.clock_stage,
            dueDate: row.clock_due_day,
            daysLeft: calendar.workingDaysBetween(today, row.clock_due_day),
            waitingForReporter: row.clock_paused,
          };
  }

  async forCases(caseIds: readonly string[]): Promise<Map<string, RunningClock>> {
    if (caseIds.length === 0) return new Map();
    const [rows, calendar] = await Promise.all([
      this.dataSource.query(
        `SELECT case_id, stage, to_char(due_day, 'YYYY-MM-DD') AS due_day, paused_at IS NOT NULL AS paused
           FROM case_clocks WHERE case_id = ANY($1::uuid[]) AND stopped_at IS NULL`,
        [caseIds],
      ) as Promise<{ case_id: string; stage: ClockStage; due_day: string; paused: boolean }[]>,
      this.calendars.calendar(),
    ]);
    const today = installationDate(this.clock.now());
    return new Map(
      rows.map((r) => [
        r.case_id,
        {
          stage: r.stage,
          dueDate: r.due_day,
          daysLeft: calendar.workingDaysBetween(today, r.due_day),
          waitingForReporter: r.paused,
        },
      ]),
    );
  }

  /**
   * What happens next and by when, in the reporter's words (issue 16 item 4): the stage of the
   * running clock and its due date, never who handles the case. Null when no clock runs (the
   * case reached its outcome).
   */
  async nextStepForReporter(caseId: string, locale: Locale): Promise<string | null> {
    const clock = (await this.forCases([caseId])).get(caseId);
    if (!clock) return null;
    if (clock.waitingForReporter) return translate(locale, 'follow.next.waiting');
    return translate(locale, `follow.next.${clock.stage}`, {
      date: displayDate(`${clock.dueDate}T12:00:00Z`),
    });
  }

  /** The events of a case's clocks as lines of its history (staff only). */
  async historyLines(caseId: string, locale: Locale): Promise<ClockHistoryLine[]> {
    const events = await this.dataSource.manager.find(CaseClockEvent, {
      where: { caseId },
      order: { at: 'ASC', id: 'ASC' },
    });
    return events.map((e) => ({
      id: `clock-${e.id}`,
      at: e.at.toISOString(),
      atText: displayDateTime(e.at),
      text: clockHistoryText(e, locale),
      event: `clock_${e.event}`,
      reason: null,
      public: false,
    }));
  }
}
