import type { AppDb } from '#main/backend/db/client';
import { slugify } from '#shared/text/fold';
import type { Variant } from './products.repo.ts';

/** A variant as written: everything but its identity. */
export type VariantValues = Omit<Variant, 'id' | 'productId'>;

export interface ProductValues {
  name: string;
  description: string | null;
  categoryId: number;
  isHot: boolean;
  specs: Record<string, string>;
  safetyStockLevel: number | null;
  reorderPoint: number | null;
}

/** Catalog writes. Callers wrap them in one transaction together with the search reindex. */
export function createCatalogWritesRepo(db: AppDb) {
  const sqlite = db.$client;
  const slugTaken = sqlite.prepare('select 1 from products where slug = ?').pluck();
  const categorySlugTaken = sqlite.prepare('select 1 from categories where slug = ?').pluck();
  const insertProduct = sqlite.prepare(`
    insert into products (uuid, name, slug, description, category_id, specs, is_hot,
      safety_stock_level, reorder_point, created_at, updated_at)
    values (@uuid, @name, @slug, @description, @categoryId, @specs, @isHot, @safetyStockLevel,
      @reorderPoint, @at, @at)`);
  const updateProduct = sqlite.prepare(`
    update products set name = @name, description = @description, category_id = @categoryId,
      specs = @specs, is_hot = @isHot, safety_stock_level = @safetyStockLevel,
      reorder_point = @reorderPoint, updated_at = @at where id = @id`);
  const insertVariant = sqlite.prepare(`
    insert into product_variants (product_id, sku, barcode, size, color, condition, price, stock,
      maintenance_stock, cost, weight_grams, is_rentable, rent_price_per_day, deposit,
      created_at, updated_at)
    values (@productId, @sku, @barcode, @size, @color, @condition, @price, @stock,
      @maintenanceStock, @cost, @weightGrams, @isRentable, @rentPricePerDay, @deposit, @at, @at)`);
  const updateVariant = sqlite.prepare(`
    update product_variants set sku = @sku, barcode = @barcode, size = @size, color = @color,
      condition = @condition, price = @price, stock = @stock,
      maintenance_stock = @maintenanceStock, cost = @cost, weight_grams = @weightGrams,
      is_rentable = @isRentable, rent_price_per_day = @rentPricePerDay, deposit = @deposit,
      deleted_at = null, updated_at = @at where id = @id and product_id = @productId`);
  const retireVariant = sqlite.prepare(
    'update product_variants set deleted_at = @at, updated_at = @at where id = @id',
  );
  const refreshPrices = sqlite.prepare(`
    update products set
      min_price = coalesce((select min(price) from product_variants where product_id = @id and deleted_at is null), 0),
      max_price = coalesce((select max(price) from product_variants where product_id = @id and deleted_at is null), 0)
    where id = @id`);
  const skuHolder = sqlite.prepare('select id, product_id from product_variants where sku = ?');
  const barcodeHolder = sqlite.prepare(
    'select id, product_id from product_variants where barcode = ?',
  );
  const liveVariantIds = sqlite
    .prepare('select id from product_variants where product_id = ? and deleted_at is null')
    .pluck();

  function uniqueSlug(name: string, taken: (slug: string) => unknown): string {
    const base = slugify(name) || 'san-pham';
    let slug = base;
    for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  const boolInt = (v: VariantValues) => ({ ...v, isRentable: v.isRentable ? 1 : 0 });

  return {
    insertProduct(uuid: string, values: ProductValues, at: string): number {
      const slug = uniqueSlug(values.name, (s) => slugTaken.get(s));
      return Number(
        insertProduct.run({
          uuid,
          ...values,
          slug,
          specs: JSON.stringify(values.specs),
          isHot: values.isHot ? 1 : 0,
          at,
        }).lastInsertRowid,
      );
    },
    updateProduct(id: number, values: ProductValues, at: string): void {
      updateProduct.run({
        id,
        ...values,
        specs: JSON.stringify(values.specs),
        isHot: values.isHot ? 1 : 0,
        at,
      });
    },
    insertVariant(productId: number, v: VariantValues, at: string): void {
      insertVariant.run({ productId, ...boolInt(v), at });
    },
    updateVariant(productId: number, id: number, v: VariantValues, at: string): void {
      updateVariant.run({ productId, id, ...boolInt(v), at });
    },
    retireVariant(id: number, at: string): void {
      retireVariant.run({ id, at });
    },
    liveVariantIds: (productId: number) => liveVariantIds.all(productId) as number[],
    /** Every variant id of the product, retired ones included. */
    variantIdsOf: (productId: number) =>
      sqlite
        .prepare('select id from product_variants where product_id = ?')
        .pluck()
        .all(productId) as number[],
    /** List prices always derive from the live variants (SPEC §2). */
    refreshPrices(productId: number): void {
      refreshPrices.run({ id: productId });
    },
    /** The variant (live or retired) holding a SKU: SKUs and barcodes are never reused. */
    skuHolder: (sku: string) =>
      skuHolder.get(sku) as { id: number; product_id: number } | undefined,
    barcodeHolder: (code: string) =>
      barcodeHolder.get(code) as { id: number; product_id: number } | undefined,
    replaceImages(productId: number, urls: string[]): void {
      sqlite.prepare('delete from product_images where product_id = ?').run(productId);
      const insert = sqlite.prepare(
        'insert into product_images (product_id, url, is_primary, sort_order) values (?, ?, ?, ?)',
      );
      urls.forEach((url, i) => insert.run(productId, url, i === 0 ? 1 : 0, i));
    },
    replaceTags(productId: number, tags: string[]): void {
      sqlite.prepare('delete from product_tags where product_id = ?').run(productId);
      const insert = sqlite.prepare(
        'insert or ignore into product_tags (product_id, tag) values (?, ?)',
      );
      for (const tag of tags) insert.run(productId, tag.trim());
    },
    /**
     * Whether other rows point at the product (ratings, order or cart lines, promotion
     * targets): then it is soft-deleted, since removing it would break those references.
     */
    hasHistory(productId: number): boolean {
      return (
        sqlite
          .prepare(
            `select exists (select 1 from ratings where product_id = @id)
               or exists (select 1 from promotion_targets where product_id = @id)
               or exists (select 1 from order_lines l join product_variants v on v.id = l.variant_id
                          where v.product_id = @id)
               or exists (select 1 from cart_items c join product_variants v on v.id = c.variant_id
                          where v.product_id = @id)`,
          )
          .pluck()
          .get({ id: productId }) === 1
      );
    },
    softDeleteProduct(id: number, at: string): void {
      sqlite
        .prepare('update products set deleted_at = ?, updated_at = ? where id = ?')
        .run(at, at, id);
    },
    hardDeleteProduct(id: number): void {
      sqlite
        .prepare('delete from product_relations where product_id = ? or related_id = ?')
        .run(id, id);
      for (const sql of [
        'delete from favorites where product_id = ?',
        'delete from product_tags where product_id = ?',
        'delete from product_images where product_id = ?',
        'delete from product_variants where product_id = ?',
        'delete from products where id = ?',
      ]) {
        sqlite.prepare(sql).run(id);
      }
    },

    categoryNameTaken(name: string, exceptId?: number): boolean {
      return (
        sqlite
          .prepare(
            // cs_lower: Unicode lower case, so "ĐỒ UỐNG" collides with "Đồ uống".
            'select 1 from categories where cs_lower(name) = cs_lower(?) and deleted_at is null and id != ?',
          )
          .get(name.trim(), exceptId ?? 0) !== undefined
      );
    },
    insertCategory(uuid: string, name: string, description: string | null, at: string): number {
      const slug = uniqueSlug(name, (s) => categorySlugTaken.get(s));
      return Number(
        sqlite
          .prepare(
            'insert into categories (uuid, name, slug, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
          )
          .run(uuid, name.trim(), slug, description, at, at).lastInsertRowid,
      );
    },
    updateCategory(id: number, name: string, description: string | null, at: string): void {
      sqlite
        .prepare('update categories set name = ?, description = ?, updated_at = ? where id = ?')
        .run(name.trim(), description, at, id);
    },
    liveProductsIn(categoryId: number): number {
      return sqlite
        .prepare('select count(*) from products where category_id = ? and deleted_at is null')
        .pluck()
        .get(categoryId) as number;
    },
    softDeleteCategory(id: number, at: string): void {
      sqlite
        .prepare('update categories set deleted_at = ?, updated_at = ? where id = ?')
        .run(at, at, id);
    },
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },
  };
}

export type CatalogWritesRepo = ReturnType<typeof createCatalogWritesRepo>;
