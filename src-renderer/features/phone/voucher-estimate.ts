import type { Voucher } from '../../api/my-orders.api.ts';

/**
 * What a voucher would take off a purchase of `subtotal`, by the rules the server applies
 * (docs/vouchers.md): a whole percent rounded down, or a fixed amount, never more than the
 * purchase; nothing below the minimum order. Only a preview — the order carries the real figure.
 */
export function estimateDiscount(voucher: Voucher, subtotal: number): number | null {
  if (subtotal <= 0 || subtotal < voucher.min_order_amount) return null;
  const raw =
    voucher.discount_type === 'percentage'
      ? Math.floor((subtotal * voucher.discount_value) / 100)
      : voucher.discount_value;
  return Math.min(raw, subtotal);
}
