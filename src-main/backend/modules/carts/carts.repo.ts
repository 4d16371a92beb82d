import type { AppDb } from '#main/backend/db/client';
import { statementCache } from '#main/backend/db/statements';

export interface CartLine {
  id: number;
  variantId: number;
  productId: number;
  categoryId: number;
  productName: string;
  sku: string;
  barcode: string | null;
  size: string | null;
  color: string | null;
  condition: string;
  weightGrams: number | null;
  thumbnail: string | null;
  transactionType: 'buy' | 'rent';
  rentalDays: number | null;
  quantity: number;
  unitPrice: number;
  subtotal: number;
}

export interface CartView {
  cartId: number;
  items: CartLine[];
  totalItems: number;
  /** Every amount in đồng, recomputed from the lines on each read. */
  totalBuy: number;
  totalRent: number;
  total: number;
}

/** The shared cart model's storage: lines with a price snapshot; totals are always computed. */
export function createCartsRepo(db: AppDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const forSession = prepare('select id from carts where shopping_session_id = ?').pluck();
  const lines = prepare(`
    select ci.id, ci.variant_id, v.product_id, p.category_id, p.name as product_name, v.sku,
      v.barcode, v.size, v.color, v.condition, v.weight_grams, ci.transaction_type, ci.rental_days,
      ci.quantity, ci.unit_price,
      (select url from product_images i where i.product_id = p.id
        order by i.is_primary desc, i.sort_order, i.id limit 1) as thumbnail
    from cart_items ci join product_variants v on v.id = ci.variant_id
    join products p on p.id = v.product_id where ci.cart_id = ? order by ci.id`);
  const lineFor = prepare(
    "select id, quantity from cart_items where cart_id = ? and variant_id = ? and transaction_type = 'buy'",
  );

  return {
    /** The cart of a shopping session, created on first use. */
    sessionCart(sessionId: number, at: string): number {
      const existing = forSession.get(sessionId) as number | undefined;
      if (existing) return existing;
      return Number(
        prepare(
          'insert into carts (shopping_session_id, created_at, updated_at) values (?, ?, ?)',
        ).run(sessionId, at, at).lastInsertRowid,
      );
    },
    view(cartId: number): CartView {
      const items = (lines.all(cartId) as Record<string, unknown>[]).map((r) => {
        const quantity = r.quantity as number;
        const unitPrice = r.unit_price as number;
        const days = (r.rental_days as number | null) ?? 1;
        return {
          id: r.id as number,
          variantId: r.variant_id as number,
          productId: r.product_id as number,
          categoryId: r.category_id as number,
          productName: r.product_name as string,
          sku: r.sku as string,
          barcode: r.barcode as string | null,
          size: r.size as string | null,
          color: r.color as string | null,
          condition: r.condition as string,
          weightGrams: r.weight_grams as number | null,
          thumbnail: r.thumbnail as string | null,
          transactionType: r.transaction_type as 'buy' | 'rent',
          rentalDays: r.rental_days as number | null,
          quantity,
          unitPrice,
          subtotal: unitPrice * quantity * (r.transaction_type === 'rent' ? days : 1),
        };
      });
      const sum = (type: 'buy' | 'rent') =>
        items.filter((i) => i.transactionType === type).reduce((n, i) => n + i.subtotal, 0);
      const totalBuy = sum('buy');
      const totalRent = sum('rent');
      return {
        cartId,
        items,
        totalItems: items.reduce((n, i) => n + i.quantity, 0),
        totalBuy,
        totalRent,
        total: totalBuy + totalRent,
      };
    },
    /** Adds `delta` (±) units of a variant bought at `unitPrice`; a line at 0 disappears. */
    adjust(
      cartId: number,
      variantId: number,
      delta: number,
      unitPrice: number,
      at: string,
    ): number {
      const line = lineFor.get(cartId, variantId) as { id: number; quantity: number } | undefined;
      if (!line) {
        if (delta <= 0) return 0;
        prepare(
          `insert into cart_items (cart_id, variant_id, quantity, unit_price, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?)`,
        ).run(cartId, variantId, delta, unitPrice, at, at);
        return delta;
      }
      const quantity = line.quantity + delta;
      if (quantity <= 0) prepare('delete from cart_items where id = ?').run(line.id);
      else {
        prepare('update cart_items set quantity = ?, updated_at = ? where id = ?').run(
          quantity,
          at,
          line.id,
        );
      }
      return Math.max(quantity, 0);
    },
  };
}

export type CartsRepo = ReturnType<typeof createCartsRepo>;
