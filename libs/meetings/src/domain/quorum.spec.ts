import { automaticRecusal } from './recusal';
import { itemQuorum, quorumThreshold } from './quorum';
import { caseStatusAfter, needsQuorum } from './decision-kinds';

describe('Quorum', () => {
  it('is a majority of the active members by default (0 configured)', () => {
    expect(quorumThreshold(0, 5)).toBe(3);
    expect(quorumThreshold(0, 4)).toBe(3);
    expect(quorumThreshold(0, 1)).toBe(1);
    // A Group without members can decide nothing.
    expect(quorumThreshold(0, 0)).toBe(1);
  });

  it('is the configured number when one is set', () => {
    expect(quorumThreshold(2, 9)).toBe(2);
  });

  it('counts members present less those recused from the item', () => {
    const q = itemQuorum(['a', 'b', 'c'], ['c'], 3);
    expect(q).toEqual({ voting: 2, present: 3, recused: 1, required: 3, met: false });
    expect(itemQuorum(['a', 'b', 'c'], [], 3).met).toBe(true);
  });

  it('does not subtract a recused member who is absent', () => {
    expect(itemQuorum(['a', 'b'], ['z', 'z'], 2)).toMatchObject({
      voting: 2,
      recused: 0,
      met: true,
    });
  });
});

describe('Recusal', () => {
  const item = {
    respondentInstitutionCode: 'kosovo_police',
    referralInstitutionCodes: ['ombudsperson'],
  };

  it('recuses a member of the institution the case is about', () => {
    expect(automaticRecusal('kosovo_police', item)).toBe('respondent_institution');
  });

  it('recuses a member of an institution the case would be referred to', () => {
    expect(automaticRecusal('ombudsperson', item)).toBe('referral_institution');
  });

  it('leaves other members, and members without an institution, to decide', () => {
    expect(automaticRecusal('ministry_health', item)).toBeNull();
    expect(automaticRecusal(null, item)).toBeNull();
    expect(
      automaticRecusal('kosovo_police', {
        respondentInstitutionCode: null,
        referralInstitutionCodes: [],
      }),
    ).toBeNull();
  });
});

describe('Decisions', () => {
  it('move the case to the status of their kind; a postponement keeps it in technical_group', () => {
    expect(caseStatusAfter('refer')).toBe('referred');
    expect(caseStatusAfter('resolved')).toBe('resolved');
    expect(caseStatusAfter('not_discrimination')).toBe('not_discrimination');
    expect(caseStatusAfter('more_information')).toBe('assigned');
    expect(caseStatusAfter('postpone')).toBeNull();
  });

  it('need a quorum, except a postponement', () => {
    expect(needsQuorum('refer')).toBe(true);
    expect(needsQuorum('more_information')).toBe(true);
    expect(needsQuorum('postpone')).toBe(false);
  });
});
