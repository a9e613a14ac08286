import { STAFF_ROLES } from '@app/core';
import { PublicContactsForbiddenError } from '../exceptions/help.errors';
import { HelpPermissions } from './help-permissions';

describe('HelpPermissions', () => {
  it('lets administrators alone keep the public contact points', () => {
    const allowed = STAFF_ROLES.filter((role) => HelpPermissions.may(role, 'manageContacts'));
    expect(allowed).toEqual(['administrator']);
  });

  it('refuses the others with the lib’s own 403', () => {
    expect(() => HelpPermissions.require({ role: 'legal_expert' }, 'manageContacts')).toThrow(
      PublicContactsForbiddenError,
    );
  });
});
