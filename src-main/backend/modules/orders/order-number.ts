import { toVietnamLocal } from '#shared/text/vietnam-time';

/** Vietnam's calendar date (UTC+7, no daylight saving) as yyyymmdd. */
export function vietnamDate(at: Date): string {
  return toVietnamLocal(at.getTime()).slice(0, 10).replaceAll('-', '');
}

/**
 * Seed 002's order numbers, `SO-20240115-ABCD` (sales) and `RN-…` (rentals): the date and a
 * per-terminal sequence in base 36, so numbers are short, ordered and never reused.
 */
export const orderNumber = (kind: 'sale' | 'rental', at: Date, sequence: number) =>
  `${kind === 'sale' ? 'SO' : 'RN'}-${vietnamDate(at)}-${sequence.toString(36).toUpperCase().padStart(4, '0')}`;
