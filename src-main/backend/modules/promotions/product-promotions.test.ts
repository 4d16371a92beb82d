import { describe, expect, it } from 'vitest';
import { applyProductPromotions, type PromotionLine } from './product-promotions.ts';
import type { Promotion } from './promotions.repo.ts';

const NOW = '2026-06-15T00:00:00.000Z';
const context = { now: NOW, rank: 'Member' };

let nextId = 1;
const promotion = (extra: Partial<Promotion> = {}): Promotion => ({
  id: nextId++,
  name: 'Khuyến mãi',
  code: `P${nextId}`,
  scope: 'all',
  discountType: 'percentage',
  discountValue: 10,
  minOrderAmount: 0,
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: '2026-12-31T00:00:00.000Z',
  quantity: null,
  usedCount: 0,
  targetRanks: [],
  active: true,
  productIds: [],
  categoryIds: [],
  ...extra,
});

const line = (extra: Partial<PromotionLine> = {}): PromotionLine => ({
  productId: 1,
  categoryId: 10,
  unitPrice: 65_000,
  quantity: 2,
  kind: 'buy',
  days: null,
  ...extra,
});

describe('applyProductPromotions', () => {
  it('cuts lines by product or by category, and leaves the rest alone', () => {
    const byProduct = promotion({ productIds: [1] });
    const byCategory = promotion({
      categoryIds: [20],
      discountType: 'amount',
      discountValue: 5_000,
    });
    const r = applyProductPromotions(
      [
        line(),
        line({ productId: 2, categoryId: 20, unitPrice: 30_000, quantity: 3 }),
        line({ productId: 3 }),
      ],
      [byProduct, byCategory],
      context,
    );
    expect(r.lines).toEqual([
      {
        amount: 130_000,
        discount: 13_000,
        total: 117_000,
        promotion: expect.objectContaining({ id: byProduct.id }),
      },
      {
        amount: 90_000,
        discount: 15_000,
        total: 75_000,
        promotion: expect.objectContaining({ id: byCategory.id }),
      },
      { amount: 130_000, discount: 0, total: 130_000, promotion: null },
    ]);
    expect(r).toMatchObject({ discount: 28_000, buy: 322_000, rent: 0 });
    expect(r.promotionIds).toEqual([byProduct.id, byCategory.id].sort((a, b) => a - b));
  });

  it('takes the best single promotion per line, never stacking; a tie goes to the older one', () => {
    const ten = promotion({ productIds: [1] });
    const amount = promotion({ categoryIds: [10], discountType: 'amount', discountValue: 8_000 });
    const twin = promotion({ categoryIds: [10], discountType: 'amount', discountValue: 8_000 });
    // 10 % of 130 000 = 13 000; 8 000 × 2 units = 16 000 wins.
    const r = applyProductPromotions([line()], [twin, ten, amount], context);
    expect(r.lines[0]).toMatchObject({ discount: 16_000, promotion: { id: amount.id } });
    expect(r.promotionIds).toEqual([amount.id]);
  });

  it('rounds percentages down to the đồng and never takes a line below 0', () => {
    const third = promotion({ productIds: [1], discountValue: 33 });
    expect(
      applyProductPromotions([line({ unitPrice: 999, quantity: 1 })], [third], context).lines[0],
    ).toMatchObject({ discount: 329, total: 670 }); // 329.67 → 329
    const huge = promotion({ productIds: [1], discountType: 'amount', discountValue: 1_000_000 });
    expect(applyProductPromotions([line()], [huge], context).lines[0]).toMatchObject({
      discount: 130_000,
      total: 0,
    });
    const all = promotion({ productIds: [1], discountValue: 100 });
    expect(applyProductPromotions([line()], [all], context).lines[0]!.total).toBe(0);
    // Large amounts stay exact: floor(123 456 789 012 345 × 7 / 100).
    const big = applyProductPromotions(
      [line({ unitPrice: 123_456_789_012_345, quantity: 1 })],
      [promotion({ productIds: [1], discountValue: 7 })],
      context,
    );
    expect(big.lines[0]!.discount).toBe(8_641_975_230_864);
  });

  it('prices rentals per unit and day and follows the scope', () => {
    const rentOnly = promotion({
      productIds: [1],
      scope: 'rent',
      discountType: 'amount',
      discountValue: 10_000,
    });
    const r = applyProductPromotions(
      [line({ quantity: 1 }), line({ kind: 'rent', unitPrice: 50_000, quantity: 2, days: 3 })],
      [rentOnly],
      context,
    );
    expect(r.lines.map((l) => l.discount)).toEqual([0, 60_000]); // 10 000 × 2 units × 3 days
    expect(r).toMatchObject({ buy: 65_000, rent: 240_000 });
    const buyOnly = promotion({ productIds: [1], scope: 'buy' });
    expect(
      applyProductPromotions([line({ kind: 'rent', days: 2 })], [buyOnly], context).discount,
    ).toBe(0);
  });

  it('applies only live promotions: active, in dates, with uses left, for the rank, minimum met', () => {
    const cases: [Partial<Promotion>, boolean][] = [
      [{}, true],
      [{ active: false }, false],
      [{ startsAt: '2026-07-01T00:00:00.000Z' }, false],
      [{ endsAt: '2026-06-14T23:59:59.999Z' }, false],
      [{ endsAt: NOW }, true],
      [{ quantity: 3, usedCount: 3 }, false],
      [{ quantity: 3, usedCount: 2 }, true],
      [{ targetRanks: ['Gold'] }, false],
      [{ targetRanks: ['Gold', 'Member'] }, true],
      [{ minOrderAmount: 130_001 }, false],
      [{ minOrderAmount: 130_000 }, true],
      [{ productIds: [], categoryIds: [] }, false], // a voucher, not a product promotion
    ];
    for (const [extra, applies] of cases) {
      const p = promotion({ productIds: [1], ...extra });
      const r = applyProductPromotions([line()], [p], context);
      expect(r.discount > 0, JSON.stringify(extra)).toBe(applies);
    }
    const gold = promotion({ productIds: [1], targetRanks: ['Member'] });
    expect(applyProductPromotions([line()], [gold], { now: NOW, rank: null }).discount).toBe(0);
  });

  it('checks the minimum against the scope part of the cart at catalog prices', () => {
    const p = promotion({ productIds: [1], scope: 'buy', minOrderAmount: 200_000 });
    const other = line({ productId: 9, categoryId: 99, unitPrice: 100_000, quantity: 1 });
    const rented = line({
      productId: 9,
      categoryId: 99,
      kind: 'rent',
      unitPrice: 500_000,
      days: 1,
    });
    // 130 000 + 100 000 bought reaches 200 000; a rental does not count for a buy promotion.
    expect(applyProductPromotions([line(), other], [p], context).discount).toBe(13_000);
    expect(applyProductPromotions([line(), rented], [p], context).discount).toBe(0);
  });

  it('returns nothing to discount for an empty cart', () => {
    expect(applyProductPromotions([], [promotion({ productIds: [1] })], context)).toEqual({
      lines: [],
      discount: 0,
      buy: 0,
      rent: 0,
      promotionIds: [],
    });
  });
});
