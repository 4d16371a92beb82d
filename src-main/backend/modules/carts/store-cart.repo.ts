import type { AppDb } from '#main/backend/db/client';
import { statementCache } from '#main/backend/db/statements';

export interface StoreCartLine {
  id: number;
  cartId: number;
  variantId: number;
  transactionType: 'buy' | 'rent';
  rentalDays: number | null;
  quantity: number;
}

/** A signed-in customer's own cart (seed 002 `/store/cart`), in the shared cart tables. */
export function createStoreCartRepo(db: AppDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const cartOf = prepare('select id from carts where user_id = ?').pluck();
  const guestCartOf = prepare('select id from carts where guest_session_id = ?').pluck();
  const line = prepare(
    'select * from cart_items where cart_id = ? and variant_id = ? and transaction_type = ?',
  );
  const toLine = (r: Record<string, unknown>): StoreCartLine => ({
    id: r.id as number,
    cartId: r.cart_id as number,
    variantId: r.variant_id as number,
    transactionType: r.transaction_type as 'buy' | 'rent',
    rentalDays: r.rental_days as number | null,
    quantity: r.quantity as number,
  });

  return {
    /** The user's cart id, created on first use. */
    /** The user's cart if they have one (reads never create it). */
    existingCartOf: (userId: number) => (cartOf.get(userId) as number | undefined) ?? null,
    cartOf(userId: number, at: string): number {
      const id = cartOf.get(userId) as number | undefined;
      if (id) return id;
      return Number(
        prepare('insert into carts (user_id, created_at, updated_at) values (?, ?, ?)').run(
          userId,
          at,
          at,
        ).lastInsertRowid,
      );
    },
    /** A guest's cart, keyed by the session id the shop's browser keeps (seed 003). */
    guestCartOf(sessionId: string, at: string): number {
      const id = guestCartOf.get(sessionId) as number | undefined;
      if (id) return id;
      return Number(
        prepare(
          'insert into carts (guest_session_id, created_at, updated_at) values (?, ?, ?)',
        ).run(sessionId, at, at).lastInsertRowid,
      );
    },
    /** Adds to the line for this variant and transaction type (one line each). */
    add(
      cartId: number,
      v: {
        variantId: number;
        type: 'buy' | 'rent';
        quantity: number;
        rentalDays: number | null;
        unitPrice: number;
      },
      at: string,
    ): void {
      const existing = line.get(cartId, v.variantId, v.type) as Record<string, unknown> | undefined;
      if (existing) {
        prepare(
          'update cart_items set quantity = quantity + ?, rental_days = coalesce(?, rental_days), unit_price = ?, updated_at = ? where id = ?',
        ).run(v.quantity, v.rentalDays, v.unitPrice, at, existing.id);
        return;
      }
      prepare(
        `insert into cart_items (cart_id, variant_id, transaction_type, rental_days, quantity, unit_price, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(cartId, v.variantId, v.type, v.rentalDays, v.quantity, v.unitPrice, at, at);
    },
    find(cartId: number, itemId: number): StoreCartLine | null {
      const row = prepare('select * from cart_items where id = ? and cart_id = ?').get(
        itemId,
        cartId,
      );
      return row ? toLine(row as Record<string, unknown>) : null;
    },
    update(itemId: number, quantity: number, rentalDays: number | null, at: string): void {
      prepare(
        'update cart_items set quantity = ?, rental_days = ?, updated_at = ? where id = ?',
      ).run(quantity, rentalDays, at, itemId);
    },
    remove: (itemId: number) => prepare('delete from cart_items where id = ?').run(itemId),
  };
}

export type StoreCartRepo = ReturnType<typeof createStoreCartRepo>;
