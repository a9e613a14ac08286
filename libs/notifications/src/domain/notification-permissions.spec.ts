import { STAFF_ROLES, type StaffRole } from '@app/core';
import { NotificationActionForbiddenError } from '../exceptions/notification.errors';
import {
  NOTIFICATION_ACTIONS,
  NotificationAction,
  NotificationPermissions,
} from './notification-permissions';

/** Every role × action, written out: a change to the table must change this too. */
const EXPECTED: Record<StaffRole, readonly NotificationAction[]> = {
  administrator: ['readDeadLetters', 'retry'],
  legal_expert: [],
  technical_group_member: [],
};

describe('NotificationPermissions', () => {
  describe.each(STAFF_ROLES)('%s', (role) => {
    it.each(NOTIFICATION_ACTIONS)('%s', (action) => {
      const allowed = EXPECTED[role].includes(action);
      expect(NotificationPermissions.may(role, action)).toBe(allowed);
      const check = () => NotificationPermissions.require({ role }, action);
      if (allowed) expect(check).not.toThrow();
      else expect(check).toThrow(NotificationActionForbiddenError);
    });
  });

  it('answers 403 with its own code', () => {
    expect(() => NotificationPermissions.require({ role: 'legal_expert' }, 'retry')).toThrow(
      expect.objectContaining({ status: 403, code: 'notification_action_forbidden' }),
    );
  });
});
