import { DomainError } from '../errors/domain-error';
import { Locale } from '../i18n/locale';
import { MessageParams, translate } from '../i18n/message-catalog';

/** One message of a refused form: on a field, or (without one) for the whole form. */
export interface FormMessage {
  field?: string;
  messageKey: string;
  params?: MessageParams;
  /** The message in the page's language. */
  message: string;
}

/** What a page shows when its form was refused: a summary, and the messages of each field. */
export interface FormProblem {
  status: number;
  errors: FormMessage[];
  invalid: Record<string, FormMessage[]>;
  /** The problem's extensions (e.g. the lines of a refused import). */
  extensions: Record<string, unknown>;
  retryAfterSeconds?: number;
}

export interface FormProblemOptions {
  /** Where an API field's message shows on the form (e.g. `contact.email` → `contactEmail`). */
  field?: (name: string) => string;
  /** The field a message without one is shown beside (default: the form's summary only). */
  defaultField?: string;
  /** Message parameters as the page shows them (e.g. a status code as its label). */
  params?: (params: MessageParams) => MessageParams;
}

/**
 * Turns a refusal into what its page shows again (the error summary linking to the fields).
 * Anything that is not a domain error is a bug and goes on to the global filter.
 */
export function formProblem(
  error: unknown,
  locale: Locale,
  options: FormProblemOptions = {},
): FormProblem {
  if (!(error instanceof DomainError)) throw error;
  const toField = options.field ?? ((name: string) => name);
  const shown = options.params ?? ((params: MessageParams) => params);
  const message = (field: string | undefined, messageKey: string, params?: MessageParams) => ({
    ...(field === undefined ? {} : { field }),
    messageKey,
    params,
    message: translate(locale, messageKey, params ? shown(params) : undefined),
  });
  const errors: FormMessage[] =
    error.fieldErrors.length > 0
      ? error.fieldErrors.map((e) => message(toField(e.field), e.messageKey, e.params))
      : [message(options.defaultField, `error.${error.code}`, error.params)];
  const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  return {
    status: error.status,
    errors,
    invalid: invalidFields(errors),
    extensions: error.extensions,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
  };
}

/** The messages of each field, for the `aria-invalid` fields and the messages beside them. */
export function invalidFields(errors: readonly FormMessage[]): Record<string, FormMessage[]> {
  const invalid: Record<string, FormMessage[]> = {};
  for (const e of errors) if (e.field) (invalid[e.field] ??= []).push(e);
  return invalid;
}

/** The translated messages of each field (the cases pages' templates take plain texts). */
export function fieldMessages(problem: FormProblem | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(problem?.invalid ?? {}))
    result[field] = list.map((e) => e.message);
  return result;
}
