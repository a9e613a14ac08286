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

/**
 * Too many wrong codes from this client for this reference: even its right code waits for the
 * lock to end. Other clients are not concerned (follow-up/domain/follow-up-guard.ts).
 */
export class CaseLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('case_locked', 429, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}
