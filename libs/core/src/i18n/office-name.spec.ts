import { loadCountryProfile } from '../country/country-profile';
import { useInstallationProfile } from '../country/installation';
import { officeName, translate } from './message-catalog';

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
});
