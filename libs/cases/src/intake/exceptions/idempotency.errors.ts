import { ConflictError } from '@app/core';

/** The key was used for a different request; repeating the first one would hide that. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super('idempotency_key_reused');
  }
}
