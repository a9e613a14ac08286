import { installationDateTime } from '@app/core';
import { installationWallTime, parseMeetingTime } from './meeting-time';

describe('Meeting time', () => {
  it('reads a wall-clock time as the installation’s time zone, in winter and in summer', () => {
    expect(parseMeetingTime('2026-01-20T10:00')?.toISOString()).toBe('2026-01-20T09:00:00.000Z');
    expect(parseMeetingTime('2026-07-20T10:00')?.toISOString()).toBe('2026-07-20T08:00:00.000Z');
  });

  it('keeps an exact instant given with a zone', () => {
    expect(parseMeetingTime('2026-03-10T08:30:00Z')?.toISOString()).toBe(
      '2026-03-10T08:30:00.000Z',
    );
    expect(parseMeetingTime('2026-03-10T10:30+02:00')?.toISOString()).toBe(
      '2026-03-10T08:30:00.000Z',
    );
  });

  it('refuses what is not a real time', () => {
    expect(parseMeetingTime('2026-02-30T10:00')).toBeNull();
    expect(parseMeetingTime('tomorrow')).toBeNull();
    expect(parseMeetingTime('2026-03-10')).toBeNull();
    // 02:30 does not exist on the night the clocks go forward.
    expect(parseMeetingTime('2026-03-29T02:30')).toBeNull();
  });

  it('shows an instant in the installation’s time zone', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(installationDateTime(instant)).toBe('2027-01-01 00:30');
    expect(installationWallTime(instant)).toBe('2027-01-01T00:30');
  });
});
