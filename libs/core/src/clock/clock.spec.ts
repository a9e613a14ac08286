import {
  fromInstallationWallClock,
  installationDate,
  installationDateTime,
  installationWallClock,
  installationYear,
} from './clock';

describe('the installation’s time zone', () => {
  it('puts an instant after midnight of 31 December in Kosovo in the next year', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Kosovo (UTC+1 in winter).
    expect(installationYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(installationYear(new Date('2025-12-31T22:59:59Z'))).toBe(2025);
  });

  it('follows summer time', () => {
    expect(installationDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(installationDate(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
  });
});

describe('Kosovo wall-clock time', () => {
  it('formats an instant as staff read it, with or without seconds', () => {
    expect(installationDateTime(new Date('2025-07-01T10:05:09Z'))).toBe('2025-07-01 12:05');
    expect(installationDateTime(new Date('2025-01-31T23:30:00Z'), true)).toBe(
      '2025-02-01 00:30:00',
    );
  });

  it('turns a wall-clock time into its instant in winter, in summer and across the changes', () => {
    expect(fromInstallationWallClock(2026, 1, 1).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(fromInstallationWallClock(2026, 7, 1).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(fromInstallationWallClock(2026, 3, 29).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(fromInstallationWallClock(2026, 3, 30).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(fromInstallationWallClock(2026, 10, 25, 12, 30, 15, 250).toISOString()).toBe(
      '2026-10-25T11:30:15.250Z',
    );
    expect(installationWallClock(fromInstallationWallClock(2026, 3, 29, 2, 30))).toMatchObject({
      hour: 3,
    });
  });
});
