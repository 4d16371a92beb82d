import type { Promotion } from './promotions.repo.ts';

/** Ranks until the CRM gives customers real ones: every account is a Member. */
export const DEFAULT_RANK = 'Member';

export type VoucherProblem = 'invalid' | 'min_order';

/**
 * Whether a voucher applies to an order, and the discount in đồng (docs/vouchers.md). The
 * discount covers only the scope's part of the order (buy, rent or both) and never exceeds it.
 */
export function voucherDiscount(
  p: Promotion,
  order: { buy: number; rent: number; rank: string; now: string },
): { ok: true; discount: number; base: number } | { ok: false; problem: VoucherProblem } {
  // A promotion with product or category targets is automatic, never a code to type.
  const live =
    p.productIds.length === 0 &&
    p.categoryIds.length === 0 &&
    p.active &&
    p.startsAt <= order.now &&
    p.endsAt >= order.now &&
    (p.quantity === null || p.usedCount < p.quantity) &&
    (p.targetRanks.length === 0 || p.targetRanks.includes(order.rank));
  if (!live) return { ok: false, problem: 'invalid' };
  const base =
    p.scope === 'buy' ? order.buy : p.scope === 'rent' ? order.rent : order.buy + order.rent;
  if (base === 0) return { ok: false, problem: 'invalid' };
  if (base < p.minOrderAmount) return { ok: false, problem: 'min_order' };
  const raw =
    p.discountType === 'percentage' ? Math.floor((base * p.discountValue) / 100) : p.discountValue;
  return { ok: true, discount: Math.min(raw, base), base };
}
