import { rolePermissions } from './role-permissions';

class Forbidden extends Error {}

describe('rolePermissions', () => {
  const permissions = rolePermissions<'read' | 'write'>(
    { read: ['administrator', 'legal_expert'], write: ['administrator'] },
    () => new Forbidden(),
  );

  it('answers from the table of roles', () => {
    expect(permissions.may('legal_expert', 'read')).toBe(true);
    expect(permissions.may('legal_expert', 'write')).toBe(false);
    expect(permissions.may('technical_group_member', 'read')).toBe(false);
  });

  it("throws the context's own error when the role may not", () => {
    expect(() => permissions.require({ role: 'administrator' }, 'write')).not.toThrow();
    expect(() => permissions.require({ role: 'legal_expert' }, 'write')).toThrow(Forbidden);
  });
});
