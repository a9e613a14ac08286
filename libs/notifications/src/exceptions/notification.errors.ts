import { ForbiddenError } from '@app/core';

/** A role that may not touch the mail pipeline (NotificationPermissions), however it got here. */
export class NotificationActionForbiddenError extends ForbiddenError {
  constructor() {
    super('notification_action_forbidden');
  }
}
