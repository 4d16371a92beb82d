import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, softDelete, timestamps } from '#main/backend/db/columns';
import { categories, products } from '#main/backend/modules/catalog/catalog.table';

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

/**
 * Products and categories a promotion is limited to. None: the promotion is a voucher for the
 * whole order. Some: an automatic price cut on those products (no code needed).
 */
export const promotionTargets = sqliteTable(
  'promotion_targets',
  {
    id: localId(),
    promotionId: integer('promotion_id')
      .notNull()
      .references(() => promotions.id),
    productId: integer('product_id').references(() => products.id),
    categoryId: integer('category_id').references(() => categories.id),
  },
  (t) => [
    index('promotion_targets_promotion_idx').on(t.promotionId),
    index('promotion_targets_product_idx').on(t.productId),
    index('promotion_targets_category_idx').on(t.categoryId),
    check(
      'promotion_targets_one_check',
      sql`(${t.productId} is null) <> (${t.categoryId} is null)`,
    ),
  ],
);
