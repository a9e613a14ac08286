import {
  CountryProfileData,
  NamedEntry,
  Names,
  ProfileContact,
  ProfileInstitution,
  easterSunday,
} from './country-profile';

/** `YYYY-MM-DD` of a UTC date. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The installation's country profile (`COUNTRY`, default `kosovo`), loaded and checked with the
 * configuration at start-up. Nothing reads it yet but the yearly regional report's future
 * country fields: the taxonomy, clocks, contacts and pages move onto it one by one.
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

  /** A name in a language, else in the profile's default language. */
  name(names: Names, language: string): string {
    return names[language] ?? names[this.defaultLanguage];
  }

  countryName(language: string): string {
    return this.name(this.data.country.names, language);
  }

  /** The holidays of a year: `YYYY-MM-DD` → name. */
  holidays(year: number): ReadonlyMap<string, string> {
    let days = this.holidayCache.get(year);
    if (days) return days;
    days = new Map();
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
    this.holidayCache.set(year, days);
    return days;
  }

  /** Whether a calendar day (`YYYY-MM-DD`, in the profile's time zone) is a working day. */
  isWorkingDay(day: string): boolean {
    const date = new Date(`${day}T00:00:00Z`);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (!this.data.workingDays.weekdays.includes(weekday)) return false;
    return !this.holidays(date.getUTCFullYear()).has(day);
  }
}
