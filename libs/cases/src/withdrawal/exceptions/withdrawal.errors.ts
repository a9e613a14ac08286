import { ConflictError } from '@app/core';

/** The case went past the point where staff could close it (Technical Group, an outcome). */
export class CaseNotWithdrawableError extends ConflictError {
  constructor() {
    super('case_not_withdrawable');
  }
}

/** Erasure on request waits until the case is no longer handled (withdraw it first). */
export class CaseStillOpenError extends ConflictError {
  constructor() {
    super('case_still_open');
  }
}
