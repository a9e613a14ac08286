import { loadCountryProfile } from '../country/country-profile';
import { useInstallationProfile } from '../country/installation';
import { offeredLocales } from './locale';
import { officeName, registeredMessages, translate } from './message-catalog';

describe('the office that runs the installation in messages ({office})', () => {
  afterEach(() => useInstallationProfile(loadCountryProfile('kosovo')));

  it("is Kosovo's office in each language on Kosovo's profile", () => {
    useInstallationProfile(loadCountryProfile('kosovo'));
    expect(translate('sq', 'site.owner')).toBe('Zyra për Qeverisje të Mirë, Zyra e Kryeministrit');
    expect(translate('en', 'site.owner')).toBe(
      'Office for Good Governance, Office of the Prime Minister',
    );
    expect(translate('rom', 'meetings.pdf.office')).toBe(
      'Biro baši Lačho Upravljanje, Biro e Premijeresko',
    );
    expect(translate('sr-Cyrl', 'site.owner')).toMatch(/^Канцеларија/);
    expect(translate('en', 'mail.signature')).toBe(
      'Platform for protection from discrimination\nOffice for Good Governance, Office of the Prime Minister',
    );
  });

  it("never names Kosovo's office on a profile that names no office", () => {
    useInstallationProfile(loadCountryProfile('albania'));
    expect(loadCountryProfile('albania').contacts.office).toBeUndefined();
    for (const locale of ['sq', 'en', 'rom'] as const) {
      const owner = translate(locale, 'site.owner');
      expect(owner).toBe(officeName(locale));
      expect(owner).not.toMatch(/Qeverisje|Governance|Upravljanje/);
    }
    expect(translate('en', 'site.owner')).toBe('The office that runs the platform');
    expect(translate('rom', 'site.owner')).toBe('O biro savo ikerel i platforma');
  });

  it("names neither Kosovo's office nor its reference prefix in any message on Albania's profile", () => {
    useInstallationProfile(loadCountryProfile('albania'));
    const kosovoOffice =
      /Qeverisje|Good Governance|Upravljanje|Kryeministr|Prime Minister|premijer/i;
    const found: string[] = [];
    for (const locale of offeredLocales()) {
      for (const { key } of registeredMessages()) {
        const text = translate(locale, key);
        if (kosovoOffice.test(text) || /\bPMD-/.test(text)) found.push(`${locale} ${key}: ${text}`);
        // The catalogue's names of Kosovo's own institutions and places are shown only for a
        // profile that lists them; no other message names Kosovo.
        if (!key.startsWith('taxonomy.') && /Kosov|Косов/.test(text))
          found.push(`${locale} ${key}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("gives an example case reference with the installation's prefix and this year", () => {
    const year = new Date().getUTCFullYear();
    useInstallationProfile(loadCountryProfile('albania'));
    expect(translate('en', 'validation.isCaseReference')).toMatch(
      new RegExp(`^A case reference looks like this: PMDAL-(${year}|${year + 1})-00042\\.$`),
    );
    useInstallationProfile(loadCountryProfile('kosovo'));
    expect(translate('sq', 'follow.reference.hint')).toMatch(/^P\.sh\. PMD-\d{4}-00042$/);
    expect(translate('rom', 'staff.cases.filter.q_hint')).toMatch(
      /^Jekh numri e rastesko \(sar PMD-\d{4}\)/,
    );
  });
});
