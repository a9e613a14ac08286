import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020';
import { validate as validateProfileSchema } from './country-profile.validator.generated';
import { isContactEmail, isContactPhone } from '../text/contact-rules';
import { projectRoot } from '../views/project-root';

/** A name per language code (`sq`, `sr`, `en`, `rom`…); the default language is always there. */
export type Names = Readonly<Record<string, string>>;

export interface NamedEntry {
  code: string;
  names: Names;
}

/** A contact point of an institution that seeds an empty institution directory. */
export interface ProfileContactPoint {
  unit?: string;
  /** A municipality code of the profile, where the contact point serves one. */
  municipality?: string;
  email: string;
  phone?: string;
}

export interface ProfileInstitution extends NamedEntry {
  /** The kind of institution of the yearly regional report. */
  kind: string;
  contactPoints?: ProfileContactPoint[];
}

export type ProfileHoliday =
  | { name: string; every: string }
  | { name: string; easter: 'western' | 'orthodox'; offsetDays?: number }
  | { name: string; on: string };

export interface ProfileContact {
  names: Names;
  url?: string;
  email?: string;
  phone?: string;
}

/** One country's profile as `config/countries/<name>.json` holds it (country-profile.schema.json). */
export interface CountryProfileData {
  profileVersion: 1;
  country: { code: string; names: Names };
  languages: { offered: string[]; default: string };
  timeZone: string;
  referencePrefix: string;
  statistics: { publicThreshold: number };
  communities: NamedEntry[];
  municipalities: NamedEntry[];
  institutions: ProfileInstitution[];
  workingDays: {
    weekdays: number[];
    /** A holiday on one of these weekdays gives the next working day off (Kosovo: Sunday). */
    nextWorkingDayWhenOn?: number[];
    holidays: ProfileHoliday[];
  };
  contacts: {
    help: ProfileContact[];
    appeal: ProfileContact[];
    emergency?: ProfileContact[];
    privacyAuthority?: ProfileContact[];
    office?: ProfileContact[];
  };
  notes?: string[];
}

/** Where the profiles are: one file per country, with the schema they follow. */
export function countriesDirectory(root = projectRoot()): string {
  return join(root, 'config/countries');
}

/** A profile's file name: lower case letters, digits, `-` and `_` (never a path). */
export const PROFILE_NAME = /^[a-z][a-z0-9_-]{0,40}$/;

export class CountryProfileError extends Error {}

/**
 * The profile schema's validator: config/countries/country-profile.schema.json compiled ahead
 * of time (`country-profile.validator.generated.ts`, `npm run generate:country-validator`), so a
 * start does not load Ajv and compile the schema. A unit test keeps the two the same.
 */
function schemaValidator(): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } {
  return validateProfileSchema as ((data: unknown) => boolean) & {
    errors?: ErrorObject[] | null;
  };
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '/';
  if (error.keyword === 'required') return `${at}: "${error.params.missingProperty}" is missing`;
  if (error.keyword === 'additionalProperties') {
    return `${at}: "${error.params.additionalProperty}" is not a field of a profile`;
  }
  return `${at}: ${error.message ?? 'is not valid'}`;
}

/** Whether the runtime knows the IANA time zone. */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The languages the platform has messages for (i18n/*.po; Serbian brings its Cyrillic form). */
export const PROFILE_LANGUAGES: readonly string[] = ['sq', 'sr', 'en', 'rom'];

/** The lists of contacts a profile can hold. */
export const CONTACT_LISTS = ['help', 'appeal', 'emergency', 'privacyAuthority', 'office'] as const;

/** The rules a schema cannot say: references between fields, unique codes, real dates. */
export function profileProblems(profile: CountryProfileData): string[] {
  const problems: string[] = [];
  const { offered, default: first } = profile.languages;
  for (const language of offered) {
    if (!PROFILE_LANGUAGES.includes(language)) {
      problems.push(
        `/languages/offered: "${language}" has no messages (the platform speaks ${PROFILE_LANGUAGES.join(', ')})`,
      );
    }
  }
  if (!offered.includes(first)) {
    problems.push(`/languages/default: "${first}" is not one of the languages offered`);
  }
  if (!knownTimeZone(profile.timeZone)) {
    problems.push(`/timeZone: "${profile.timeZone}" is not a known time zone`);
  }
  // A name in every language offered, so that a page never shows a name in another language
  // (Albanian on a Romani page). Languages the platform has no messages for are refused above.
  const named = offered.filter((language) => PROFILE_LANGUAGES.includes(language));
  const names = (path: string, value: Names) => {
    for (const language of named) {
      if (!value[language]) {
        problems.push(
          language === first
            ? `${path}/names: no name in the default language "${first}"`
            : `${path}/names: no name in "${language}", a language offered`,
        );
      }
    }
    for (const language of Object.keys(value)) {
      if (!offered.includes(language) && language !== 'en') {
        problems.push(`${path}/names: "${language}" is not a language offered`);
      }
    }
  };
  names('/country', profile.country.names);
  for (const list of ['communities', 'municipalities', 'institutions'] as const) {
    const seen = new Set<string>();
    profile[list].forEach((entry, i) => {
      if (seen.has(entry.code)) problems.push(`/${list}/${i}/code: "${entry.code}" comes twice`);
      seen.add(entry.code);
      names(`/${list}/${i}`, entry.names);
    });
  }
  const municipalities = new Set(profile.municipalities.map((m) => m.code));
  profile.institutions.forEach((institution, i) => {
    (institution.contactPoints ?? []).forEach((point, j) => {
      const at = `/institutions/${i}/contactPoints/${j}`;
      // The directory's own rules: what the profile seeds, the directory's form takes back.
      if (!isContactEmail(point.email))
        problems.push(`${at}/email: not an address the directory takes`);
      if (point.phone !== undefined && point.phone !== null && !isContactPhone(point.phone)) {
        problems.push(`${at}/phone: not a phone number the directory takes`);
      }
      if (point.municipality && !municipalities.has(point.municipality)) {
        problems.push(
          `/institutions/${i}/contactPoints/${j}/municipality: "${point.municipality}" is not a municipality of the profile`,
        );
      }
    });
  });
  for (const list of CONTACT_LISTS) {
    (profile.contacts[list] ?? []).forEach((contact, i) =>
      names(`/contacts/${list}/${i}`, contact.names),
    );
  }
  profile.workingDays.holidays.forEach((holiday, i) => {
    if ('every' in holiday) {
      const [month, day] = holiday.every.split('-').map(Number);
      // Any year: 29 February is a day of leap years only, and allowed.
      if (new Date(Date.UTC(2024, month - 1, day)).getUTCMonth() !== month - 1) {
        problems.push(
          `/workingDays/holidays/${i}/every: "${holiday.every}" is not a day of the year`,
        );
      }
    }
  });
  return problems;
}

/** A country's ISO 3166-1 alpha-2 code (Kosovo's user-assigned `XK` too), in either case. */
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/**
 * The profile file a configuration value names: the file name (`albania`), or the country's ISO
 * code in any case (`al`, `AL`, `xk`), found by reading `country.code` of every profile in the
 * directory. A value that is neither is returned as given, for loadCountryProfile to refuse.
 */
export function resolveProfileName(value: string, directory = countriesDirectory()): string {
  const name = value.trim();
  if (PROFILE_NAME.test(name) && existsSync(join(directory, `${name}.json`))) return name;
  if (!COUNTRY_CODE.test(name)) return name;
  const code = name.toUpperCase();
  const matches = readdirSync(directory)
    .filter((file) => file.endsWith('.json') && file !== 'country-profile.schema.json')
    .map((file) => file.slice(0, -'.json'.length))
    .filter((profile) => PROFILE_NAME.test(profile))
    .filter((profile) => {
      try {
        const data = JSON.parse(readFileSync(join(directory, `${profile}.json`), 'utf8')) as {
          country?: { code?: unknown };
        };
        return typeof data.country?.code === 'string' && data.country.code.toUpperCase() === code;
      } catch {
        return false; // a file that is not JSON is refused when it is named by its file name
      }
    })
    .sort();
  if (matches.length > 1) {
    throw new CountryProfileError(
      `names the country ${code}, which more than one profile holds (${matches.map((m) => `${m}.json`).join(', ')}): name the file instead`,
    );
  }
  if (matches.length === 0 && !PROFILE_NAME.test(name)) {
    throw new CountryProfileError(
      `names no profile: no file in config/countries holds the country ${code} (give the file name, e.g. kosovo, or the country's ISO code)`,
    );
  }
  return matches[0] ?? name;
}

/**
 * Reads and checks the profile `config/countries/<name>.json`: the schema, then the rules
 * between its fields. Throws one error naming the file and every problem.
 */
export function loadCountryProfile(
  name: string,
  directory = countriesDirectory(),
): CountryProfileData {
  if (!PROFILE_NAME.test(name)) {
    throw new CountryProfileError(
      `must be the name of a profile in config/countries (lower case letters, digits, - and _)`,
    );
  }
  const file = join(directory, `${name}.json`);
  if (!existsSync(file)) {
    throw new CountryProfileError(`names no profile: config/countries/${name}.json does not exist`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CountryProfileError(
      `names a profile that is not JSON: config/countries/${name}.json (${(error as Error).message})`,
    );
  }
  const validate = schemaValidator();
  const problems = validate(data)
    ? profileProblems(data as CountryProfileData)
    : (validate.errors ?? []).map(describe);
  if (problems.length > 0) {
    throw new CountryProfileError(
      `names a profile with problems: config/countries/${name}.json: ${problems.slice(0, 10).join('; ')}`,
    );
  }
  return data as CountryProfileData;
}

/** Easter Sunday of a year: Gregorian (western) or Julian (orthodox) reckoning, as a UTC date. */
export function easterSunday(year: number, reckoning: 'western' | 'orthodox'): Date {
  if (reckoning === 'orthodox') {
    // Meeus' Julian algorithm, then the Julian date moved to the Gregorian calendar.
    const a = year % 4;
    const b = year % 7;
    const c = year % 19;
    const d = (19 * c + 15) % 30;
    const e = (2 * a + 4 * b - d + 34) % 7;
    const month = Math.floor((d + e + 114) / 31);
    const day = ((d + e + 114) % 31) + 1;
    const julianToGregorian = Math.floor(year / 100) - Math.floor(year / 400) - 2;
    return new Date(Date.UTC(year, month - 1, day + julianToGregorian));
  }
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}
