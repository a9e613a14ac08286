import { excludedFromItem } from './meeting-access';

describe('excludedFromItem', () => {
  const member = {
    id: 'm1',
    role: 'technical_group_member' as const,
    institutionCode: 'kosovo_police',
  };
  const item = { respondentInstitutionCode: null };

  it('keeps out a member recused as the respondent institution', () => {
    expect(
      excludedFromItem(member, item, [{ memberId: 'm1', reason: 'respondent_institution' }]),
    ).toBe(true);
  });

  it('keeps out a member of the respondent institution before their recusal is recorded', () => {
    expect(excludedFromItem(member, { respondentInstitutionCode: 'kosovo_police' }, [])).toBe(true);
  });

  it('lets a member recused only from the quorum read the item', () => {
    for (const reason of ['referral_institution', 'declared'] as const) {
      expect(excludedFromItem(member, item, [{ memberId: 'm1', reason }])).toBe(false);
    }
  });

  it('looks only at the reader’s own recusals', () => {
    expect(
      excludedFromItem(member, item, [{ memberId: 'm2', reason: 'respondent_institution' }]),
    ).toBe(false);
  });

  it('never keeps out administrators and legal experts', () => {
    for (const role of ['administrator', 'legal_expert'] as const) {
      expect(
        excludedFromItem(
          { id: 'm1', role, institutionCode: 'kosovo_police' },
          { respondentInstitutionCode: 'kosovo_police' },
          [{ memberId: 'm1', reason: 'respondent_institution' }],
        ),
      ).toBe(false);
    }
  });
});
