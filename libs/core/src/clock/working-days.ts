/**
 * Working days of the installation: Monday to Friday, except the public holidays the calendar is
 * given (the `public_holidays` table, edited per year). Pure: days are calendar dates (YYYY-MM-DD)
 * in the installation's time zone (`installationDate`), so no instant, offset or summer time enters
 * the arithmetic.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toUtcMs(day: string): number {
  if (!ISO_DAY.test(day)) throw new RangeError(`Not a calendar date: ${day}`);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a calendar date: ${day}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date `days` days after `day` (before, when negative). */
export function addCalendarDays(day: string, days: number): string {
  return fromUtcMs(toUtcMs(day) + days * DAY_MS);
}

/**
 * Day number of a calendar date counted from Monday 1969-12-29 (0), so `day mod 7` is 0 on Mondays.
 */
function mondayDayNumber(ms: number): number {
  return Math.round(ms / DAY_MS) + 3;
}

/**
 * Monday-to-Friday days among day numbers [0, n) (negative below 0, so differences count any
 * range).
 */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return weeks * 5 + Math.min(n - weeks * 7, 5);
}

/** How many of the sorted numbers are at most `n`. */
function countUpTo(sorted: readonly number[], n: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= n) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  /**
   * The day numbers of the holidays that fall on a weekday, sorted (the others change no count).
   */
  private readonly weekdayHolidays: readonly number[];

  constructor(holidays: Iterable<string> = []) {
    this.holidays = new Set(holidays);
    this.weekdayHolidays = [...this.holidays]
      .filter((day) => ISO_DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      .map((day) => mondayDayNumber(toUtcMs(day)))
      .filter((n) => ((n % 7) + 7) % 7 < 5)
      .sort((a, b) => a - b);
  }

  isWorkingDay(day: string): boolean {
    const weekday = new Date(toUtcMs(day)).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  /**
   * The day a stage started on `from` with `days` working days is due: the `days`-th working
   * day after `from` (the start day itself never counts, so a case reported on Friday evening
   * and one reported on Monday morning of a 5-day target are both due the next Monday or later).
   * With 0 days: `from` itself when it is a working day, else the next one.
   */
  addWorkingDays(from: string, days: number): string {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a day count: ${days}`);
    let ms = toUtcMs(from);
    if (days === 0) {
      while (!this.isWorkingDay(fromUtcMs(ms))) ms += DAY_MS;
      return fromUtcMs(ms);
    }
    let left = days;
    while (left > 0) {
      ms += DAY_MS;
      if (this.isWorkingDay(fromUtcMs(ms))) left -= 1;
    }
    return fromUtcMs(ms);
  }

  /**
   * Working days after `from` up to and including `to`: 0 on the same day, negative (the days
   * of the other way round) when `to` is before `from`. Used for days left, days taken and
   * days paused alike, so the three always add up. Counted, not walked: a list of cases a year
   * overdue costs the same as one due tomorrow.
   */
  workingDaysBetween(from: string, to: string): number {
    const start = mondayDayNumber(toUtcMs(from));
    const end = mondayDayNumber(toUtcMs(to));
    if (end < start) return -this.workingDaysBetween(to, from);
    // Days start+1 … end: weekdays, less the holidays on a weekday among them.
    const weekdays = weekdaysBefore(end + 1) - weekdaysBefore(start + 1);
    const holidays = countUpTo(this.weekdayHolidays, end) - countUpTo(this.weekdayHolidays, start);
    return weekdays - holidays;
  }
}

/**
 * A stage's clock as a pure value: it started on `startDay` with a target of `targetDays`
 * working days, and was paused (waiting for the reporter) for `pausedDays` working days; each
 * paused working day moves the due date one working day later.
 */
export interface StageClock {
  startDay: string;
  targetDays: number;
  pausedDays: number;
}

export function stageDueDay(calendar: WorkingCalendar, clock: StageClock): string {
  return calendar.addWorkingDays(clock.startDay, clock.targetDays + clock.pausedDays);
}

/** Working days a stage took when it stopped on `stopDay`, the paused days left out. */
export function stageWorkingDays(
  calendar: WorkingCalendar,
  clock: Pick<StageClock, 'startDay' | 'pausedDays'>,
  stopDay: string,
): number {
  return Math.max(0, calendar.workingDaysBetween(clock.startDay, stopDay) - clock.pausedDays);
}
