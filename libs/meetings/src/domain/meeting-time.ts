import { KOSOVO_TIME_ZONE } from '@app/core';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: KOSOVO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function kosovoParts(instant: Date): Record<string, number> {
  return Object.fromEntries(
    PARTS.formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

/** Minutes Kosovo time is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date): number {
  const p = kosovoParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * When a meeting starts. With a zone (`…Z`, `…+01:00`) the instant is exact; without one
 * (a form's `datetime-local`) it is the wall-clock time in Kosovo. Null when not a real time.
 */
export function parseMeetingTime(value: string): Date | null {
  if (WITH_ZONE.test(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const m = WALL_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let instant = new Date(asUtc - offsetMinutes(new Date(asUtc)) * 60_000);
  // Near a daylight-saving change the first guess can be an hour off.
  instant = new Date(asUtc - offsetMinutes(instant) * 60_000);
  const p = kosovoParts(instant);
  const same =
    p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
  // A wall time that does not exist (skipped by the spring change) is refused.
  return same ? instant : null;
}

/** `YYYY-MM-DD HH:mm` in Kosovo time: how meeting times are shown and written in emails. */
export function kosovoDateTime(instant: Date): string {
  const p = kosovoParts(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The `datetime-local` value of an instant, in Kosovo time (to fill a form again). */
export function kosovoWallTime(instant: Date): string {
  return kosovoDateTime(instant).replace(' ', 'T');
}
