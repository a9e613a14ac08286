import type { FastifyReply } from 'fastify';
import { DomainError, MessageParams } from '@app/core';

export interface FormMessage {
  field?: string;
  messageKey: string;
  params?: MessageParams;
}

/** What a page shows when its form was refused: a summary, and the messages of each field. */
export interface FormProblem {
  status: number;
  errors: FormMessage[];
  invalid: Record<string, FormMessage[]>;
}

/**
 * Turns a refusal of a form into what its page shows again (error summary linking to the
 * fields). Anything that is not a domain error is a bug and goes on to the global filter.
 */
export function formProblem(error: unknown, reply?: FastifyReply): FormProblem {
  if (!(error instanceof DomainError)) throw error;
  const errors: FormMessage[] =
    error.fieldErrors.length > 0
      ? error.fieldErrors.map((e) => ({
          field: e.field,
          messageKey: e.messageKey,
          params: e.params,
        }))
      : [{ messageKey: `error.${error.code}`, params: error.params }];
  const invalid: Record<string, FormMessage[]> = {};
  for (const e of errors) if (e.field) (invalid[e.field] ??= []).push(e);
  const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (reply && retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return { status: error.status, errors, invalid };
}
