import { CountryProfileError, loadCountryProfile } from '../../country/country-profile';
import { InvalidValue, SectionSpec, env } from '../env-schema';

export const countrySection = {
  profile: env.custom(
    'COUNTRY',
    'The country profile of the installation: the file config/countries/<COUNTRY>.json (languages, municipalities, communities, institutions, time zone, working days, reference prefix, statistics threshold, contacts), checked at start-up (README, Country profiles)',
    (raw) => {
      try {
        return loadCountryProfile(raw.trim());
      } catch (error) {
        if (error instanceof CountryProfileError) throw new InvalidValue(error.message);
        throw error;
      }
    },
    { default: 'kosovo' },
  ),
} as const satisfies SectionSpec;
