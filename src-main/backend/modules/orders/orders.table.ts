import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, timestamps } from '#main/backend/db/columns';
import { users } from '#main/backend/modules/accounts/users.table';
import { productVariants } from '#main/backend/modules/catalog/catalog.table';

/** Named counters (order numbers, gateway order codes): never reused, even after a rollback. */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

/** A sale or a rental. Amounts are integer đồng, computed by the server at checkout. */
export const orders = sqliteTable(
  'orders',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    number: text('number').notNull(),
    kind: text('kind', { enum: ['sale', 'rental'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    guestEmail: text('guest_email'),
    status: text('status').notNull(),
    source: text('source', { enum: ['store', 'shop', 'smart_cart', 'counter'] }).notNull(),
    shoppingSessionId: integer('shopping_session_id'),
    /** JSON snapshot of the delivery address, or null for in-store pickup. */
    shippingAddress: text('shipping_address'),
    paymentMethod: text('payment_method').notNull(),
    paymentStatus: text('payment_status', { enum: ['unpaid', 'paid', 'refunded'] })
      .notNull()
      .default('unpaid'),
    voucherCode: text('voucher_code'),
    subtotal: integer('subtotal').notNull(),
    discount: integer('discount').notNull().default(0),
    shippingFee: integer('shipping_fee').notNull().default(0),
    servicesFee: integer('services_fee').notNull().default(0),
    deposit: integer('deposit').notNull().default(0),
    total: integer('total').notNull(),
    note: text('note'),
    rentalStart: text('rental_start'),
    rentalEnd: text('rental_end'),
    /** A customer's open request (`cancel` or `return`) and the status it interrupted. */
    requestKind: text('request_kind'),
    requestReason: text('request_reason'),
    requestedFromStatus: text('requested_from_status'),
    returnedAt: text('returned_at'),
    /** Integer đồng charged for days past `rental_end`, from the rental settings. */
    overdueFee: integer('overdue_fee').notNull().default(0),
    /** Set when a rental was bought out; the sale order it became. */
    convertedToOrderId: integer('converted_to_order_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('orders_uuid_unique').on(t.uuid),
    uniqueIndex('orders_number_unique').on(t.number),
    index('orders_user_idx').on(t.userId, t.createdAt),
    // A smart-cart session becomes at most one order.
    uniqueIndex('orders_session_unique')
      .on(t.shoppingSessionId)
      .where(sql`${t.shoppingSessionId} is not null`),
    index('orders_rental_due_idx').on(t.kind, t.status, t.rentalEnd),
    check('orders_total_check', sql`${t.total} >= 0`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: localId(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => productVariants.id),
    productName: text('product_name').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    rentalDays: integer('rental_days'),
    lineTotal: integer('line_total').notNull(),
    /** Rental preparation: which physical unit goes out, and its condition. */
    assetId: text('asset_id'),
    conditionNote: text('condition_note'),
    /** JSON array of photo URLs. */
    evidencePhotos: text('evidence_photos'),
    preparedAt: text('prepared_at'),
    preparedBy: integer('prepared_by'),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    check('order_lines_qty_check', sql`${t.quantity} > 0`),
  ],
);

/** Every state change of an order: who, when, from what to what. */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: localId(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: integer('actor_user_id'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);
