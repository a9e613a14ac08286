import {
  CountryProfileData,
  CountryProfileError,
  loadCountryProfile,
  resolveProfileName,
} from '../../country/country-profile';
import { InvalidValue, SectionSpec, env } from '../env-schema';

/** The profile a value names: its file name (`albania`) or its country's ISO code (`al`, `XK`). */
function profileNamed(raw: string): CountryProfileData {
  try {
    return loadCountryProfile(resolveProfileName(raw));
  } catch (error) {
    if (error instanceof CountryProfileError) throw new InvalidValue(error.message);
    throw error;
  }
}

export const countrySection = {
  profile: env.custom(
    'COUNTRY',
    "The country profile of the installation: the file config/countries/<COUNTRY>.json (languages, municipalities, communities, institutions, time zone, working days, reference prefix, statistics threshold, contacts), named by its file name (kosovo, albania) or its country's ISO code in any case (xk, AL), checked at start-up (README, Country profiles)",
    profileNamed,
    { default: 'kosovo' },
  ),
  /** Read by loadConfig: when set it is the profile, and COUNTRY, if also set, must agree. */
  profileAlias: env.custom<CountryProfileData | undefined>(
    'COUNTRY_PROFILE',
    'Another name for COUNTRY, taking the same values (COUNTRY_PROFILE=al); when both are set they must name the same profile',
    (raw) => (raw.trim() === '' ? undefined : profileNamed(raw)),
    { default: '' },
  ),
} as const satisfies SectionSpec;
