import { accountUsable } from './account-usable';

describe('accountUsable', () => {
  const organisationId = '00000000-0000-4000-8000-000000000001';

  it('lets an active staff account in, and no deactivated one', () => {
    expect(accountUsable({ active: true, organisationId: null })).toBe(true);
    expect(accountUsable({ active: false, organisationId: null })).toBe(false);
  });

  it('lets a mediator in only while both the account and the organisation are active', () => {
    const organisation = (active: boolean) => ({
      active: true,
      organisationId,
      organisation: { active },
    });
    expect(accountUsable(organisation(true))).toBe(true);
    expect(accountUsable(organisation(false))).toBe(false);
    expect(accountUsable({ active: false, organisationId, organisation: { active: true } })).toBe(
      false,
    );
  });

  it('refuses a mediator whose organisation was not loaded', () => {
    expect(accountUsable({ active: true, organisationId })).toBe(false);
    expect(accountUsable({ active: true, organisationId, organisation: null })).toBe(false);
  });
});
