import { ConflictError, DomainError } from '@app/core';
import type { ResponseLinkState } from '../domain/referral-rules';

/**
 * A response link that cannot be used: unknown (404), or used, expired or its case closed
 * (410: it existed, and will not work again).
 */
export class ReferralLinkError extends DomainError {
  constructor(readonly state: Exclude<ResponseLinkState, 'usable'> | 'unknown') {
    super(
      state === 'unknown' ? 'referral_link_invalid' : `referral_link_${state}`,
      state === 'unknown' ? 404 : 410,
    );
  }
}

/** The referral no longer waits for an answer (answered or closed). */
export class ReferralNotWaitingError extends ConflictError {
  constructor() {
    super('referral_not_waiting');
  }
}

/** The referral has no answer yet, so there is nothing to share with the reporter. */
export class ReferralNotAnsweredError extends ConflictError {
  constructor() {
    super('referral_not_answered');
  }
}
