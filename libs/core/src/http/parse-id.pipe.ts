import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID as our ids are written (8-4-4-4-12 hexadecimal digits). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The id of a path, e.g. `@Param('id', new ParseIdPipe('case_not_found'))`: a malformed id is
 * answered exactly as an id that does not exist, 404 with the code of that resource. A path
 * names a resource; a string that cannot be an id names none, and answering alike tells a caller
 * nothing about how ids are made. It also never reaches PostgreSQL, which refuses it (22P02).
 */
export class ParseIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly notFoundCode = 'not_found') {}

  transform(value: unknown): string {
    if (!isUuid(value)) throw new NotFoundError(this.notFoundCode);
    return value;
  }
}
