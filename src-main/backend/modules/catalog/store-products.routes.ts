import type { App } from '#main/backend/http/app-type';
import { badRequest, notFound } from '#main/backend/http/errors';
import type { RatingsService } from '#main/backend/modules/ratings/ratings.service';
import {
  ReviewsQuerySchema,
  StoreProductDetailSchema,
  StoreProductIdParamsSchema,
  StoreProductSchema,
  StoreReviewsSchema,
  StoreSearchQuerySchema,
  Success,
  SuccessPage,
  storeErrors,
  seed002Pagination,
} from '#shared/contracts/store';
import { Type } from 'typebox';
import type { CatalogService } from './catalog.service.ts';
import type { CategoriesRepo } from './categories.repo.ts';
import { parsePriceRange } from './price-range.ts';
import { averageRating, type ProductCard, type Variant } from './products.repo.ts';

const FEATURED_COUNT = 4;

/**
 * Seed 002 shows one variant on a card: the cheapest one that satisfies the shopper's filters
 * (variants come sorted by price), so a search for size 38 shows the size-38 price.
 */
function storeCard(p: ProductCard, variants: Variant[] | undefined, fits = (_v: Variant) => true) {
  const v = variants?.find(fits) ?? variants?.[0];
  return {
    id: p.id,
    name: p.name,
    price: v?.price ?? p.minPrice,
    thumbnail: p.thumbnail,
    rating: averageRating(p),
    sold_count: p.soldCount,
    condition: v?.condition ?? null,
    size: v?.size ?? null,
    color: v?.color ?? null,
  };
}

/** Seed 002 `/store/products*`: featured, search with filters, detail, reviews, similar. */
export async function storeProductsRoutes(
  app: App,
  deps: { catalog: CatalogService; categories: CategoriesRepo; ratings: RatingsService },
) {
  const { catalog, categories, ratings } = deps;
  const tags = ['store'];
  const cards = (items: ProductCard[], fits?: (v: Variant) => boolean) => {
    const variants = catalog.variantsOfMany(items.map((p) => p.id));
    return items.map((p) => storeCard(p, variants.get(p.id), fits));
  };
  const product = (id: number) => {
    const p = catalog.find(id);
    if (!p) throw notFound('Product not found');
    return p;
  };

  app.get(
    '/store/products/featured',
    {
      schema: {
        tags,
        summary: 'Featured: the four best sellers',
        response: { 200: Success(Type.Array(StoreProductSchema)) },
      },
    },
    async () => ({
      status: 'success' as const,
      code: 200,
      data: cards(catalog.popular(FEATURED_COUNT)),
    }),
  );

  app.get(
    '/store/products/search',
    {
      schema: {
        tags,
        summary: 'Search and filter products (paged)',
        querystring: StoreSearchQuerySchema,
        response: { 200: SuccessPage(StoreProductSchema), ...storeErrors },
      },
    },
    async (req) => {
      const q = req.query;
      const { page = 1, limit = 12 } = q;
      if (q.category_id !== undefined && !categories.find(q.category_id)) {
        throw badRequest(`category_id ${q.category_id} does not exist`, 'category_id');
      }
      const range = q.price_range === undefined ? {} : parsePriceRange(q.price_range);
      if (!range) {
        throw badRequest(
          'price_range must look like "under 1000", "1000-2000" or "above 3000"',
          'price_range',
        );
      }
      const search = q.search?.trim() ? q.search : undefined;
      const result = catalog.page(
        {
          categoryId: q.category_id,
          conditions: q.condition ? [q.condition] : undefined,
          minPrice: range.min,
          maxPrice: range.max,
          sizes: q.size,
          colors: q.color,
          minRating: q.min_rating,
          search,
          sort: search ? 'relevance' : 'popular',
        },
        page,
        limit,
      );
      const lower = (s: string | null) => s?.toLowerCase();
      const fits = (v: Variant) =>
        (range.min === undefined || v.price >= range.min) &&
        (range.max === undefined || v.price <= range.max) &&
        (!q.condition || lower(v.condition) === lower(q.condition)) &&
        (!q.size?.length || q.size.some((s) => lower(s) === lower(v.size))) &&
        (!q.color?.length || q.color.some((c) => lower(c) === lower(v.color)));
      return {
        status: 'success' as const,
        code: 200,
        data: cards(result.items, fits),
        pagination: seed002Pagination(result.total, page, limit),
      };
    },
  );

  app.get(
    '/store/products/:product_id/detail',
    {
      schema: {
        tags,
        summary: 'Product detail: images, variants, rental info, specs',
        params: StoreProductIdParamsSchema,
        response: { 200: Success(StoreProductDetailSchema), ...storeErrors },
      },
    },
    async (req) => {
      const p = product(req.params.product_id);
      const variants = catalog.variants(p.id);
      const rentable = variants.find((v) => v.isRentable);
      return {
        status: 'success' as const,
        code: 200,
        data: {
          id: p.id,
          name: p.name,
          price: p.minPrice,
          thumbnail: p.thumbnail,
          description: p.description,
          category: { id: p.categoryId, name: p.categoryName },
          tags: catalog.tags(p.id),
          rating: averageRating(p),
          rating_count: p.ratingCount,
          sold_count: p.soldCount,
          images: catalog.images(p.id).map((i) => ({
            image_id: i.id,
            url: i.url,
            is_primary: i.isPrimary,
            caption: i.caption,
          })),
          variants: variants.map((v) => ({
            variant_id: v.id,
            product_id: p.id,
            sku: v.sku,
            color: v.color,
            size: v.size,
            condition: v.condition,
            price: v.price,
            stock: v.stock,
            is_rentable: v.isRentable,
            rent_price: v.rentPricePerDay,
          })),
          rental_info: {
            is_rentable: rentable !== undefined,
            rent_price: rentable?.rentPricePerDay ?? null,
            rent_unit: 'day' as const,
            security_deposit: rentable?.deposit ?? null,
          },
          specs: p.specs,
        },
      };
    },
  );

  app.get(
    '/store/products/:product_id/reviews',
    {
      schema: {
        tags,
        summary: "A product's reviews (paged)",
        params: StoreProductIdParamsSchema,
        querystring: ReviewsQuerySchema,
        response: { 200: StoreReviewsSchema, ...storeErrors },
      },
    },
    async (req) => {
      const p = product(req.params.product_id);
      const { page = 1, limit = 5 } = req.query;
      const { total, items } = ratings.list({ productId: p.id }, 'newest', page, limit);
      return {
        status: 'success' as const,
        code: 200,
        data: items.map((r) => ({
          username: r.userName,
          rate: r.stars,
          date: r.createdAt,
          comment: r.comment,
          review_image: r.images[0] ?? null,
          is_helpful: r.helpfulCount,
          admin_reply: r.adminReply,
        })),
        pagination: seed002Pagination(total, page, limit),
        product_id: p.id,
        average_rating: averageRating(p),
      };
    },
  );

  app.get(
    '/store/products/:product_id/similar',
    {
      schema: {
        tags,
        summary: 'Similar products (same category)',
        params: StoreProductIdParamsSchema,
        response: { 200: Success(Type.Array(StoreProductSchema)), ...storeErrors },
      },
    },
    async (req) => ({
      status: 'success' as const,
      code: 200,
      data: cards(catalog.similar(product(req.params.product_id), 8)),
    }),
  );
}
