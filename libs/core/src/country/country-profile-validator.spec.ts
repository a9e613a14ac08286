import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../views/project-root';
import {
  GENERATED_VALIDATOR_FILE,
  countryProfileValidatorSource,
} from './country-profile-validator-source';
import { loadCountryProfile } from './country-profile';

describe('the country profile validator compiled ahead of time', () => {
  it('is what the schema in the repository compiles to (run `npm run generate:country-validator` after changing it)', () => {
    const root = projectRoot();
    expect(readFileSync(join(root, GENERATED_VALIDATOR_FILE), 'utf8')).toBe(
      countryProfileValidatorSource(root),
    );
  });

  it('takes the shipped profiles', () => {
    expect(loadCountryProfile('kosovo').country.code).toBe('XK');
    expect(loadCountryProfile('albania').country.code).toBe('AL');
  });
});
