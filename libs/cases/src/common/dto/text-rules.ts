import { ValidateBy, ValidationOptions } from 'class-validator';
import { parseCaseReference } from '../../intake/domain/case-reference';
import { normaliseReceiptCode } from '../../intake/domain/receipt-code';

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isISO8601',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
      },
    },
    options,
  );
}

const PHONE = /^\+?[0-9][0-9 ()./-]{4,28}[0-9]$/;

/** A phone number as people write it: digits, spaces, dashes, dots, brackets, a leading +. */
export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhone',
      validator: { validate: (value: unknown) => typeof value === 'string' && PHONE.test(value) },
    },
    options,
  );
}

/** Trims strings (other values are left for the type rules to refuse). */
export function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** `trimmed`, and an empty field of a page form (or an "all" filter) is a field not given. */
export function blankless({ value }: { value: unknown }): unknown {
  const text = trimmed({ value });
  return text === '' ? undefined : text;
}

/** A receipt code as typed: 16 digits, spaces and dashes allowed between them. */
export function IsReceiptCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReceiptCode',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && normaliseReceiptCode(value) !== undefined,
      },
    },
    options,
  );
}

/** A case reference as typed (`PMD-2026-00042`, any case, spaces allowed). */
export function IsCaseReference(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCaseReference',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.length <= 40 &&
          parseCaseReference(value) !== undefined,
      },
    },
    options,
  );
}
