import { ValidateBy, ValidationOptions } from 'class-validator';

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const PHONE = /^\+?[0-9 ()\-/.]+$/;

/**
 * An institution's e-mail address as the directory keeps it (contact points, one-off referral
 * addresses, the country profile's contact points): one address, no spaces or list separators,
 * a dot in the domain, at most 320 characters. The one rule of the form, the CSV import, the
 * referral check and the profile check, so that what one accepts the others take back.
 */
export function isContactEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 320 && EMAIL.test(value);
}

/**
 * An institution's phone number as people write it: digits, spaces and `( ) - / .`, a leading
 * `+`; at least 3 digits, at most 40 characters (e.g. `+383 38 200 100`, `(038) 200 100`).
 */
export function isContactPhone(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 40 &&
    PHONE.test(value) &&
    (value.match(/[0-9]/g)?.length ?? 0) >= 3
  );
}

/** `isContactEmail` as a field rule (shares the message of `isEmail`). */
export function IsContactEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isEmail', validator: { validate: (value: unknown) => isContactEmail(value) } },
    options,
  );
}

/** `isContactPhone` as a field rule (shares the message of `isPhone`). */
export function IsContactPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isPhone', validator: { validate: (value: unknown) => isContactPhone(value) } },
    options,
  );
}
