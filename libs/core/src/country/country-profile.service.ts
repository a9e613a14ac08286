import {
  CountryProfileData,
  NamedEntry,
  Names,
  ProfileContact,
  ProfileInstitution,
  easterSunday,
} from './country-profile';
import { nameIn } from '../i18n/serbian-cyrillic';

/** `YYYY-MM-DD` of a UTC date. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO day of the week of a `YYYY-MM-DD` (1 Monday … 7 Sunday). */
function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return isoDate(date);
}

/**
 * The installation's country profile (`COUNTRY`, default `kosovo`), loaded and checked with the
 * configuration at start-up. Pure helpers read the same profile through installation.ts; the
 * database gets its reference data, holidays and contacts from it at start-up
 * (CountryProfileApplication).
 */
export class CountryProfile {
  private readonly holidayCache = new Map<number, Map<string, string>>();

  constructor(readonly data: CountryProfileData) {}

  get code(): string {
    return this.data.country.code;
  }

  get languages(): readonly string[] {
    return this.data.languages.offered;
  }

  get defaultLanguage(): string {
    return this.data.languages.default;
  }

  get timeZone(): string {
    return this.data.timeZone;
  }

  get referencePrefix(): string {
    return this.data.referencePrefix;
  }

  get publicThreshold(): number {
    return this.data.statistics.publicThreshold;
  }

  get communities(): readonly NamedEntry[] {
    return this.data.communities;
  }

  get municipalities(): readonly NamedEntry[] {
    return this.data.municipalities;
  }

  get institutions(): readonly ProfileInstitution[] {
    return this.data.institutions;
  }

  get helpContacts(): readonly ProfileContact[] {
    return this.data.contacts.help;
  }

  get appealContacts(): readonly ProfileContact[] {
    return this.data.contacts.appeal;
  }

  get workingWeekdays(): readonly number[] {
    return this.data.workingDays.weekdays;
  }

  /** A name in a language (`nameIn`), else in the profile's default language. */
  name(names: Names, language: string): string {
    return nameIn(names, language, this.defaultLanguage);
  }

  countryName(language: string): string {
    return this.name(this.data.country.names, language);
  }

  /**
   * The holidays of a year: `YYYY-MM-DD` → name, with the days off a holiday on a day of rest
   * gives (`nextWorkingDayWhenOn`): the next working day of the week, as Kosovo's Government
   * calendars apply Law No. 03/L-064 (Saturday 17 February 2024 gave Monday 19 February). Two
   * holidays moving onto one day, or onto a holiday, give that one day (Orthodox Easter on
   * Sunday 8 April 2018 gave Monday 9 April, Constitution Day, and no other).
   */
  holidays(year: number): ReadonlyMap<string, string> {
    let days = this.holidayCache.get(year);
    if (days) return days;
    days = new Map();
    const moving = new Set(this.data.workingDays.nextWorkingDayWhenOn ?? []);
    // A holiday on the last days of the year before can give a day off in this one.
    const all = new Map([...this.fixedHolidays(year - 1), ...this.fixedHolidays(year)]);
    for (const [day, name] of [...all]) {
      if (!moving.has(isoWeekday(day))) continue;
      let next = addDays(day, 1);
      while (!this.data.workingDays.weekdays.includes(isoWeekday(next))) next = addDays(next, 1);
      if (!all.has(next)) all.set(next, `${name} (day off)`);
    }
    for (const [day, name] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
      if (day.startsWith(`${year}-`)) days.set(day, name);
    }
    this.holidayCache.set(year, days);
    return days;
  }

  /** The holidays the profile names for a year, without the days off they give. */
  private fixedHolidays(year: number): [string, string][] {
    const days = new Map<string, string>();
    for (const holiday of this.data.workingDays.holidays) {
      if ('every' in holiday) days.set(`${year}-${holiday.every}`, holiday.name);
      else if ('on' in holiday) {
        if (holiday.on.startsWith(`${year}-`)) days.set(holiday.on, holiday.name);
      } else {
        const easter = easterSunday(year, holiday.easter);
        easter.setUTCDate(easter.getUTCDate() + (holiday.offsetDays ?? 0));
        if (easter.getUTCFullYear() === year) days.set(isoDate(easter), holiday.name);
      }
    }
    return [...days];
  }

  /** Whether a calendar day (`YYYY-MM-DD`, in the profile's time zone) is a working day. */
  isWorkingDay(day: string): boolean {
    if (!this.data.workingDays.weekdays.includes(isoWeekday(day))) return false;
    return !this.holidays(Number(day.slice(0, 4))).has(day);
  }
}
