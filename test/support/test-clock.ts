import { Clock } from '@app/core';

/**
 * The clock of a test server: real time plus an offset that tests move forward (lock-outs
 * running out, idle sessions), so time keeps flowing as the database and Redis see it.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('A test clock only moves forward');
    this.offsetMs += ms;
  }
}

/** What the staff helpers need of a server's clock (a TestClock or core's FixedClock). */
export type AdvanceableClock = Clock & { advance(ms: number): void };
