import { formatCaseReference, parseCaseReference } from './case-reference';

describe('formatCaseReference', () => {
  it('writes PMD, the year and a five-digit sequence', () => {
    expect(formatCaseReference(2026, 42)).toBe('PMD-2026-00042');
    expect(formatCaseReference(2026, 1)).toBe('PMD-2026-00001');
    expect(formatCaseReference(2026, 99999)).toBe('PMD-2026-99999');
  });

  it('uses more digits once a year passes 99,999 cases', () => {
    expect(formatCaseReference(2026, 100000)).toBe('PMD-2026-100000');
  });

  it('refuses a sequence below 1 and a year without four digits', () => {
    expect(() => formatCaseReference(2026, 0)).toThrow(RangeError);
    expect(() => formatCaseReference(2026, 1.5)).toThrow(RangeError);
    expect(() => formatCaseReference(26, 1)).toThrow(RangeError);
  });
});

describe('parseCaseReference', () => {
  it.each([
    ['PMD-2026-00042', 'PMD-2026-00042'],
    ['  pmd-2026-00042 ', 'PMD-2026-00042'],
    ['PMD 2026 00042', 'PMD-2026-00042'],
    ['pmd202600042', 'PMD-2026-00042'],
    ['PMD-2026-100000', 'PMD-2026-100000'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseCaseReference(input)?.reference).toBe(expected);
  });

  it('gives the year and sequence', () => {
    expect(parseCaseReference('PMD-2025-00007')).toEqual({
      reference: 'PMD-2025-00007',
      year: 2025,
      seq: 7,
    });
  });

  it.each([
    '',
    'PMD-2026-42',
    'PMD-2026-000042',
    'XYZ-2026-00042',
    'PMD-2026-00000',
    'PMD-26-00001',
  ])('refuses %j', (input) => {
    expect(parseCaseReference(input)).toBeUndefined();
  });
});
