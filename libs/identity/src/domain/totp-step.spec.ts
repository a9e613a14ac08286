import { isFreshStep, normaliseTotpCode, totpStepAt } from './totp-step';

describe('the TOTP step replay rule', () => {
  it('numbers 30-second steps from the Unix epoch', () => {
    expect(totpStepAt(new Date(59_999))).toBe(1);
    expect(totpStepAt(new Date(60_000))).toBe(2);
  });

  it('accepts the first code ever and any later step', () => {
    expect(isFreshStep(100, null)).toBe(true);
    expect(isFreshStep(101, 100)).toBe(true);
  });

  it('refuses a code of the step already used, or of an earlier step', () => {
    expect(isFreshStep(100, 100)).toBe(false);
    expect(isFreshStep(99, 100)).toBe(false);
  });

  it('reads six digits, with spaces as people type them', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('12345')).toBeUndefined();
    expect(normaliseTotpCode('12345a')).toBeUndefined();
  });
});
