import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationFailedError } from '../errors/domain-error';
import { toFieldErrors } from '../errors/validation-errors';
import { CSRF_FIELD } from '../http/csrf';

function fieldsOf(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export interface ReadFormOptions {
  /** Leave out fields the form class does not declare instead of refusing them. */
  ignoreUnknown?: boolean;
}

/**
 * Validates a posted form like the global pipe validates JSON (unknown fields refused), and
 * throws the errors so the page is shown again with them. Empty fields count as absent, as
 * browsers send every input.
 */
export function readForm<T extends object>(
  type: ClassConstructor<T>,
  body: unknown,
  options: ReadFormOptions = {},
): T {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fieldsOf(body))) {
    if (key === CSRF_FIELD) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    values[key] = value;
  }
  const form = plainToInstance(type, values);
  const errors = validateSync(form, {
    whitelist: true,
    forbidNonWhitelisted: !options.ignoreUnknown,
    // One message per field: "required" rather than "required" and "must be text".
    stopAtFirstError: true,
    validationError: { target: true, value: false },
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
  return form;
}

/** The first value of each field of an urlencoded or multipart form. */
export function firstValues(body: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(fieldsOf(body))) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') result[name] = first;
  }
  return result;
}

/** Every value of a field that may repeat (`name=a&name=b`), blanks kept in their place. */
export function allValues(body: unknown, name: string): string[] {
  const value = fieldsOf(body)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'string' ? v : ''));
}

/**
 * The values a refused form is filled in again with: the first of each field under its name,
 * the further ones of a repeated field as `name.1`, `name.2`… (never the CSRF token).
 */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(fieldsOf(body))) {
    if (name === CSRF_FIELD) continue;
    const list = Array.isArray(value) ? value : [value];
    list.forEach((v, i) => {
      if (typeof v === 'string') values[i === 0 ? name : `${name}.${i}`] = v;
    });
  }
  return values;
}

/** A path parameter of the request as sent (a page's `again` reads the id of its page). */
export function routeParam(request: { params?: unknown }, name: string): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** The last segment of the request's path: which of the paths of one handler was asked for. */
export function pathEnd(request: { url: string }): string {
  return request.url.split('?')[0].split('/').pop() ?? '';
}
