import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldError, Locale, ValidationFailedError, toFieldErrors, translate } from '@app/core';

/** A field's problem as a page shows it: the form field's name and a translated message. */
export interface PageFieldError {
  field: string;
  message: string;
}

/** Validates the fields of a page form with a DTO class (unknown fields are ignored here). */
export async function validateFormFields<T extends object>(
  type: new () => T,
  plain: Record<string, unknown>,
): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: false,
    validationError: { target: true, value: false },
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
  return instance;
}

/** The first value of each field of an urlencoded or multipart form. */
export function firstValues(body: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!body || typeof body !== 'object') return result;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') result[name] = first;
  }
  return result;
}

export function translateFieldErrors(
  errors: readonly FieldError[],
  locale: Locale,
  toFormField: (field: string) => string = (field) => field,
): PageFieldError[] {
  return errors.map((e) => ({
    field: toFormField(e.field),
    message: translate(locale, e.messageKey, e.params),
  }));
}
