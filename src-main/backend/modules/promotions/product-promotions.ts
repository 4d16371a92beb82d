import type { Promotion } from './promotions.repo.ts';

/** One line of a cart or an order, at catalog prices. */
export interface PromotionLine {
  productId: number;
  categoryId: number;
  /** Đồng per unit to buy, or per unit and day to rent. */
  unitPrice: number;
  quantity: number;
  kind: 'buy' | 'rent';
  /** Rental days; purchases (and null) count as 1. */
  days: number | null;
}

export interface AppliedPromotion {
  id: number;
  name: string;
  code: string;
}

export interface LinePricing {
  /** unitPrice × quantity (× days): the line before any promotion. */
  amount: number;
  /** 0 ≤ discount ≤ amount. */
  discount: number;
  /** amount − discount. */
  total: number;
  promotion: AppliedPromotion | null;
}

export interface ProductPromotionsResult {
  /** In the order of the lines given. */
  lines: LinePricing[];
  /** Sum of the lines' discounts. */
  discount: number;
  /** Totals after the promotions, by kind: the base a voucher applies to. */
  buy: number;
  rent: number;
  /** Promotions that cut at least one line, ascending: each counts one use per checkout. */
  promotionIds: number[];
}

const isTargeted = (p: Promotion) => p.productIds.length > 0 || p.categoryIds.length > 0;

/** `floor(amount × percent / 100)` without forming the (possibly unsafe) full product. */
const percentOf = (amount: number, percent: number) =>
  Math.floor(amount / 100) * percent + Math.floor(((amount % 100) * percent) / 100);

/**
 * Automatic product and category promotions (docs/vouchers.md): each line gets the single
 * best promotion that targets its product or its product's category, is live at `now`, fits
 * the line's kind (scope), the customer's rank and the promotion's minimum order (compared
 * with the scope's part of the cart at catalog prices). Promotions never stack on one line;
 * the same promotion may cut several lines. A percentage is rounded down to the đồng; an
 * amount comes off each unit (each unit and day for a rental) and at most its price, so no
 * line goes below 0. Ties go to the older promotion (lower id). Pure: no I/O, no clock.
 */
export function applyProductPromotions(
  lines: readonly PromotionLine[],
  promotions: readonly Promotion[],
  context: { now: string; rank: string | null },
): ProductPromotionsResult {
  const { now, rank } = context;
  const periods = (l: PromotionLine) => (l.kind === 'rent' ? (l.days ?? 1) : 1);
  const amounts = lines.map((l) => l.unitPrice * l.quantity * periods(l));
  const catalog = { buy: 0, rent: 0 };
  lines.forEach((l, i) => (catalog[l.kind] += amounts[i]!));

  const live = promotions
    .filter(
      (p) =>
        isTargeted(p) &&
        p.active &&
        p.startsAt <= now &&
        p.endsAt >= now &&
        (p.quantity === null || p.usedCount < p.quantity) &&
        (p.targetRanks.length === 0 || (rank !== null && p.targetRanks.includes(rank))) &&
        (p.scope === 'all' ? catalog.buy + catalog.rent : catalog[p.scope]) >= p.minOrderAmount,
    )
    .sort((a, b) => a.id - b.id);

  const result: ProductPromotionsResult = {
    lines: [],
    discount: 0,
    buy: 0,
    rent: 0,
    promotionIds: [],
  };
  const used = new Set<number>();
  lines.forEach((line, i) => {
    const amount = amounts[i]!;
    let best: { discount: number; promotion: Promotion } | null = null;
    for (const p of live) {
      if (p.scope !== 'all' && p.scope !== line.kind) continue;
      if (!p.productIds.includes(line.productId) && !p.categoryIds.includes(line.categoryId)) {
        continue;
      }
      const raw =
        p.discountType === 'percentage'
          ? percentOf(amount, p.discountValue)
          : Math.min(p.discountValue, line.unitPrice) * line.quantity * periods(line);
      const discount = Math.max(0, Math.min(raw, amount));
      // Strictly greater: on a tie the older promotion, seen first, stays.
      if (discount > 0 && (!best || discount > best.discount)) best = { discount, promotion: p };
    }
    const discount = best?.discount ?? 0;
    if (best) used.add(best.promotion.id);
    result.lines.push({
      amount,
      discount,
      total: amount - discount,
      promotion: best
        ? { id: best.promotion.id, name: best.promotion.name, code: best.promotion.code }
        : null,
    });
    result.discount += discount;
    result[line.kind] += amount - discount;
  });
  result.promotionIds = [...used].sort((a, b) => a - b);
  return result;
}
