import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { ValidationFailedError } from './domain-error';

/**
 * Whether PostgreSQL can store a string as sent: not with a NUL character (text columns refuse
 * it) nor with half of a surrogate pair (the driver would silently turn it into U+FFFD, so the
 * stored text would differ from what was sent).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

// Code units, not code points (no `u` flag): a high half not followed by a low one, or a low
// half not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path (`contact.name`, `grounds.1`) of the first string in a parsed body or query that
 * cannot be stored; undefined when there is none. Iterative, so a deeply nested body cannot
 * exhaust the stack.
 */
export function unstorableTextPath(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return path || '(body)';
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return childPath;
        pending.push([child, childPath]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses, with a 400 naming the field, any request whose body or query holds text that cannot
 * be stored, before a validator or the database sees it. (Multipart fields are read by the
 * handlers; for them the database's refusal is turned into the same 400 by `classifyError`.)
 */
@Injectable()
export class UnstorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const field = unstorableTextPath(request.body) ?? unstorableTextPath(request.query);
      if (field !== undefined) {
        throw new ValidationFailedError([
          {
            field,
            code: 'unsupportedCharacters',
            messageKey: 'error.unsupported_characters',
          },
        ]);
      }
    }
    return next.handle();
  }
}
