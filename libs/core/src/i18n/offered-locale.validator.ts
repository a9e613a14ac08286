import { ValidateBy, ValidationOptions } from 'class-validator';
import { isOfferedLocale, offeredLocales } from './locale';

/**
 * The constraint `validation.isIn`'s `{0}` names: the offered languages, read when the message
 * is written (the profile is set at start-up, after the decorators ran).
 */
const OFFERED = {
  get languages(): string {
    return offeredLocales().join(', ');
  },
};

/**
 * One of the languages the installation offers (its country profile's). Reported like
 * `@IsIn` (`validation.isIn`), the offered languages read when the value is checked.
 */
export function IsOfferedLocale(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIn',
      constraints: [OFFERED],
      validator: {
        validate: (value: unknown) => isOfferedLocale(value),
        defaultMessage: () =>
          `must be one of the languages offered: ${offeredLocales().join(', ')}`,
      },
    },
    options,
  );
}
