import { displayDate, displayDateTime } from './display-date';

describe('displayDateTime', () => {
  it('writes the day first, in the installation’s time zone (summer and winter)', () => {
    expect(displayDateTime('2026-07-01T22:30:00Z')).toBe('02.07.2026 00:30');
    expect(displayDateTime(new Date('2026-01-15T09:05:00Z'))).toBe('15.01.2026 10:05');
    expect(displayDate('2026-12-31T23:30:00Z')).toBe('01.01.2027');
  });
});
