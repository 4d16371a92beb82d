import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, softDelete, timestamps } from '#main/backend/db/columns';

/** Vouchers and promotions (seed 002 `/admin/promotions`, `/store/vouchers`). */
export const promotions = sqliteTable(
  'promotions',
  {
    id: localId(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    scope: text('scope', { enum: ['buy', 'rent', 'all'] }).notNull(),
    discountType: text('discount_type', { enum: ['percentage', 'amount'] }).notNull(),
    /** Whole percent (1–100) or đồng. */
    discountValue: integer('discount_value').notNull(),
    minOrderAmount: integer('min_order_amount').notNull().default(0),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    /** How many times it may be used in all; null: unlimited. */
    quantity: integer('quantity'),
    usedCount: integer('used_count').notNull().default(0),
    /** JSON array of customer ranks it is for; empty: everyone. */
    targetRanks: text('target_ranks').notNull().default('[]'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('promotions_live_code_unique')
      .on(t.code)
      .where(sql`${t.deletedAt} is null`),
    check('promotions_used_check', sql`${t.quantity} is null or ${t.usedCount} <= ${t.quantity}`),
  ],
);
