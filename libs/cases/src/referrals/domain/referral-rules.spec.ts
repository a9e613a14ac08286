import {
  ReferralFacts,
  addDays,
  isCalendarDate,
  isOverdue,
  installationDayStart,
  referralStatusOnCaseChange,
  responseLinkExpiry,
  responseLinkState,
} from './referral-rules';

function referral(overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  return {
    status: 'sent',
    responseDueDate: '2026-03-10',
    responseTokenExpiresAt: new Date('2026-04-10T22:00:00Z'),
    responseTokenUsedAt: null,
    ...overrides,
  };
}

describe('referral rules', () => {
  it('lets a link be used once, until it expires, while an answer is expected', () => {
    const now = new Date('2026-03-20T10:00:00Z');
    expect(responseLinkState(referral(), now)).toBe('usable');
    expect(responseLinkState(referral({ status: 'overdue' }), now)).toBe('usable');
    expect(responseLinkState(referral({ responseTokenUsedAt: now }), now)).toBe('used');
    expect(responseLinkState(referral({ status: 'answered' }), now)).toBe('used');
    expect(responseLinkState(referral({ status: 'closed' }), now)).toBe('closed');
    expect(responseLinkState(referral(), new Date('2026-04-10T22:00:00Z'))).toBe('expired');
  });

  it('is overdue only when still sent after its due date (calendar days of the installation)', () => {
    expect(isOverdue(referral(), '2026-03-10')).toBe(false);
    expect(isOverdue(referral(), '2026-03-11')).toBe(true);
    expect(isOverdue(referral({ status: 'answered' }), '2026-04-01')).toBe(false);
    expect(isOverdue(referral({ status: 'overdue' }), '2026-04-01')).toBe(false);
  });

  it('closes referrals still waiting when the case reaches an outcome, and keeps answers', () => {
    expect(referralStatusOnCaseChange('sent', 'resolved')).toBe('closed');
    expect(referralStatusOnCaseChange('overdue', 'closed')).toBe('closed');
    expect(referralStatusOnCaseChange('answered', 'not_discrimination')).toBe('answered');
    expect(referralStatusOnCaseChange('sent', 'technical_group')).toBe('sent');
  });

  it('lets the link work to the end of the day `grace` days after the due date, the installation’s time zone', () => {
    // Winter: UTC+1. Due 10 March + 30 days → works through 9 April, ends at its midnight.
    expect(responseLinkExpiry('2026-03-10', 30).toISOString()).toBe('2026-04-09T22:00:00.000Z');
    expect(responseLinkExpiry('2026-01-10', 0).toISOString()).toBe('2026-01-10T23:00:00.000Z');
    expect(installationDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The day clocks go forward (29 March 2026) still starts at local midnight.
    expect(installationDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(installationDayStart('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('checks calendar dates and adds days across months', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('26-02-01')).toBe(false);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
