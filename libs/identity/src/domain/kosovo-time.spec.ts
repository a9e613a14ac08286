import { kosovoDateTime } from './kosovo-time';

describe('kosovoDateTime', () => {
  it('writes an instant in Kosovo time, summer and winter', () => {
    expect(kosovoDateTime(new Date('2025-07-01T10:05:09Z'))).toBe('2025-07-01 12:05');
    expect(kosovoDateTime(new Date('2025-01-31T23:30:00Z'), true)).toBe('2025-02-01 00:30:00');
  });
});
