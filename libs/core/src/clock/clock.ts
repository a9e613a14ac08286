import { installationTimeZone } from '../country/installation';

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

/**
 * Dates and wall-clock times are read in the installation's time zone (the country profile's
 * `timeZone`; Kosovo: Europe/Belgrade). Every helper below takes the zone as its last
 * argument; left out, it is the installation's (`installationTimeZone()`, see
 * country/installation.ts). The `kosovo…`
 * names are the historical ones: they mean "in the installation's time zone".
 */

/** Made once per zone: building a DateTimeFormat (time zone data, locale) costs far more than using it. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
const WALL_CLOCK_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateFormat(zone: string): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    DATE_FORMATS.set(zone, format);
  }
  return format;
}

function wallClockFormat(zone: string): Intl.DateTimeFormat {
  let format = WALL_CLOCK_FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    WALL_CLOCK_FORMATS.set(zone, format);
  }
  return format;
}

/** Calendar date (YYYY-MM-DD) of an instant in the installation's (or the given) time zone. */
export function installationDate(instant: Date, zone = installationTimeZone()): string {
  return dateFormat(zone).format(instant);
}

/** The statistical year of an instant: its year in the installation's time zone. */
export function installationYear(instant: Date, zone = installationTimeZone()): number {
  return Number(installationDate(instant, zone).slice(0, 4));
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock on a wall in the installation's (or the given) time zone shows at an instant. */
export function installationWallClock(instant: Date, zone = installationTimeZone()): WallClock {
  const parts = Object.fromEntries(
    wallClockFormat(zone)
      .formatToParts(instant)
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

/** Milliseconds the zone's wall-clock time is ahead of UTC at an instant. */
function installationOffsetMs(instant: number, zone: string): number {
  const w = installationWallClock(new Date(instant), zone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time of the installation's time zone names (month 1-12). A time skipped by the spring change
 * does not exist: it comes back an hour later, so check with installationWallClock where that matters.
 */
export function fromInstallationWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
  zone = installationTimeZone(),
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Near a daylight-saving change the first guess can be an hour off.
  const guess = wall - installationOffsetMs(wall, zone);
  return new Date(wall - installationOffsetMs(guess, zone));
}

/** "2025-03-01 14:30" (or with seconds) in the installation's time, as staff read times. */
export function installationDateTime(
  instant: Date,
  withSeconds = false,
  zone = installationTimeZone(),
): string {
  const w = installationWallClock(instant, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(w.hour)}:${two(w.minute)}${withSeconds ? `:${two(w.second)}` : ''}`;
  return `${w.year}-${two(w.month)}-${two(w.day)} ${time}`;
}
