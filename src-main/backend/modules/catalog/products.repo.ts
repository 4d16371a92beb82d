import type { AppDb } from '#main/backend/db/client';

/** What every product listing shows; prices derive from the live variants. */
export interface ProductCard {
  id: number;
  uuid: string;
  name: string;
  slug: string;
  description: string | null;
  categoryId: number;
  categoryUuid: string;
  categoryName: string;
  categorySlug: string;
  minPrice: number;
  maxPrice: number;
  soldCount: number;
  safetyStockLevel: number | null;
  reorderPoint: number | null;
  ratingSum: number;
  ratingCount: number;
  isHot: boolean;
  specs: Record<string, string>;
  thumbnail: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface Variant {
  id: number;
  productId: number;
  sku: string;
  barcode: string | null;
  size: string | null;
  color: string | null;
  condition: string;
  price: number;
  stock: number;
  maintenanceStock: number;
  cost: number | null;
  weightGrams: number | null;
  isRentable: boolean;
  rentPricePerDay: number | null;
  deposit: number | null;
}

export interface ProductImage {
  id: number;
  url: string;
  isPrimary: boolean;
  caption: string | null;
}

interface CardRow {
  id: number;
  uuid: string;
  name: string;
  slug: string;
  description: string | null;
  category_id: number;
  category_uuid: string;
  category_name: string;
  category_slug: string;
  min_price: number;
  max_price: number;
  sold_count: number;
  safety_stock_level: number | null;
  reorder_point: number | null;
  rating_sum: number;
  rating_count: number;
  is_hot: number;
  specs: string;
  thumbnail: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const toCard = (r: CardRow): ProductCard => ({
  id: r.id,
  uuid: r.uuid,
  name: r.name,
  slug: r.slug,
  description: r.description,
  categoryId: r.category_id,
  categoryUuid: r.category_uuid,
  categoryName: r.category_name,
  categorySlug: r.category_slug,
  minPrice: r.min_price,
  maxPrice: r.max_price,
  soldCount: r.sold_count,
  safetyStockLevel: r.safety_stock_level,
  reorderPoint: r.reorder_point,
  ratingSum: r.rating_sum,
  ratingCount: r.rating_count,
  isHot: r.is_hot === 1,
  specs: JSON.parse(r.specs) as Record<string, string>,
  thumbnail: r.thumbnail,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

interface VariantRow {
  id: number;
  product_id: number;
  sku: string;
  barcode: string | null;
  size: string | null;
  color: string | null;
  condition: string;
  price: number;
  stock: number;
  maintenance_stock: number;
  cost: number | null;
  weight_grams: number | null;
  is_rentable: number;
  rent_price_per_day: number | null;
  deposit: number | null;
}

const toVariant = (r: VariantRow): Variant => ({
  id: r.id,
  productId: r.product_id,
  sku: r.sku,
  barcode: r.barcode,
  size: r.size,
  color: r.color,
  condition: r.condition,
  price: r.price,
  stock: r.stock,
  maintenanceStock: r.maintenance_stock,
  cost: r.cost,
  weightGrams: r.weight_grams,
  isRentable: r.is_rentable === 1,
  rentPricePerDay: r.rent_price_per_day,
  deposit: r.deposit,
});

const CARD_SELECT = `
  select p.id, p.uuid, p.name, p.slug, p.description, p.category_id, c.uuid as category_uuid,
    c.name as category_name, c.slug as category_slug, p.min_price, p.max_price, p.sold_count, p.safety_stock_level, p.reorder_point,
    p.rating_sum, p.rating_count, p.is_hot, p.specs, p.created_at, p.updated_at, p.deleted_at,
    (select url from product_images i where i.product_id = p.id
      order by i.is_primary desc, i.sort_order, i.id limit 1) as thumbnail
  from products p join categories c on c.id = p.category_id`;

/** Hot read paths use prepared statements directly: they run thousands of times a second. */
export function createProductsRepo(db: AppDb) {
  const sqlite = db.$client;
  const cardsByIds = sqlite.prepare(
    `${CARD_SELECT} where p.id in (select value from json_each(?))`,
  );
  const cardById = sqlite.prepare(`${CARD_SELECT} where p.id = ?`);
  const cardByUuid = sqlite.prepare(`${CARD_SELECT} where p.uuid = ?`);
  const variantsOf = sqlite.prepare(
    'select * from product_variants where product_id = ? and deleted_at is null order by price, id',
  );
  const variantsOfMany = sqlite.prepare(
    `select * from product_variants where product_id in (select value from json_each(?))
     and deleted_at is null order by product_id, price, id`,
  );
  const imagesOf = sqlite.prepare(
    'select id, url, is_primary, caption from product_images where product_id = ? order by is_primary desc, sort_order, id',
  );
  const tagsOf = sqlite
    .prepare('select tag from product_tags where product_id = ? order by tag')
    .pluck();
  const tagsOfMany = sqlite.prepare(
    'select product_id, tag from product_tags where product_id in (select value from json_each(?)) order by tag',
  );
  const imagesOfMany = sqlite.prepare(
    `select product_id, url from product_images where product_id in (select value from json_each(?))
     order by product_id, is_primary desc, sort_order, id`,
  );
  const relatedOf = sqlite
    .prepare(
      'select related_id from product_relations where product_id = ? and relation_type = ? order by created_at, related_id',
    )
    .pluck();

  return {
    /** Cards in the order of `ids` (missing ids are skipped). */
    cards(ids: ArrayLike<number>): ProductCard[] {
      if (ids.length === 0) return [];
      const list = Array.from(ids);
      const rows = cardsByIds.all(JSON.stringify(list)) as CardRow[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return list.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toCard(row)] : [];
      });
    },
    /** A live product by local id or UUID. */
    find(ref: string | number): ProductCard | null {
      const row = (
        typeof ref === 'number' || /^\d+$/.test(ref)
          ? cardById.get(Number(ref))
          : cardByUuid.get(ref.toLowerCase())
      ) as CardRow | undefined;
      return row && row.deleted_at === null ? toCard(row) : null;
    },
    variants(productId: number): Variant[] {
      return (variantsOf.all(productId) as VariantRow[]).map(toVariant);
    },
    variantsOfMany(productIds: number[]): Map<number, Variant[]> {
      const out = new Map<number, Variant[]>();
      for (const row of variantsOfMany.all(JSON.stringify(productIds)) as VariantRow[]) {
        const v = toVariant(row);
        const list = out.get(v.productId);
        if (list) list.push(v);
        else out.set(v.productId, [v]);
      }
      return out;
    },
    images(productId: number): ProductImage[] {
      return (
        imagesOf.all(productId) as {
          id: number;
          url: string;
          is_primary: number;
          caption: string | null;
        }[]
      ).map((r) => ({ id: r.id, url: r.url, isPrimary: r.is_primary === 1, caption: r.caption }));
    },
    tags(productId: number): string[] {
      return tagsOf.all(productId) as string[];
    },
    tagsOfMany(productIds: number[]): Map<number, string[]> {
      return groupBy(
        tagsOfMany.all(JSON.stringify(productIds)) as { product_id: number; tag: string }[],
        'tag',
      );
    },
    imageUrlsOfMany(productIds: number[]): Map<number, string[]> {
      return groupBy(
        imagesOfMany.all(JSON.stringify(productIds)) as { product_id: number; url: string }[],
        'url',
      );
    },
    relatedIds(productId: number, type: 'related' | 'similar'): number[] {
      return relatedOf.all(productId, type) as number[];
    },
  };
}

export type ProductsRepo = ReturnType<typeof createProductsRepo>;

function groupBy<K extends string>(rows: ({ product_id: number } & Record<K, string>)[], key: K) {
  const out = new Map<number, string[]>();
  for (const row of rows) {
    const list = out.get(row.product_id);
    if (list) list.push(row[key]);
    else out.set(row.product_id, [row[key]]);
  }
  return out;
}

/** Units that can be sold or rented now: stock less what is held for maintenance. */
export const sellableStock = (v: Pick<Variant, 'stock' | 'maintenanceStock'>) =>
  v.stock - v.maintenanceStock;

export const averageRating = (p: { ratingSum: number; ratingCount: number }): number =>
  p.ratingCount === 0 ? 0 : Math.round((p.ratingSum / p.ratingCount) * 100) / 100;
