import { ConflictError, ForbiddenError, NotFoundError } from '@app/core';
import type { CaseStatus } from '../domain/case-status.machine';

/** The step does not exist for this actor; the answer lists the steps it may take now. */
export class TransitionNotAllowedError extends ConflictError {
  constructor(from: CaseStatus, to: CaseStatus, allowedTransitions: CaseStatus[]) {
    super('transition_not_allowed', { from, to }, { allowedTransitions });
  }
}

/** The case changed since the caller read it (`expectedVersion` is stale). */
export class CaseVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('case_version_conflict', {}, { currentVersion });
  }
}

/** A legal expert acting on a case that is not assigned to them (or a role that may not). */
export class CaseActionForbiddenError extends ForbiddenError {
  constructor() {
    super('case_action_forbidden');
  }
}

/** Unknown case, or one the caller may not know about: the same answer. */
export class CaseNotFoundError extends NotFoundError {
  constructor() {
    super('case_not_found');
  }
}
