import { CountryProfileData, loadCountryProfile } from './country-profile';

/**
 * The country profile this process runs with, for the code that cannot be handed it by
 * injection: pure helpers (dates in the installation's time zone, case references, language
 * negotiation) and validation decorators, which are read before any service exists.
 *
 * Set once at start-up from the configuration (`COUNTRY`) by CoreModule; until then (unit
 * tests, scripts) it is the default profile, Kosovo's.
 */
let current: CountryProfileData | undefined;
const listeners: Array<() => void> = [];

/** Makes a profile the installation's (CoreModule does it when the configuration is read). */
export function useInstallationProfile(profile: CountryProfileData): void {
  if (current === profile) return;
  current = profile;
  for (const listener of listeners) listener();
}

/** The installation's profile (Kosovo's until the configuration names another). */
export function installationProfile(): CountryProfileData {
  current ??= loadCountryProfile('kosovo');
  return current;
}

/** Calls back whenever the installation's profile is replaced (caches derived from it). */
export function onInstallationProfileChange(listener: () => void): void {
  listeners.push(listener);
}

/** IANA time zone of the installation: statistical years, due dates and shown times. */
export function installationTimeZone(): string {
  return installationProfile().timeZone;
}

/** Prefix of case references (`PMD` in `PMD-2026-00042`). */
export function installationReferencePrefix(): string {
  return installationProfile().referencePrefix;
}
