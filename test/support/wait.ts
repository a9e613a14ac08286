/**
 * Waiting in tests: for a condition (`until`), never for a guessed duration. A fixed `pause` is
 * for the few places where time passing is itself what a test exercises; each caller says why.
 */

export interface WaitOptions {
  /** How long the condition may take before the test fails; generous, it only bounds a hang. */
  timeoutMs?: number;
  /** How often the condition is checked. */
  intervalMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_INTERVAL_MS = 50;

/** Resolves after `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves with the first truthy value of `probe`, checking every `intervalMs`; fails naming
 * `what` after `timeoutMs`. An error thrown by `probe` fails at once (e.g. a process that died).
 * `what` may be a function, to describe the last state seen when the wait fails.
 */
export async function until<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string | (() => string),
  { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const described = typeof what === 'function' ? what() : what;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${described}`);
    }
    await pause(intervalMs);
  }
}
