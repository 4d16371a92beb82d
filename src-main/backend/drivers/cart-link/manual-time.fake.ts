import type { LinkClock, LinkTimers } from './reliable-link.ts';

/**
 * A clock and timers that move only when told to, so link tests are deterministic and a
 * minute of simulated retransmissions takes milliseconds. Timers fire in due order (ties in
 * scheduling order) with the clock set to their due time.
 */
export function createManualTime(start = 0) {
  let now = start;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();

  const clock: LinkClock = { now: () => now };
  const timers: LinkTimers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };

  /** Fires the earliest timer due at or before `limit`; false when there is none. */
  function step(limit: number): boolean {
    let dueId = -1;
    let dueAt = Infinity;
    for (const [id, timer] of pending) {
      if (timer.at < dueAt) {
        dueAt = timer.at;
        dueId = id;
      }
    }
    if (dueId < 0 || dueAt > limit) return false;
    const timer = pending.get(dueId)!;
    pending.delete(dueId);
    now = Math.max(now, timer.at);
    timer.callback();
    return true;
  }

  return {
    clock,
    timers,
    now: () => now,
    pendingTimers: () => pending.size,
    advance(ms: number): void {
      const target = now + ms;
      while (step(target));
      now = target;
    },
    /** Runs timers until `done()` holds; throws if it still does not after `maxMs`. */
    runUntil(done: () => boolean, maxMs: number): void {
      const limit = now + maxMs;
      while (!done()) {
        if (!step(limit)) throw new Error(`condition not met within ${maxMs} ms (now ${now})`);
      }
    },
  };
}

export type ManualTime = ReturnType<typeof createManualTime>;
