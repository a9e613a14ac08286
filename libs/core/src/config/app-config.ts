import { isDeepStrictEqual } from 'node:util';
import type { CountryProfileData } from '../country/country-profile';
import { ConfigError } from './config-error';
import { EnvSource, SectionSpec, SectionValues, VariableSpec } from './env-schema';
import { appSection } from './sections/app.section';
import { countrySection } from './sections/country.section';
import { databaseSection } from './sections/database.section';
import { redisSection } from './sections/redis.section';
import { securitySection } from './sections/security.section';
import { mailSection } from './sections/mail.section';
import { notificationsSection } from './sections/notifications.section';
import { storageSection } from './sections/storage.section';
import { identitySection } from './sections/identity.section';
import { casesSection } from './sections/cases.section';
import { clocksSection } from './sections/clocks.section';
import { meetingsSection } from './sections/meetings.section';
import { THRESHOLD_OF_PROFILE, statisticsSection } from './sections/statistics.section';
import { privacySection } from './sections/privacy.section';
import { documentsSection } from './sections/documents.section';
import { DEV_SESSION_SECRET } from './sections/security.section';

export { NODE_ENVS } from './sections/app.section';
export type { NodeEnv, TrustProxy } from './sections/app.section';

/** Every variable, one section per area; each section's file says what its variables mean. */
export const CONFIG_SCHEMA = {
  app: appSection,
  country: countrySection,
  database: databaseSection,
  redis: redisSection,
  security: securitySection,
  mail: mailSection,
  notifications: notificationsSection,
  storage: storageSection,
  identity: identitySection,
  cases: casesSection,
  clocks: clocksSection,
  meetings: meetingsSection,
  statistics: statisticsSection,
  privacy: privacySection,
  documents: documentsSection,
} as const satisfies Record<string, SectionSpec>;

export type AppConfig = {
  [S in keyof typeof CONFIG_SCHEMA]: SectionValues<(typeof CONFIG_SCHEMA)[S]>;
};

export function allVariables(): VariableSpec<unknown>[] {
  return Object.values(CONFIG_SCHEMA).flatMap((section) => Object.values(section as SectionSpec));
}

/**
 * Reads and validates every variable at once, so one refusal names every problem.
 * Values of secrets never appear in the message.
 */
export function loadConfig(source: EnvSource = process.env): AppConfig {
  const problems: string[] = [];
  const rawMode = source.NODE_ENV ?? 'development';
  const production = rawMode === 'production';
  const result: Record<string, Record<string, unknown>> = {};

  for (const [sectionName, section] of Object.entries(CONFIG_SCHEMA)) {
    const values: Record<string, unknown> = {};
    for (const [key, variable] of Object.entries(section as SectionSpec)) {
      const given = source[variable.name];
      let raw = given === undefined || given === '' ? variable.defaultValue : given;
      if (raw === undefined && variable.secret && !production) raw = variable.developmentDefault;
      if (raw === undefined) {
        problems.push(
          `${variable.name} is required${variable.secret ? ' in production (a secret has no default)' : ''}`,
        );
        continue;
      }
      try {
        values[key] = variable.parse(raw);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const shown = variable.secret
          ? ''
          : ` (got "${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}")`;
        problems.push(`${variable.name} ${reason}${shown}`);
      }
    }
    result[sectionName] = values;
  }

  // COUNTRY_PROFILE is another name for COUNTRY: when set it is the profile; both set must agree.
  const country = result.country as {
    profile?: CountryProfileData;
    profileAlias?: CountryProfileData;
  };
  if (country.profileAlias) {
    const countryGiven = source.COUNTRY !== undefined && source.COUNTRY !== '';
    if (
      countryGiven &&
      country.profile &&
      !isDeepStrictEqual(country.profile, country.profileAlias)
    ) {
      problems.push(
        `COUNTRY and COUNTRY_PROFILE name different country profiles (COUNTRY "${source.COUNTRY}" is ${country.profile.country.code}, COUNTRY_PROFILE "${source.COUNTRY_PROFILE}" is ${country.profileAlias.country.code}): set only one of them`,
      );
    } else {
      country.profile = country.profileAlias;
    }
  }

  const config = result as AppConfig;
  if (problems.length === 0) {
    if (config.statistics.publicThreshold === THRESHOLD_OF_PROFILE) {
      (config.statistics as { publicThreshold: number }).publicThreshold =
        config.country.profile.statistics.publicThreshold;
    }
    const keys = config.security.encryptionKeys;
    if (!keys.has(config.security.activeEncryptionKeyId)) {
      problems.push(
        'FIELD_ENCRYPTION_ACTIVE_KEY_ID must name a key listed in FIELD_ENCRYPTION_KEYS',
      );
    }
    if (production && config.security.sessionSecret === DEV_SESSION_SECRET) {
      problems.push('SESSION_SECRET must not be the development value in production');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
