import { kosovoDate, kosovoYear } from './clock';

describe('Kosovo time', () => {
  it('puts an instant after midnight of 31 December in Kosovo in the next year', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Kosovo (UTC+1 in winter).
    expect(kosovoYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(kosovoYear(new Date('2025-12-31T22:59:59Z'))).toBe(2025);
  });

  it('follows summer time', () => {
    expect(kosovoDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(kosovoDate(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
  });
});
