import { CountryProfile, CountryProfileApplication } from '@app/core';
import type { CliCommand } from './cli-command';

/**
 * Applies the country profile (COUNTRY) to the database and says what the database holds. Every
 * server, worker and CLI start applies it already; this command is for a deploy that runs the
 * migrations and wants the profile in place before any process starts, or to check a profile
 * against a database.
 */
export const countryApplyCommand: CliCommand = {
  name: 'country-apply',
  summary:
    'Apply the country profile (COUNTRY) to the database: reference data, holidays, contacts',
  async run(app) {
    const profile = app.get(CountryProfile);
    // Starting the command applied it already (CoreModule); this pass finds nothing to change.
    const applied = await app.get(CountryProfileApplication).apply();
    process.stdout.write(
      [
        `Country profile ${profile.code} (${profile.countryName('en')}) is applied:`,
        `${profile.communities.length} communities, ${profile.municipalities.length} municipalities, ${profile.institutions.length} institutions;`,
        `languages ${profile.languages.join(', ')} (default ${profile.defaultLanguage}); time zone ${profile.timeZone}; references ${profile.referencePrefix}-YYYY-NNNNN`,
        applied.holidayYearsSeeded.length > 0
          ? `; holidays seeded for ${applied.holidayYearsSeeded.join(', ')}`
          : '',
      ].join(' ') + '\n',
    );
  },
};
