import { calendarDaysSince, caseAgeMessage } from './case-age';

describe('case age on the staff list', () => {
  const now = new Date('2026-03-10T08:00:00Z'); // 09:00 in Kosovo

  it('counts calendar days in Kosovo, not periods of 24 hours', () => {
    expect(calendarDaysSince(new Date('2026-03-10T06:00:00Z'), now)).toBe(0);
    // 23:30 in the installation's time zone the evening before: yesterday, though less than 24
    // hours ago.
    expect(calendarDaysSince(new Date('2026-03-09T22:30:00Z'), now)).toBe(1);
    // 00:30 in the installation's time zone: today, though it was still the 9th in UTC.
    expect(calendarDaysSince(new Date('2026-03-09T23:30:00Z'), now)).toBe(0);
    expect(calendarDaysSince(new Date('2026-03-01T12:00:00Z'), now)).toBe(9);
    // Across the change to summer time (29 March 2026) the count stays whole.
    expect(
      calendarDaysSince(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z')),
    ).toBe(2);
  });

  it('says today and yesterday in words', () => {
    expect(caseAgeMessage(0).key).toBe('staff.cases.age.today');
    expect(caseAgeMessage(1).key).toBe('staff.cases.age.yesterday');
    expect(caseAgeMessage(5)).toEqual({ key: 'staff.cases.age', params: { days: 5 } });
  });
});
