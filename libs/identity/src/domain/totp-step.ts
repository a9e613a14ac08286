/** RFC 6238 time steps, as authenticator apps use them. */
export const TOTP_STEP_SECONDS = 30;
/** Codes of one step before or after now are accepted, for clocks that drift a little. */
export const TOTP_WINDOW_STEPS = 1;

export function totpStepAt(instant: Date): number {
  return Math.floor(instant.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/**
 * A code is spent once used (RFC 6238 §5.2): a code whose step is not later than the last
 * accepted one is refused, even within its window. This defeats a code seen over a shoulder
 * or replayed from a phishing page.
 */
export function isFreshStep(matchedStep: number, lastAcceptedStep: number | null): boolean {
  return lastAcceptedStep === null || matchedStep > lastAcceptedStep;
}

/** A code as typed: six digits, spaces allowed ("123 456"). */
export function normaliseTotpCode(raw: string): string | undefined {
  const digits = raw.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
