import { installationDate, installationYear } from '../clock/clock';
import { countryName } from '../i18n/message-catalog';
import { defaultLocale, negotiateLocale, offeredLocales, parseLocale } from '../i18n/locale';
import { loadCountryProfile } from './country-profile';
import {
  installationReferencePrefix,
  installationTimeZone,
  useInstallationProfile,
} from './installation';

describe('the installation follows its country profile', () => {
  const kosovo = loadCountryProfile('kosovo');
  const albania = loadCountryProfile('albania');
  afterEach(() => useInstallationProfile(kosovo));

  it('is Kosovo by default: every language, Europe/Belgrade, PMD', () => {
    useInstallationProfile(kosovo);
    expect(offeredLocales()).toEqual(['sq', 'sr', 'sr-Cyrl', 'en', 'rom']);
    expect(defaultLocale()).toBe('sq');
    expect(installationTimeZone()).toBe('Europe/Belgrade');
    expect(installationReferencePrefix()).toBe('PMD');
    expect(negotiateLocale('sr-Cyrl-RS')).toBe('sr-Cyrl');
    expect(countryName('sq')).toBe('Kosova');
    expect(countryName('sr-Cyrl')).toBe('Косово');
  });

  it('offers only Albania’s languages on Albania’s profile; Serbian is not negotiated', () => {
    useInstallationProfile(albania);
    expect(offeredLocales()).toEqual(['sq', 'rom', 'en']);
    expect(parseLocale('sr')).toBeUndefined();
    expect(parseLocale('ROM')).toBe('rom');
    expect(negotiateLocale('sr-RS,sr;q=0.9')).toBeUndefined();
    // The next language asked for that is offered.
    expect(negotiateLocale('sr-RS, en;q=0.5')).toBe('en');
    expect(installationReferencePrefix()).toBe('PMDAL');
    expect(countryName('en')).toBe('Albania');
    expect(countryName('rom')).toBe('Albanija');
  });

  it('reads dates in the profile’s time zone, or the one given', () => {
    useInstallationProfile(albania);
    const newYear = new Date('2025-12-31T23:30:00Z'); // 00:30 on 1 January in Tirana
    expect(installationDate(newYear)).toBe('2026-01-01');
    expect(installationYear(newYear)).toBe(2026);
    expect(installationDate(newYear, 'Europe/London')).toBe('2025-12-31');
  });
});
