import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../errors/domain-error';

/**
 * How deeply objects and arrays may nest in a JSON body. Our deepest body (a transition with its
 * referrals) nests three levels; the transformer and the validators walk a body recursively, so
 * a body nested thousands deep would exhaust the stack there.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, read in one pass without
 * recursion (brackets inside strings do not count). Malformed text is left to the parser.
 */
export function jsonNestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** A JSON body nested deeper than the platform reads. */
export class BodyTooDeepError extends DomainError {
  constructor(limit: number) {
    super('body_too_deep', 400, { limit });
  }
}

/**
 * The path (`contact.constructor`) of the first object key named `constructor` in a parsed
 * body, iteratively. class-transformer reads `value.constructor` of every nested object to
 * learn its type and fails (a 500) on one that carries its own; no field of ours has that name.
 */
export function constructorKeyPath(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (!current || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key === 'constructor') return childPath;
      pending.push([child, childPath]);
    }
  }
  return undefined;
}

type JsonParser = (
  request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/**
 * Replaces the JSON body parser with Fastify's own (which keeps refusing `__proto__` keys)
 * behind a depth check, so that a body nested deeper than `maxDepth` is refused with a 400
 * problem before it is even parsed; a `constructor` key is refused as an unknown field.
 */
export function useDepthLimitedJsonParser(
  fastify: FastifyInstance,
  bodyLimit: number,
  maxDepth = MAX_JSON_DEPTH,
): void {
  const parse = fastify.getDefaultJsonParser('error', 'error') as JsonParser;
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser<string>(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      if (jsonNestingExceeds(body, maxDepth)) {
        done(new BodyTooDeepError(maxDepth), undefined);
        return;
      }
      parse(request, body, (error, value) => {
        const field = error ? undefined : constructorKeyPath(value);
        if (field === undefined) {
          done(error, value);
          return;
        }
        done(
          new ValidationFailedError([
            { field, code: 'whitelistValidation', messageKey: 'validation.whitelistValidation' },
          ]),
          undefined,
        );
      });
    },
  );
}
