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
