import { describe, expect, it } from 'vitest';
import { parseVietnamTime, toVietnamLocal } from './vietnam-time.ts';

describe('Vietnam time (seed 002 dates)', () => {
  it('reads zone-less text as UTC+7 and zoned text as given', () => {
    expect(new Date(parseVietnamTime('2026-01-01T00:00:00')).toISOString()).toBe(
      '2025-12-31T17:00:00.000Z',
    );
    expect(new Date(parseVietnamTime('2026-01-01T00:00:00Z')).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(Number.isNaN(parseVietnamTime('soon'))).toBe(true);
    // Date.parse would roll these into the next month; they are not dates.
    expect(Number.isNaN(parseVietnamTime('2030-02-30T00:00:00'))).toBe(true);
    expect(Number.isNaN(parseVietnamTime('2030-04-31'))).toBe(true);
    expect(Number.isNaN(parseVietnamTime('2028-02-29T00:00:00'))).toBe(false); // a leap year
  });

  it('writes an instant back as Vietnam wall-clock time without a zone', () => {
    expect(toVietnamLocal('2025-12-31T17:00:00.000Z')).toBe('2026-01-01T00:00:00');
    expect(toVietnamLocal('2026-06-30T23:30:00+07:00')).toBe('2026-06-30T23:30:00');
    expect(toVietnamLocal(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('2026-01-01T07:00:00');
  });
});
