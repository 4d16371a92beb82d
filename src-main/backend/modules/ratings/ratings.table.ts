import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, softDelete, timestamps } from '#main/backend/db/columns';
import { users } from '#main/backend/modules/accounts/users.table';
import { products } from '#main/backend/modules/catalog/catalog.table';

/**
 * The one ratings store (SPEC §2): seed 001's stars and comments, seed 002's reviews with
 * images, helpful votes and the shop's reply are all views of these rows.
 */
export const ratings = sqliteTable(
  'ratings',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    stars: integer('stars').notNull(),
    comment: text('comment'),
    /** JSON array of image URLs. */
    images: text('images').notNull().default('[]'),
    helpfulCount: integer('helpful_count').notNull().default(0),
    adminReply: text('admin_reply'),
    adminRepliedAt: text('admin_replied_at'),
    adminReplyBy: integer('admin_reply_by').references(() => users.id),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('ratings_uuid_unique').on(t.uuid),
    // One live rating per user per product; a deleted one doesn't block rating again.
    uniqueIndex('ratings_user_product_unique')
      .on(t.productId, t.userId)
      .where(sql`${t.deletedAt} is null`),
    index('ratings_product_created_idx').on(t.productId, t.createdAt),
    index('ratings_user_created_idx').on(t.userId, t.createdAt),
    check('ratings_stars_check', sql`${t.stars} between 1 and 5`),
  ],
);

export type RatingRow = typeof ratings.$inferSelect;
