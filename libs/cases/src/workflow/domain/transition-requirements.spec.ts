import { RequirementLookups, checkTransitionRequirements } from './transition-requirements';

const LOOKUPS: RequirementLookups = {
  today: '2026-05-01',
  isInstitution: (code) => ['municipality', 'kosovo_police'].includes(code),
  isMunicipality: (code) => code === 'gjakove',
  isActiveLegalExpert: (id) => id === 'expert',
  revealsIdentity: (text) => text.includes('Drita'),
};

const SUMMARY = 'A school refused to enrol two Roma children in the first grade.';

const codes = (errors: ReturnType<typeof checkTransitionRequirements>) =>
  errors.map((e) => `${e.field}:${e.code}`);

describe('what a transition needs', () => {
  it('needs nothing to start a review', () => {
    expect(checkTransitionRequirements('submitted', 'in_review', {}, LOOKUPS)).toEqual([]);
  });

  it('needs a reason and a closure reason to close, and a reason to reopen', () => {
    expect(
      codes(checkTransitionRequirements('submitted', 'closed', { reason: '  ' }, LOOKUPS)),
    ).toEqual(['reason:isNotEmpty', 'closureReason:isDefined']);
    expect(
      codes(
        checkTransitionRequirements(
          'submitted',
          'closed',
          { reason: 'x', closureReason: 'bored' },
          LOOKUPS,
        ),
      ),
    ).toEqual(['closureReason:isIn']);
    expect(codes(checkTransitionRequirements('closed', 'in_review', {}, LOOKUPS))).toEqual([
      'reason:isNotEmpty',
    ]);
  });

  it('needs an active legal expert to assign', () => {
    expect(codes(checkTransitionRequirements('in_review', 'assigned', {}, LOOKUPS))).toEqual([
      'assigneeId:isDefined',
    ]);
    expect(
      codes(
        checkTransitionRequirements('in_review', 'assigned', { assigneeId: 'someone' }, LOOKUPS),
      ),
    ).toEqual(['assigneeId:isActiveLegalExpert']);
    expect(
      checkTransitionRequirements('in_review', 'assigned', { assigneeId: 'expert' }, LOOKUPS),
    ).toEqual([]);
    // The meeting sending a case back for more information names nobody new.
    expect(checkTransitionRequirements('technical_group', 'assigned', {}, LOOKUPS)).toEqual([]);
  });

  it('needs the municipality when the institution is one', () => {
    expect(
      codes(
        checkTransitionRequirements(
          'assigned',
          'referred',
          {
            referrals: [
              {
                institutionCode: 'municipality',
                recommendation: 'Register the child at school.',
                summary: SUMMARY,
                responseDueDate: '2026-06-01',
              },
            ],
          },
          LOOKUPS,
        ),
      ),
    ).toEqual(['referrals.0.municipalityCode:isDefined']);
  });

  it('needs one or more valid referrals to refer', () => {
    const good = {
      institutionCode: 'municipality',
      municipalityCode: 'gjakove',
      recommendation: 'Register the child at school.',
      summary: SUMMARY,
      responseDueDate: '2026-05-02',
    };
    expect(codes(checkTransitionRequirements('assigned', 'referred', {}, LOOKUPS))).toEqual([
      'referrals:arrayMinSize',
    ]);
    expect(
      checkTransitionRequirements('assigned', 'referred', { referrals: [good] }, LOOKUPS),
    ).toEqual([]);
    expect(
      codes(
        checkTransitionRequirements(
          'assigned',
          'referred',
          {
            referrals: [
              { ...good, responseDueDate: '2026-05-01' },
              {
                ...good,
                institutionCode: 'kosovo_police',
                recommendation: 'too short',
                summary: 'short',
                contactEmail: 'no',
              },
              { ...good, summary: `${SUMMARY} Drita saw it.` },
            ],
          },
          LOOKUPS,
        ),
      ),
    ).toEqual([
      'referrals.0.responseDueDate:isAfterToday',
      'referrals.1.municipalityCode:onlyForMunicipality',
      'referrals.1.recommendation:isLength',
      'referrals.1.summary:isLength',
      'referrals.1.contactEmail:isEmail',
      'referrals.2.institutionCode:arrayUnique',
      'referrals.2.summary:revealsIdentity',
    ]);
  });
});
