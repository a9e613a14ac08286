import { STAFF_ROLES, type StaffRole } from '@app/core';
import { StaffActionForbiddenError } from '../exceptions/identity.errors';
import { STAFF_ACTIONS, StaffAction, StaffPermissions } from './staff-permissions';

/** Every role × action, written out: a change to the table must change this too. */
const EXPECTED: Record<StaffRole, readonly StaffAction[]> = {
  administrator: ['manageAccounts', 'readAudit'],
  legal_expert: [],
  technical_group_member: [],
};

describe('StaffPermissions', () => {
  describe.each(STAFF_ROLES)('%s', (role) => {
    it.each(STAFF_ACTIONS)('%s', (action) => {
      const allowed = EXPECTED[role].includes(action);
      expect(StaffPermissions.may(role, action)).toBe(allowed);
      const check = () => StaffPermissions.require({ role }, action);
      if (allowed) expect(check).not.toThrow();
      else expect(check).toThrow(StaffActionForbiddenError);
    });
  });

  it('answers 403 with its own code', () => {
    expect(() => StaffPermissions.require({ role: 'legal_expert' }, 'manageAccounts')).toThrow(
      expect.objectContaining({ status: 403, code: 'staff_action_forbidden' }),
    );
  });
});
