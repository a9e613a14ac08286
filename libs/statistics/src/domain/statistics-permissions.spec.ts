import { STAFF_ROLES, type StaffRole } from '@app/core';
import { StatisticsActionForbiddenError } from '../exceptions/statistics.errors';
import {
  STATISTICS_ACTIONS,
  StatisticsAction,
  StatisticsPermissions,
} from './statistics-permissions';

/** Every role × action, written out: a change to the table must change this too. */
const EXPECTED: Record<StaffRole, readonly StatisticsAction[]> = {
  administrator: [
    'readStaffFigures',
    'export',
    'publish',
    'import',
    'regionalReport',
    'regionalCompare',
  ],
  legal_expert: ['readStaffFigures', 'export'],
  technical_group_member: ['readStaffFigures', 'export'],
};

describe('StatisticsPermissions', () => {
  describe.each(STAFF_ROLES)('%s', (role) => {
    it.each(STATISTICS_ACTIONS)('%s', (action) => {
      const allowed = EXPECTED[role].includes(action);
      expect(StatisticsPermissions.may(role, action)).toBe(allowed);
      const check = () => StatisticsPermissions.require({ role }, action);
      if (allowed) expect(check).not.toThrow();
      else expect(check).toThrow(StatisticsActionForbiddenError);
    });
  });

  it('answers 403 with its own code', () => {
    expect(() => StatisticsPermissions.require({ role: 'legal_expert' }, 'publish')).toThrow(
      expect.objectContaining({ status: 403, code: 'statistics_action_forbidden' }),
    );
  });
});
