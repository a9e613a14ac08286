import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError, ValidationFailedError, toFieldErrors } from '@app/core';

/**
 * Validates a posted form like the global pipe validates JSON (unknown fields refused), but
 * returns the errors so the page can be shown again with them. Empty fields count as absent,
 * as browsers send every input.
 */
export function readForm<T extends object>(
  type: ClassConstructor<T>,
  body: unknown,
  ignored: readonly string[] = ['_csrf'],
): T {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (ignored.includes(key)) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    values[key] = value;
  }
  const form = plainToInstance(type, values);
  const errors = validateSync(form, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // One message per field: "required" rather than "required" and "must be text".
    stopAtFirstError: true,
    validationError: { target: true, value: false },
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
  return form;
}

export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ValidationFailedError ? [...error.fieldErrors] : [];
}
