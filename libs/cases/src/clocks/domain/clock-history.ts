import { Locale, translate } from '@app/core';
import { displayDate } from '../../common/domain/display-date';

/**
 * The words of a `clock_*` history entry: its reason holds `stage|due day|working days`
 * (see CaseClocks), turned here into the stage's name and a date as staff read it.
 */
export function clockEntryParams(
  event: string,
  reason: string | null,
  locale: Locale,
): { stage?: string; due?: string; days?: string } {
  if (!event.startsWith('clock_') || !reason) return {};
  const [stage, due, days] = reason.split('|');
  return {
    stage: translate(locale, `clock.stage.${stage}`),
    due: due ? displayDate(`${due}T12:00:00Z`) : '',
    days: days ?? '',
  };
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
