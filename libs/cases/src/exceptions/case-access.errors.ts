import { DomainError, NotFoundError } from '@app/core';

/**
 * A reference that does not exist and a wrong receipt code get this same answer, so the
 * follow-up form cannot be used to find out which references exist.
 */
export class CaseAccessDeniedError extends NotFoundError {
  constructor() {
    super('case_access_denied');
  }
}

/** Too many wrong codes for this reference: even the right code waits until the lock ends. */
export class CaseLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('case_locked', 429, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}
