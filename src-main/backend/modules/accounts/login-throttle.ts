import type { Clock } from '#main/backend/lib/clock';

export interface ThrottleOptions {
  /** Failed attempts allowed per account within the window. */
  maxFailures: number;
  windowMs: number;
  /** Bound on tracked accounts, so a flood of made-up identifiers can't grow memory. */
  maxTracked: number;
}

const DEFAULTS: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, maxTracked: 10_000 };

/**
 * Per-account brake on password guessing (the per-address limit is the route's rate limit).
 * Kept in memory: a restart forgets it, which costs an attacker a terminal restart per five
 * guesses — acceptable for a store PC, and it never locks a customer out for long.
 */
export function createLoginThrottle(clock: Clock, options: Partial<ThrottleOptions> = {}) {
  const opts = { ...DEFAULTS, ...options };
  const failures = new Map<string, { count: number; since: number }>();

  const current = (key: string) => {
    const entry = failures.get(key);
    if (entry && clock.now().getTime() - entry.since > opts.windowMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    /** Seconds until the account may try again, or 0 when it may try now. */
    retryAfter(key: string): number {
      const entry = current(key);
      if (!entry || entry.count < opts.maxFailures) return 0;
      return Math.ceil((entry.since + opts.windowMs - clock.now().getTime()) / 1000);
    },
    recordFailure(key: string): void {
      const entry = current(key);
      if (entry) {
        entry.count += 1;
        return;
      }
      if (failures.size >= opts.maxTracked) {
        // Maps iterate in insertion order: the first key is the oldest window.
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(key, { count: 1, since: clock.now().getTime() });
    },
    reset(key: string): void {
      failures.delete(key);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
