import { rolePermissions, type StaffRole } from '@app/core';
import { NotificationActionForbiddenError } from '../exceptions/notification.errors';

/** What staff do with the mail pipeline. */
export const NOTIFICATION_ACTIONS = ['readDeadLetters', 'retry'] as const;
export type NotificationAction = (typeof NOTIFICATION_ACTIONS)[number];

/**
 * Administrators watch the mail pipeline (dead letters with their errors) and send a
 * dead-lettered email again; nobody else sees or touches it.
 */
const ROLES: Record<NotificationAction, readonly StaffRole[]> = {
  readDeadLetters: ['administrator'],
  retry: ['administrator'],
};

/**
 * Every permission on notifications, in one place: the admin service checks it (a caller that
 * reaches it past the route guard gets the same 403) and the page asks it what to offer.
 */
export const NotificationPermissions = rolePermissions(
  ROLES,
  () => new NotificationActionForbiddenError(),
);
