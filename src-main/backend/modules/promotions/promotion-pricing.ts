import {
  applyProductPromotions,
  type ProductPromotionsResult,
  type PromotionLine,
} from './product-promotions.ts';
import type { PromotionsRepo } from './promotions.repo.ts';

export type PromotionPricingRepo = Pick<PromotionsRepo, 'liveTargeted' | 'useAll'>;

const unique = (ids: number[]) => [...new Set(ids)];

/**
 * Product promotions priced against the database: `quote` for carts (reads only), `claim`
 * for checkouts (also counts each promotion's use; call it inside the checkout's
 * transaction so a failed checkout gives the uses back).
 */
export function createPromotionPricing(repo: PromotionPricingRepo) {
  const load = (lines: readonly PromotionLine[], now: string) =>
    repo.liveTargeted(
      unique(lines.map((l) => l.productId)),
      unique(lines.map((l) => l.categoryId)),
      now,
    );

  return {
    quote(
      lines: readonly PromotionLine[],
      context: { now: string; rank: string | null },
    ): ProductPromotionsResult {
      return applyProductPromotions(lines, load(lines, context.now), context);
    },

    /**
     * Prices the lines and counts one use of every promotion that cut a line. The counting
     * statement checks the quantity and increments together, so a promotion is never used
     * more times than allowed however many checkouts run at once; should one run out between
     * reading and counting, the lines are priced again without it (the next best applies).
     */
    claim(
      lines: readonly PromotionLine[],
      context: { now: string; rank: string | null },
    ): ProductPromotionsResult {
      let live = load(lines, context.now);
      for (;;) {
        const priced = applyProductPromotions(lines, live, context);
        const exhausted = repo.useAll(priced.promotionIds);
        if (exhausted === null) return priced;
        live = live.filter((p) => p.id !== exhausted);
      }
    },
  };
}

export type PromotionPricing = ReturnType<typeof createPromotionPricing>;
