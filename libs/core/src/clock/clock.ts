/** The source of "now", so rules that depend on time can be tested at any moment. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved; for tests. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(date: Date): void {
    this.current = date;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const KOSOVO_TIME_ZONE = 'Europe/Belgrade';

/** Made once: building a DateTimeFormat (time zone data, locale) costs far more than using it. */
const KOSOVO_DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: KOSOVO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Calendar date (YYYY-MM-DD) of an instant in Kosovo time. */
export function kosovoDate(instant: Date): string {
  return KOSOVO_DATE_FORMAT.format(instant);
}

/** The statistical year of an instant: its year in Kosovo time. */
export function kosovoYear(instant: Date): number {
  return Number(kosovoDate(instant).slice(0, 4));
}

/** Made once, like KOSOVO_DATE_FORMAT. */
const KOSOVO_WALL_CLOCK_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: KOSOVO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock on a wall in Kosovo shows at an instant. */
export function kosovoWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(
    KOSOVO_WALL_CLOCK_FORMAT.formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Milliseconds Kosovo wall-clock time is ahead of UTC at an instant (one or two hours). */
function kosovoOffsetMs(instant: number): number {
  const w = kosovoWallClock(new Date(instant));
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a Kosovo wall-clock time names (month 1-12). A time skipped by the spring change
 * does not exist: it comes back an hour later, so check with kosovoWallClock where that matters.
 */
export function fromKosovoWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Near a daylight-saving change the first guess can be an hour off.
  const guess = wall - kosovoOffsetMs(wall);
  return new Date(wall - kosovoOffsetMs(guess));
}

/** "2025-03-01 14:30" (or with seconds) in Kosovo time, as staff read times. */
export function kosovoDateTime(instant: Date, withSeconds = false): string {
  const w = kosovoWallClock(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(w.hour)}:${two(w.minute)}${withSeconds ? `:${two(w.second)}` : ''}`;
  return `${w.year}-${two(w.month)}-${two(w.day)} ${time}`;
}
