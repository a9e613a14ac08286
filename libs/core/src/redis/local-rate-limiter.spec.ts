import { LocalRateLimiter } from './local-rate-limiter';

describe('the in-process rate limiter', () => {
  it('allows `limit` hits per window, then refuses with the seconds left', () => {
    const limiter = new LocalRateLimiter();
    for (let i = 0; i < 3; i++) expect(limiter.hit('a', 3, 60, 1000).allowed).toBe(true);
    expect(limiter.hit('a', 3, 60, 11_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.hit('b', 3, 60, 11_000).allowed).toBe(true);
  });

  it('peeks without counting: allowed below the limit, refused with the seconds left at it', () => {
    const limiter = new LocalRateLimiter();
    expect(limiter.peek('a', 2, 0).allowed).toBe(true);
    for (let i = 0; i < 5; i++) limiter.peek('a', 2, 0);
    limiter.hit('a', 2, 60, 0);
    expect(limiter.peek('a', 2, 1000).allowed).toBe(true);
    limiter.hit('a', 2, 60, 1000);
    expect(limiter.peek('a', 2, 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.peek('a', 2, 60_000).allowed).toBe(true);
  });

  it('starts a fresh window when the old one has ended', () => {
    const limiter = new LocalRateLimiter();
    for (let i = 0; i < 4; i++) limiter.hit('a', 3, 60, 0);
    expect(limiter.hit('a', 3, 60, 60_000).allowed).toBe(true);
  });

  it('keeps at most maxKeys windows, dropping ended ones and then the oldest', () => {
    const limiter = new LocalRateLimiter(3);
    limiter.hit('old', 1, 1, 0);
    limiter.hit('a', 1, 60, 0);
    limiter.hit('b', 1, 60, 0);
    limiter.hit('c', 1, 60, 2000);
    expect(limiter.size).toBe(3);
    limiter.hit('d', 1, 60, 2000);
    expect(limiter.size).toBe(3);
    expect(limiter.hit('c', 1, 60, 2000).allowed).toBe(false);
  });
});
