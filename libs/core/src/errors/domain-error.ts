import { MessageParams } from '../i18n/message-catalog';

export interface FieldError {
  /** Dotted path of the field, e.g. `contact.email` or `grounds.1`. */
  readonly field: string;
  /** Machine-readable reason, e.g. `isLength`. */
  readonly code: string;
  /** Message key and its parameters; translated when the problem is written. */
  readonly messageKey: string;
  readonly params?: MessageParams;
}

/**
 * An expected failure of a domain rule. It carries a stable `code`, an HTTP status and the
 * parameters of its message; the message itself is written in the caller's language by the
 * problem-details filter (message key `error.<code>`). Never put personal data in params.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: MessageParams = {},
    readonly extensions: Record<string, unknown> = {},
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(code = 'not_found', params?: MessageParams) {
    super(code, 404, params);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'forbidden', params?: MessageParams) {
    super(code, 403, params);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, params?: MessageParams, extensions?: Record<string, unknown>) {
    super(code, 409, params, extensions);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(code = 'unauthorized', params?: MessageParams) {
    super(code, 401, params);
  }
}

/** People plan in minutes: the message says the wait rounded up to whole minutes. */
export class TooManyRequestsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    code = 'rate_limited',
  ) {
    super(code, 429, {
      seconds: retryAfterSeconds,
      minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
    });
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(code = 'body_too_large', params?: MessageParams) {
    super(code, 413, params);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(code = 'unsupported_media_type', params?: MessageParams) {
    super(code, 415, params);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(code = 'service_unavailable') {
    super(code, 503);
  }
}

/** A request whose fields break rules: every field's error is listed in the answer. */
export class ValidationFailedError extends DomainError {
  constructor(fieldErrors: readonly FieldError[], code = 'validation_failed') {
    super(code, 400, {}, {}, fieldErrors);
  }
}
