import type { RateLimitResult } from './rate-limiter';

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Fixed-window counters in this process's memory: the stand-in while Redis is away, so that
 * sign-in and receipt-code checks stay limited (each process counts on its own, so N processes
 * allow at most N times the limit). At most `maxKeys` windows are kept: ended ones are swept
 * first, then the oldest, so memory stays bounded whatever the number of clients.
 */
export class LocalRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly maxKeys = 50_000) {}

  hit(key: string, limit: number, windowSeconds: number, nowMs: number): RateLimitResult {
    let window = this.windows.get(key);
    if (!window || window.endsAt <= nowMs) {
      this.windows.delete(key);
      this.makeRoom(nowMs);
      window = { count: 0, endsAt: nowMs + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - nowMs) / 1000)),
    };
  }

  /** Whether one more hit would be within `limit`, counting nothing. */
  peek(key: string, limit: number, nowMs: number): RateLimitResult {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= nowMs || window.count < limit) {
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - nowMs) / 1000)),
    };
  }

  get size(): number {
    return this.windows.size;
  }

  private makeRoom(nowMs: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (window.endsAt <= nowMs) this.windows.delete(key);
    }
    // Map order is insertion order: the first keys are the oldest windows.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
