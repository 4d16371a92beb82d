import type { AppDb } from '#main/backend/db/client';
import { LruCache } from '#main/backend/lib/lru-cache';
import { buildMatchExpression, queryTerms } from './search-query.ts';
import type { SearchIndex } from './search-index.ts';

export const PRODUCT_SORTS = [
  'newest',
  'oldest',
  'name',
  'rating',
  'price_asc',
  'price_desc',
  'popular',
  'relevance',
] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const VI_COLLATOR = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export interface ProductFilter {
  categoryId?: number;
  categorySlug?: string;
  /** Some live variant must satisfy every variant condition at once. */
  minPrice?: number;
  maxPrice?: number;
  sizes?: string[];
  colors?: string[];
  conditions?: string[];
  tags?: string[];
  isHot?: boolean;
  minRating?: number;
  search?: string;
  sort: ProductSort;
}

const ORDER: Record<Exclude<ProductSort, 'relevance'>, string> = {
  newest: 'p.created_at desc, p.id desc',
  oldest: 'p.created_at asc, p.id asc',
  // Unused for ordering: names are sorted with the Vietnamese collator (see below).
  name: 'p.id asc',
  rating:
    'case when p.rating_count = 0 then 0 else p.rating_sum * 1.0 / p.rating_count end desc, p.rating_count desc, p.id desc',
  price_asc: 'p.min_price asc, p.id asc',
  price_desc: 'p.max_price desc, p.id desc',
  popular: 'p.sold_count desc, p.rating_count desc, p.id desc',
};
/**
 * bm25 weights per column (name, head, category, tags, sku, description): the name weighs most
 * and its first words more, description least (SPEC: name before description); then sales.
 */
const RELEVANCE =
  'bm25(product_search, 10.0, 6.0, 4.0, 3.0, 6.0, 1.0), p.sold_count desc, p.id asc';

/**
 * Ordered ids of the live products matching a filter. Whole result lists are cached per filter
 * until the catalog changes: a page is then a slice, so page 2 000 costs what page 1 costs and
 * the synchronous SQLite thread is free for everyone else. Every catalog write bumps
 * `version`, which empties the cache — an entry is never served across a change.
 */
export function createProductListing(db: AppDb, search: SearchIndex) {
  const cache = new LruCache<string, Int32Array>(512);
  const statements = new LruCache<string, ReturnType<AppDb['$client']['prepare']>>(128);
  let version = 0;

  function compile(f: ProductFilter): { sql: string; params: unknown[]; byName: boolean } | null {
    const where = ['p.deleted_at is null'];
    const params: unknown[] = [];
    let from = 'products p';
    if (f.search !== undefined) {
      const match = buildMatchExpression(queryTerms(f.search), {
        knows: (term) => search.knows(term),
        index: () => search.typoIndex(version),
      });
      if (!match) return null;
      from = 'product_search join products p on p.id = product_search.rowid';
      where.push('product_search match ?');
      params.push(match);
    }
    if (f.categoryId !== undefined) {
      where.push('p.category_id = ?');
      params.push(f.categoryId);
    }
    if (f.categorySlug !== undefined) {
      where.push(
        'p.category_id = (select id from categories where slug = ? and deleted_at is null)',
      );
      params.push(f.categorySlug);
    }
    const variant: string[] = [];
    const list = (column: string, values: string[] | undefined) => {
      if (!values?.length) return;
      variant.push(`v.${column} collate nocase in (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (f.minPrice !== undefined) {
      variant.push('v.price >= ?');
      params.push(f.minPrice);
    }
    if (f.maxPrice !== undefined) {
      variant.push('v.price <= ?');
      params.push(f.maxPrice);
    }
    list('size', f.sizes);
    list('color', f.colors);
    list('condition', f.conditions);
    if (variant.length > 0) {
      where.push(
        `exists (select 1 from product_variants v where v.product_id = p.id and v.deleted_at is null and ${variant.join(' and ')})`,
      );
    }
    if (f.tags?.length) {
      where.push(
        `exists (select 1 from product_tags t where t.product_id = p.id and t.tag collate nocase in (${f.tags.map(() => '?').join(', ')}))`,
      );
      params.push(...f.tags);
    }
    if (f.isHot !== undefined) {
      where.push('p.is_hot = ?');
      params.push(f.isHot ? 1 : 0);
    }
    if (f.minRating !== undefined && f.minRating > 0) {
      where.push('p.rating_count > 0 and p.rating_sum >= ? * p.rating_count');
      params.push(f.minRating);
    }
    const sort = f.sort === 'relevance' && f.search === undefined ? 'newest' : f.sort;
    const order = sort === 'relevance' ? RELEVANCE : ORDER[sort];
    // Names sort in JavaScript with Intl's Vietnamese collation (a ă â … d đ …, tones second):
    // SQLite can't, and the sorted list is cached like any other.
    const byName = sort === 'name';
    return {
      sql: `select p.id${byName ? ', p.name' : ''} from ${from} where ${where.join(' and ')} order by ${order}`,
      params,
      byName,
    };
  }

  return {
    ids(filter: ProductFilter): Int32Array {
      const key = JSON.stringify(filter);
      const hit = cache.get(key);
      if (hit) return hit;
      const query = compile(filter);
      let ids = new Int32Array(0);
      if (query) {
        let stmt = statements.get(query.sql);
        if (!stmt) {
          stmt = db.$client.prepare(query.sql);
          statements.set(query.sql, stmt);
        }
        const rows = stmt.all(...(query.params as [object])) as { id: number; name?: string }[];
        if (query.byName) rows.sort((a, b) => VI_COLLATOR.compare(a.name!, b.name!) || a.id - b.id);
        ids = Int32Array.from(rows, (r) => r.id);
      }
      cache.set(key, ids);
      return ids;
    },
    /** Call after every committed catalog or rating change. */
    invalidate(): void {
      version += 1;
      cache.clear();
    },
    get version() {
      return version;
    },
  };
}

export type ProductListing = ReturnType<typeof createProductListing>;
