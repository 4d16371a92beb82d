import type { AppDb } from '#main/backend/db/client';
import type { ProductListing } from './product-listing.ts';

export interface Facets {
  categories: { slug: string; name: string; count: number }[];
  priceRange: { min: number; max: number };
  sizes: string[];
  tags: string[];
}

/** What shoppers can filter by (seed 003 `filters.available`), recomputed after catalog changes. */
export function createFacets(db: AppDb, listing: ProductListing) {
  const sqlite = db.$client;
  const categories = sqlite.prepare(`
    select c.slug, c.name, count(p.id) as count from categories c
    join products p on p.category_id = c.id and p.deleted_at is null
    where c.deleted_at is null group by c.id order by c.name collate nocase`);
  const prices = sqlite.prepare(`
    select coalesce(min(v.price), 0) as min, coalesce(max(v.price), 0) as max
    from product_variants v join products p on p.id = v.product_id
    where v.deleted_at is null and p.deleted_at is null`);
  const sizes = sqlite
    .prepare(
      `
      select distinct v.size from product_variants v join products p on p.id = v.product_id
      where v.deleted_at is null and p.deleted_at is null and v.size is not null order by v.size`,
    )
    .pluck();
  const tags = sqlite
    .prepare(
      `
      select distinct t.tag from product_tags t join products p on p.id = t.product_id
      where p.deleted_at is null order by t.tag`,
    )
    .pluck();
  let cached: { version: number; facets: Facets } | null = null;

  return {
    current(): Facets {
      if (cached?.version !== listing.version) {
        cached = {
          version: listing.version,
          facets: {
            categories: categories.all() as Facets['categories'],
            priceRange: prices.get() as Facets['priceRange'],
            sizes: sizes.all() as string[],
            tags: tags.all() as string[],
          },
        };
      }
      return cached.facets;
    },
  };
}

export type CatalogFacets = ReturnType<typeof createFacets>;
