import { KOSOVO_TIME_ZONE } from '@app/core';

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: KOSOVO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * `15.03.2026 14:05` in Kosovo time: the way dates are written in Albanian and Serbian, and
 * unambiguous for English readers too.
 */
export function displayDateTime(instant: Date | string): string {
  const parts = Object.fromEntries(
    FORMAT.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

export function displayDate(instant: Date | string): string {
  return displayDateTime(instant).slice(0, 10);
}
