/**
 * Seed 003's shipping and upsell prices, in đồng. The server always applies these: fees a
 * client sends (e.g. `giftWrapFee`) are ignored.
 */
export const SHOP_FEES = {
  shipping: { standard: 30_000, express: 50_000 },
  vacuumSealing: 20_000,
  giftWrap: 30_000,
  /** Standard shipping is free from this subtotal up. */
  freeShippingFrom: 1_000_000,
};

export interface ShopUpsells {
  vacuumSealing?: boolean;
  isGiftWrapped?: boolean;
  giftWrapping?: boolean;
  expressShipping?: boolean;
}

export function shopTotals(
  subtotal: number,
  upsells: ShopUpsells,
  method: 'standard' | 'express',
): { subtotal: number; upsellTotal: number; shippingFee: number; total: number } {
  const express = method === 'express' || upsells.expressShipping === true;
  const upsellTotal =
    (upsells.vacuumSealing ? SHOP_FEES.vacuumSealing : 0) +
    (upsells.isGiftWrapped || upsells.giftWrapping ? SHOP_FEES.giftWrap : 0);
  const shippingFee =
    subtotal === 0
      ? 0
      : express
        ? SHOP_FEES.shipping.express
        : subtotal >= SHOP_FEES.freeShippingFrom
          ? 0
          : SHOP_FEES.shipping.standard;
  return { subtotal, upsellTotal, shippingFee, total: subtotal + upsellTotal + shippingFee };
}
