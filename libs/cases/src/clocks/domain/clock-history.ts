import { Locale, translate } from '@app/core';
import { displayDate } from '../../common/domain/display-date';

/** One event of a case's clock as a line of the case's history on the staff page. */
export interface ClockHistoryLine {
  id: string;
  at: string;
  atText: string;
  text: string;
  event: string;
  reason: null;
  public: false;
}

/** The words of a clock event: its stage's name and dates as staff read them. */
export function clockHistoryText(
  event: { event: string; stage: string; dueDay: string; workingDays: number | null },
  locale: Locale,
): string {
  return translate(locale, `staff.case.event.clock_${event.event}`, {
    stage: translate(locale, `clock.stage.${event.stage}`),
    due: displayDate(`${event.dueDay}T12:00:00Z`),
    days: event.workingDays ?? '',
  });
}

/** The case's history with its clock's events, in the order they happened. */
export function mergeHistory<T extends { at: string }>(
  entries: T[],
  clock: ClockHistoryLine[],
): (T | ClockHistoryLine)[] {
  return [...entries, ...clock].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A case's running clock as one line of the staff list: stage, due date, working days left. */
export function clockSummaryText(
  clock: { stage: string; dueDate: string; daysLeft: number; waitingForReporter: boolean } | null,
  locale: Locale,
): { stage: string; due: string; left: string; late: boolean } | null {
  if (!clock) return null;
  const left = clock.waitingForReporter
    ? translate(locale, 'staff.cases.clock.waiting')
    : clock.daysLeft > 0
      ? translate(locale, 'staff.cases.clock.days_left', { days: clock.daysLeft })
      : clock.daysLeft === 0
        ? translate(locale, 'staff.cases.clock.due_today')
        : translate(locale, 'staff.cases.clock.overdue', { days: -clock.daysLeft });
  return {
    stage: translate(locale, `clock.stage.${clock.stage}`),
    due: displayDate(`${clock.dueDate}T12:00:00Z`),
    left,
    late: !clock.waitingForReporter && clock.daysLeft < 0,
  };
}
