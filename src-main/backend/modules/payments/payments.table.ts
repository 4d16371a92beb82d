import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, timestamps } from '#main/backend/db/columns';
import { users } from '#main/backend/modules/accounts/users.table';
import { orders } from '#main/backend/modules/orders/orders.table';

/**
 * One attempt to collect an order's total: cash at the counter, or one gateway link. The
 * gateway order code comes from this terminal's sequence and is unique forever, so a sale
 * never has two payable codes and a code never pays two sales.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    method: text('method', { enum: ['cash', 'payos', 'vnpay', 'momo'] }).notNull(),
    /** Null for cash. */
    gatewayOrderCode: integer('gateway_order_code'),
    amount: integer('amount').notNull(),
    /** Sum of the transfers applied to it (payOS links can be paid in several transfers). */
    amountReceived: integer('amount_received').notNull().default(0),
    status: text('status', {
      enum: ['pending', 'paid', 'cancelled', 'expired', 'failed'],
    }).notNull(),
    checkoutUrl: text('checkout_url'),
    qrCode: text('qr_code'),
    providerRef: text('provider_ref'),
    /** How it was confirmed: `webhook`, `reconcile` or `cashier`. */
    confirmedBy: text('confirmed_by'),
    cashierId: integer('cashier_id').references(() => users.id),
    paidAt: text('paid_at'),
    lastCheckedAt: text('last_checked_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payments_uuid_unique').on(t.uuid),
    uniqueIndex('payments_gateway_code_unique')
      .on(t.method, t.gatewayOrderCode)
      .where(sql`${t.gatewayOrderCode} is not null`),
    // At most one open attempt per order: asking again returns it instead of a second link.
    uniqueIndex('payments_open_per_order_unique')
      .on(t.orderId)
      .where(sql`${t.status} = 'pending'`),
    // An order is paid once: a second paid attempt cannot exist.
    uniqueIndex('payments_paid_per_order_unique')
      .on(t.orderId)
      .where(sql`${t.status} = 'paid'`),
    index('payments_pending_idx').on(t.status, t.lastCheckedAt),
    check('payments_amount_check', sql`${t.amount} > 0 and ${t.amountReceived} >= 0`),
  ],
);

/**
 * Money the gateway says arrived. The transfer reference is the deduplication key (a payOS
 * link can take several transfers, and a webhook can arrive five times).
 */
export const paymentTransfers = sqliteTable(
  'payment_transfers',
  {
    id: localId(),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    method: text('method').notNull(),
    reference: text('reference').notNull(),
    amount: integer('amount').notNull(),
    /** `applied` to the order, or `excess`: arrived after the order was paid (refund it). */
    outcome: text('outcome', { enum: ['applied', 'excess'] }).notNull(),
    source: text('source', { enum: ['webhook', 'reconcile'] }).notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('payment_transfers_reference_unique').on(t.method, t.reference),
    index('payment_transfers_payment_idx').on(t.paymentId),
  ],
);
