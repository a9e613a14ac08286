import { installationTimeZone } from '@app/core';

const FORMATS = new Map<string, Intl.DateTimeFormat>();

const format = (zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

function formatIn(zone: string): Intl.DateTimeFormat {
  let made = FORMATS.get(zone);
  if (!made) {
    made = format(zone);
    FORMATS.set(zone, made);
  }
  return made;
}

/**
 * `15.03.2026 14:05` in the installation's time zone (or the one given): the way dates are written in Albanian and Serbian, and
 * unambiguous for English readers too.
 */
export function displayDateTime(instant: Date | string, zone = installationTimeZone()): string {
  const parts = Object.fromEntries(
    formatIn(zone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

export function displayDate(instant: Date | string, zone = installationTimeZone()): string {
  return displayDateTime(instant, zone).slice(0, 10);
}
