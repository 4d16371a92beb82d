import type { Clock } from '#main/backend/lib/clock';
import type { ProductFilter, ProductListing } from './product-listing.ts';
import type { ProductCard, ProductsRepo, Variant } from './products.repo.ts';
import type { SearchIndex } from './search-index.ts';
import { createVersionedCache } from './versioned-cache.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export function paginate(total: number, page: number, limit: number) {
  return { total, page, limit, totalPages: Math.ceil(total / limit) };
}

/** Read side of the catalog shared by every seed's routes; writes live in catalog-writes.ts. */
export function createCatalogService(deps: {
  products: ProductsRepo;
  listing: ProductListing;
  search: SearchIndex;
  clock: Clock;
}) {
  const { products, listing } = deps;

  // Cards and their per-product details, cached until the catalog changes.
  const cardsById = createVersionedCache(
    () => listing.version,
    (ids) => new Map(products.cards(ids).map((c) => [c.id, c])),
    null as ProductCard | null,
  );
  const variantsById = createVersionedCache(() => listing.version, products.variantsOfMany, []);
  const tagsById = createVersionedCache(() => listing.version, products.tagsOfMany, []);
  const imagesById = createVersionedCache(() => listing.version, products.imageUrlsOfMany, []);

  function cards(ids: ArrayLike<number>): ProductCard[] {
    return [...cardsById(ids).values()].filter((c): c is ProductCard => c !== null);
  }

  function page(filter: ProductFilter, pageNo: number, limit: number): Page<ProductCard> {
    const ids = listing.ids(filter);
    const start = (pageNo - 1) * limit;
    return {
      items: cards(ids.subarray(start, start + limit)),
      ...paginate(ids.length, pageNo, limit),
    };
  }

  return {
    page,
    find: (ref: string | number) => products.find(ref),
    findAny: (id: number) => (Number.isSafeInteger(id) ? (products.cards([id])[0] ?? null) : null),
    cards,
    variants: (productId: number): Variant[] => products.variants(productId),
    /**
     * A live product and one of its variants by seed 003's string ids: `v1-2` (product 1's
     * variant 2, the form seed 003 shows and `shopVariantId` gives), or the bare "2" / "v2".
     */
    variantByRef(
      productRef: string,
      variantRef: string,
    ): { product: ProductCard; variant: Variant } | null {
      const product = products.find(productRef);
      if (!product) return null;
      const scoped = /^v(\d+)-(\d+)$/i.exec(variantRef);
      if (scoped && Number(scoped[1]) !== product.id) return null;
      const id = scoped ? scoped[2] : variantRef.replace(/^v/i, '');
      const variant = products.variants(product.id).find((v) => String(v.id) === id);
      return variant ? { product, variant } : null;
    },
    variantsOfMany: (ids: number[]) => variantsById(ids),
    images: (productId: number) => products.images(productId),
    tags: (productId: number) => products.tags(productId),
    tagsOfMany: (ids: number[]) => tagsById(ids),
    imageUrlsOfMany: (ids: number[]) => imagesById(ids),

    /** Same category first by explicit "similar" links, then by popularity. */
    similar(product: ProductCard, limit: number): ProductCard[] {
      const linked = products.relatedIds(product.id, 'similar');
      const sameCategory = listing.ids({ categoryId: product.categoryId, sort: 'popular' });
      return pick([linked, sameCategory], product.id, limit);
    },

    /** Explicit "related" links, then products sharing a tag, then the most popular. */
    related(product: ProductCard, limit: number): ProductCard[] {
      const linked = products.relatedIds(product.id, 'related');
      const tags = products.tags(product.id);
      const sharingTags = tags.length ? listing.ids({ tags, sort: 'popular' }) : [];
      return pick([linked, sharingTags, listing.ids({ sort: 'popular' })], product.id, limit);
    },

    popular(limit: number, categoryId?: number): ProductCard[] {
      return cards(listing.ids({ categoryId, sort: 'popular' }).subarray(0, limit));
    },

    topRated(limit: number, categoryId?: number): ProductCard[] {
      return cards(listing.ids({ categoryId, sort: 'rating' }).subarray(0, limit));
    },
  };

  function pick(sources: ArrayLike<number>[], exclude: number, limit: number): ProductCard[] {
    const chosen = new Set<number>();
    for (const source of sources) {
      for (let i = 0; i < source.length && chosen.size < limit; i++) {
        if (source[i] !== exclude) chosen.add(source[i]!);
      }
    }
    return cards([...chosen]);
  }
}

export type CatalogService = ReturnType<typeof createCatalogService>;
