import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '@app/core';
import type { MeetingStatus } from '../domain/meeting-status.machine';

/** Unknown meeting, or one the caller may not see yet (a member and a planned agenda). */
export class MeetingNotFoundError extends NotFoundError {
  constructor() {
    super('meeting_not_found');
  }
}

export class AgendaItemNotFoundError extends NotFoundError {
  constructor() {
    super('agenda_item_not_found');
  }
}

/** A role that may not use this command on meetings (MeetingPermissions), however it got here. */
export class MeetingActionForbiddenError extends ForbiddenError {
  constructor() {
    super('meeting_action_forbidden');
  }
}

/** A member recused as the respondent institution's may not take part in the item (403). */
export class RecusedFromItemError extends ForbiddenError {
  constructor() {
    super('recused_from_item');
  }
}

/**
 * A step the meeting's status does not allow. The code names the reason (`meeting_not_held`,
 * `minutes_approved`, `agenda_closed`...) and the answer carries the current status.
 */
export class MeetingConflictError extends ConflictError {
  constructor(code: string, status: MeetingStatus, params: Record<string, string | number> = {}) {
    super(code, { status, ...params }, { meetingStatus: status });
  }
}

/** A decision's preconditions on the item itself. */
export class DecisionConflictError extends ConflictError {}

/** One invalid field of a meetings form or request, as the validation pipe would report it. */
export function invalidField(
  field: string,
  rule: string,
  params?: Record<string, string | number>,
): ValidationFailedError {
  return new ValidationFailedError([
    { field, code: rule, messageKey: `validation.${rule}`, params },
  ]);
}
