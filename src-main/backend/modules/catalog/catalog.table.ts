import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { localId, softDelete, timestamps } from '#main/backend/db/columns';

export const categories = sqliteTable(
  'categories',
  {
    id: localId(),
    /** Seed 001 identifies categories by UUID. */
    uuid: text('uuid').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('categories_slug_unique').on(t.slug),
    uniqueIndex('categories_uuid_unique').on(t.uuid),
  ],
);

export const products = sqliteTable(
  'products',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    /** JSON object of specification name → value (seed 002 `specs`). */
    specs: text('specs').notNull().default('{}'),
    isHot: integer('is_hot', { mode: 'boolean' }).notNull().default(false),
    /** Derived from the live variants in the transaction that changes them (list prices). */
    minPrice: integer('min_price').notNull().default(0),
    maxPrice: integer('max_price').notNull().default(0),
    soldCount: integer('sold_count').notNull().default(0),
    /** Seed 002 inventory thresholds: warn below the safety level, reorder at the point. */
    safetyStockLevel: integer('safety_stock_level'),
    reorderPoint: integer('reorder_point'),
    /** Exact integers; the average is derived, never stored rounded. */
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('products_uuid_unique').on(t.uuid),
    uniqueIndex('products_slug_unique').on(t.slug),
    index('products_category_idx').on(t.categoryId, t.id),
  ],
);

/** Money is integer đồng everywhere (SPEC §4). */
export const productVariants = sqliteTable(
  'product_variants',
  {
    id: localId(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    size: text('size'),
    color: text('color'),
    condition: text('condition').notNull().default('New'),
    price: integer('price').notNull(),
    stock: integer('stock').notNull().default(0),
    /** Units held back for repair or inspection: part of the stock, not sellable. */
    maintenanceStock: integer('maintenance_stock').notNull().default(0),
    /** Purchase cost per unit in đồng (seed 002 `standard_cost`), for margins in reports. */
    cost: integer('cost'),
    /** Grams; the smart cart's scale checks items against it. */
    weightGrams: integer('weight_grams'),
    isRentable: integer('is_rentable', { mode: 'boolean' }).notNull().default(false),
    rentPricePerDay: integer('rent_price_per_day'),
    deposit: integer('deposit'),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('product_variants_sku_unique').on(t.sku),
    uniqueIndex('product_variants_barcode_unique').on(t.barcode),
    index('product_variants_product_idx').on(t.productId),
    check('product_variants_price_check', sql`${t.price} >= 0`),
    check('product_variants_stock_check', sql`${t.stock} >= 0`),
  ],
);

export const productImages = sqliteTable(
  'product_images',
  {
    id: localId(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    url: text('url').notNull(),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    caption: text('caption'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.sortOrder)],
);

export const productTags = sqliteTable(
  'product_tags',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.tag] }), index('product_tags_tag_idx').on(t.tag)],
);

export const productRelations = sqliteTable(
  'product_relations',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    relatedId: integer('related_id')
      .notNull()
      .references(() => products.id),
    relationType: text('relation_type', { enum: ['related', 'similar'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.relatedId, t.relationType] })],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type ProductVariantRow = typeof productVariants.$inferSelect;
