/**
 * Regenerates the country profile validator from the schema:
 * `npm run generate:country-validator` after editing config/countries/country-profile.schema.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the generator is kept out of @app/core, so no process loads Ajv at start
import {
  GENERATED_VALIDATOR_FILE,
  countryProfileValidatorSource,
} from '../libs/core/src/country/country-profile-validator-source';

const root = join(__dirname, '..');
writeFileSync(join(root, GENERATED_VALIDATOR_FILE), countryProfileValidatorSource(root));
process.stdout.write(
  `${GENERATED_VALIDATOR_FILE} written from config/countries/country-profile.schema.json\n`,
);
