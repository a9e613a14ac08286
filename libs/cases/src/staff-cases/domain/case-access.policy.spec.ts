import { CaseAccessPolicy, CaseViewer } from './case-access.policy';

const ADMIN: CaseViewer = { kind: 'staff', id: 'a', role: 'administrator' };
const EXPERT: CaseViewer = { kind: 'staff', id: 'e', role: 'legal_expert' };
const OTHER_EXPERT: CaseViewer = { kind: 'staff', id: 'o', role: 'legal_expert' };
const MEMBER: CaseViewer = { kind: 'staff', id: 'm', role: 'technical_group_member' };
const MEETING: CaseViewer = { kind: 'meeting' };

function facts(
  overrides: Partial<{
    status:
      | 'submitted'
      | 'in_review'
      | 'assigned'
      | 'technical_group'
      | 'referred'
      | 'resolved'
      | 'not_discrimination'
      | 'closed';
    assigneeId: string | null;
  }> = {},
) {
  return { status: 'assigned' as const, assigneeId: 'e', ...overrides };
}

describe('CaseAccessPolicy (DESIGN §6)', () => {
  it('lets administrators and legal experts browse cases, never Technical Group members', () => {
    expect(CaseAccessPolicy.mayBrowse(ADMIN)).toBe(true);
    expect(CaseAccessPolicy.mayBrowse(EXPERT)).toBe(true);
    expect(CaseAccessPolicy.mayBrowse(MEMBER)).toBe(false);
  });

  it('shows the reporter’s identity to administrators and to the legal expert of the case only', () => {
    expect(CaseAccessPolicy.maySeeIdentity(ADMIN, facts())).toBe(true);
    expect(CaseAccessPolicy.maySeeIdentity(EXPERT, facts())).toBe(true);
    expect(CaseAccessPolicy.maySeeIdentity(OTHER_EXPERT, facts())).toBe(false);
    expect(CaseAccessPolicy.maySeeIdentity(EXPERT, facts({ assigneeId: null }))).toBe(false);
    expect(CaseAccessPolicy.maySeeIdentity(MEMBER, facts({ assigneeId: 'm' }))).toBe(false);
    expect(CaseAccessPolicy.maySeeIdentity(MEETING, facts())).toBe(false);
  });

  it('lets only administrators assign', () => {
    expect(CaseAccessPolicy.mayAssign(ADMIN)).toBe(true);
    expect(CaseAccessPolicy.mayAssign(EXPERT)).toBe(false);
    expect(CaseAccessPolicy.mayAssign(MEETING)).toBe(false);
  });

  it('lists the steps of the machine for the actor, and none on a case the expert does not handle', () => {
    expect(
      CaseAccessPolicy.allowedTransitions(ADMIN, facts({ status: 'submitted', assigneeId: null })),
    ).toEqual(['in_review', 'closed']);
    expect(CaseAccessPolicy.allowedTransitions(EXPERT, facts())).toEqual([
      'technical_group',
      'referred',
      'resolved',
      'not_discrimination',
    ]);
    expect(CaseAccessPolicy.allowedTransitions(OTHER_EXPERT, facts())).toEqual([]);
    expect(CaseAccessPolicy.allowedTransitions(MEMBER, facts())).toEqual([]);
    expect(
      CaseAccessPolicy.allowedTransitions(MEETING, facts({ status: 'technical_group' })),
    ).toEqual(['assigned', 'referred', 'resolved', 'not_discrimination']);
  });

  it('judges a step: 409 when the machine has none for the actor, 403 when the case is not theirs', () => {
    expect(CaseAccessPolicy.judgeTransition(EXPERT, facts(), 'technical_group')).toEqual({
      verdict: 'allowed',
    });
    expect(CaseAccessPolicy.judgeTransition(OTHER_EXPERT, facts(), 'technical_group')).toEqual({
      verdict: 'forbidden',
    });
    expect(CaseAccessPolicy.judgeTransition(EXPERT, facts(), 'closed')).toEqual({
      verdict: 'not_allowed',
      allowed: ['technical_group', 'referred', 'resolved', 'not_discrimination'],
    });
    expect(
      CaseAccessPolicy.judgeTransition(ADMIN, facts({ status: 'closed' }), 'resolved'),
    ).toEqual({
      verdict: 'not_allowed',
      allowed: ['in_review'],
    });
    expect(CaseAccessPolicy.judgeTransition(MEMBER, facts(), 'resolved')).toEqual({
      verdict: 'not_allowed',
      allowed: [],
    });
  });
});
