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
