import { RequirementLookups, checkTransitionRequirements } from './transition-requirements';

/** The directory: a contact point of Gjakova's municipality, one ended, one of the police. */
const POINTS: Record<string, ReturnType<RequirementLookups['contactPoint']>> = {
  gjakove: {
    id: 'gjakove',
    institutionCode: 'municipality',
    municipalityCode: 'gjakove',
    activeFrom: '2026-01-01',
    activeTo: null,
  },
  ended: {
    id: 'ended',
    institutionCode: 'municipality',
    municipalityCode: 'gjakove',
    activeFrom: '2025-01-01',
    activeTo: '2026-04-30',
  },
  police: {
    id: 'police',
    institutionCode: 'kosovo_police',
    municipalityCode: null,
    activeFrom: '2026-01-01',
    activeTo: null,
  },
};

const LOOKUPS: RequirementLookups = {
  today: '2026-05-01',
  isInstitution: (code) => ['municipality', 'kosovo_police'].includes(code),
  isMunicipality: (code) => code === 'gjakove',
  isActiveLegalExpert: (id) => id === 'expert',
  revealsIdentity: (text) => text.includes('Drita'),
  contactPoint: (id) => POINTS[id] ?? null,
};

const SUMMARY = 'A school refused to enrol two Roma children in the first grade.';
/** What the legal expert tells the reporter with a decision (required of staff). */
const MESSAGE = 'We asked the school to enrol your children and will tell you its answer.';

const codes = (errors: ReturnType<typeof checkTransitionRequirements>) =>
  errors.map((e) => `${e.field}:${e.code}`);

describe('what a transition needs', () => {
  it('needs nothing to start a review', () => {
    expect(checkTransitionRequirements('submitted', 'in_review', {}, LOOKUPS)).toEqual([]);
  });

  it('needs a reason and a closure reason to close, and a reason to reopen', () => {
    expect(
      codes(checkTransitionRequirements('submitted', 'closed', { reason: '  ' }, LOOKUPS)),
    ).toEqual(['reason:isNotEmpty', 'closureReason:isDefined', 'outcomeMessage:isNotEmpty']);
    expect(
      codes(
        checkTransitionRequirements(
          'submitted',
          'closed',
          { reason: 'x', closureReason: 'bored', outcomeMessage: MESSAGE },
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
                contactPointId: 'gjakove',
              },
            ],
            outcomeMessage: MESSAGE,
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
      contactPointId: 'gjakove',
    };
    expect(
      codes(
        checkTransitionRequirements('assigned', 'referred', { outcomeMessage: MESSAGE }, LOOKUPS),
      ),
    ).toEqual(['referrals:arrayMinSize']);
    expect(
      checkTransitionRequirements(
        'assigned',
        'referred',
        { referrals: [good], outcomeMessage: MESSAGE },
        LOOKUPS,
      ),
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
                contactPointId: null,
                contactEmail: 'no',
              },
              { ...good, summary: `${SUMMARY} Drita saw it.` },
            ],
            outcomeMessage: MESSAGE,
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

  it('sends a referral to an active contact point of its institution, or to a confirmed one-off address', () => {
    const base = {
      institutionCode: 'municipality',
      municipalityCode: 'gjakove',
      recommendation: 'Register the child at school.',
      summary: SUMMARY,
      responseDueDate: '2026-05-02',
    };
    const check = (...referrals: object[]) =>
      codes(
        checkTransitionRequirements(
          'assigned',
          'referred',
          { referrals: referrals as never, outcomeMessage: MESSAGE },
          LOOKUPS,
        ),
      );
    expect(
      check({
        ...base,
        contactEmail: 'office@gjakove.example.org',
        contactEmailRepeat: ' Office@gjakove.example.org ',
        oneOffConfirmed: true,
      }),
    ).toEqual([]);
    // Typed twice: a typo in either is caught before the link goes to a stranger.
    expect(
      check({
        ...base,
        contactEmail: 'office@gjakove.example.org',
        contactEmailRepeat: 'office@gjakova.example.org',
        oneOffConfirmed: true,
      }),
    ).toEqual(['referrals.0.contactEmailRepeat:oneOffRepeatDiffers']);
    expect(
      check(
        { ...base },
        {
          ...base,
          municipalityCode: undefined,
          institutionCode: 'kosovo_police',
          contactPointId: 'gjakove',
        },
      ),
    ).toEqual([
      'referrals.0.contactPointId:recipientRequired',
      'referrals.1.contactPointId:contactPointOtherInstitution',
    ]);
    expect(check({ ...base, contactPointId: 'ended' })).toEqual([
      'referrals.0.contactPointId:contactPointNotActive',
    ]);
    expect(check({ ...base, contactPointId: 'unknown' })).toEqual([
      'referrals.0.contactPointId:isKnownContactPoint',
    ]);
    expect(check({ ...base, contactEmail: 'office@gjakove.example.org' })).toEqual([
      'referrals.0.contactEmailRepeat:oneOffRepeatDiffers',
      'referrals.0.oneOffConfirmed:oneOffNotConfirmed',
    ]);
    expect(
      check({ ...base, contactPointId: 'gjakove', contactEmail: 'office@gjakove.example.org' }),
    ).toEqual(['referrals.0.contactEmail:oneRecipientOnly']);
  });

  it('needs the message for the reporter on every decision staff take, and nowhere else', () => {
    const decisions = [
      ['assigned', 'resolved', { reason: 'x' }],
      ['assigned', 'not_discrimination', { reason: 'Applied to all alike.' }],
      ['submitted', 'closed', { reason: 'x', closureReason: 'duplicate' }],
    ] as const;
    for (const [from, to, draft] of decisions) {
      expect(codes(checkTransitionRequirements(from, to, draft, LOOKUPS))).toEqual([
        'outcomeMessage:isNotEmpty',
      ]);
      const missing = checkTransitionRequirements(
        from,
        to,
        { ...draft, outcomeMessage: ' ' },
        LOOKUPS,
      );
      expect(missing[0].messageKey).toBe('validation.outcomeMessage');
      expect(
        checkTransitionRequirements(from, to, { ...draft, outcomeMessage: MESSAGE }, LOOKUPS),
      ).toEqual([]);
      expect(
        codes(
          checkTransitionRequirements(from, to, { ...draft, outcomeMessage: 'Done.' }, LOOKUPS),
        ),
      ).toEqual(['outcomeMessage:isLength']);
    }
    // A Technical Group decision is recorded in the meetings context, which asks for none yet.
    expect(
      checkTransitionRequirements('technical_group', 'resolved', {}, LOOKUPS, 'meeting'),
    ).toEqual([]);
    expect(
      codes(
        checkTransitionRequirements('submitted', 'in_review', { outcomeMessage: MESSAGE }, LOOKUPS),
      ),
    ).toEqual(['outcomeMessage:onlyForDecision']);
  });
});
