import { ValidateBy, ValidationOptions } from 'class-validator';
import { isOfferedLocale, offeredLocales } from './locale';

/**
 * One of the languages the installation offers (its country profile's). Reported like
 * `@IsIn` (`validation.isIn`), the offered languages read when the value is checked.
 */
export function IsOfferedLocale(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIn',
      validator: {
        validate: (value: unknown) => isOfferedLocale(value),
        defaultMessage: () =>
          `must be one of the languages offered: ${offeredLocales().join(', ')}`,
      },
    },
    options,
  );
}
