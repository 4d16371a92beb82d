import { afterEach, describe, expect, it, vi } from 'vitest';
import { every } from './scheduler.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('every', () => {
  it('runs on each tick, survives a failing run, and stops', () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const job = every(
      1_000,
      () => {
        runs += 1;
        if (runs === 2) throw new Error('boom');
      },
      (err) => errors.push(err),
    );
    vi.advanceTimersByTime(3_500);
    expect(runs).toBe(3);
    expect(errors).toHaveLength(1);
    job.stop();
    vi.advanceTimersByTime(5_000);
    expect(runs).toBe(3);
  });
});
