import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, timestamps } from '#main/backend/db/columns';
import { users } from '#main/backend/modules/accounts/users.table';
import { productVariants } from '#main/backend/modules/catalog/catalog.table';

/**
 * One cart model (SPEC §2) for a user's cart, a guest session's cart and a smart-cart shopping
 * session's cart: exactly one owner column is set.
 */
export const carts = sqliteTable(
  'carts',
  {
    id: localId(),
    userId: integer('user_id').references(() => users.id),
    guestSessionId: text('guest_session_id'),
    shoppingSessionId: integer('shopping_session_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('carts_shopping_session_unique').on(t.shoppingSessionId),
    index('carts_user_idx').on(t.userId),
    index('carts_guest_idx').on(t.guestSessionId),
  ],
);

export const cartItems = sqliteTable(
  'cart_items',
  {
    id: localId(),
    cartId: integer('cart_id')
      .notNull()
      .references(() => carts.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => productVariants.id),
    transactionType: text('transaction_type', { enum: ['buy', 'rent'] })
      .notNull()
      .default('buy'),
    rentalDays: integer('rental_days'),
    quantity: integer('quantity').notNull(),
    /** Price in đồng when the item was added (seed 003's snapshot); checkout re-prices. */
    unitPrice: integer('unit_price').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_items_line_unique').on(t.cartId, t.variantId, t.transactionType),
    check('cart_items_quantity_check', sql`${t.quantity} > 0`),
  ],
);
