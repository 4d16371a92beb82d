import type {
  AppliedPromotion,
  ProductPromotionsResult,
  PromotionLine,
} from '#main/backend/modules/promotions/product-promotions';
import type { CartLine, CartView } from './carts.repo.ts';

export interface PromotedCartLine extends CartLine {
  /** Taken off `subtotal` by the line's product promotion. */
  discount: number;
  /** subtotal − discount: what the line costs. */
  total: number;
  promotion: AppliedPromotion | null;
}

/** A cart priced with its product promotions; `totalBuy`, `totalRent`, `total` are after them. */
export interface PromotedCartView extends Omit<CartView, 'items'> {
  items: PromotedCartLine[];
  /** Sum of the lines' discounts. */
  discount: number;
}

/** A cart line as the promotion rules see it, at the given unit price. */
export const toPromotionLine = (line: CartLine, unitPrice = line.unitPrice): PromotionLine => ({
  productId: line.productId,
  categoryId: line.categoryId,
  unitPrice,
  quantity: line.quantity,
  kind: line.transactionType,
  days: line.rentalDays,
});

/** Puts the pricing of `view.items` (same order) onto the view. */
export function promoteCart(view: CartView, priced: ProductPromotionsResult): PromotedCartView {
  return {
    ...view,
    items: view.items.map((item, i) => {
      const line = priced.lines[i]!;
      return { ...item, discount: line.discount, total: line.total, promotion: line.promotion };
    }),
    discount: priced.discount,
    totalBuy: priced.buy,
    totalRent: priced.rent,
    total: priced.buy + priced.rent,
  };
}
