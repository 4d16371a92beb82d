import type { App } from '#main/backend/http/app-type';
import { badRequest } from '#main/backend/http/errors';
import {
  LinkedListSchema,
  PopularQuerySchema,
  ProductDetailSchema,
  ProductIdParamsSchema,
  ProductListSchema,
  ProductSearchQuerySchema,
  ProductSearchResultSchema,
  ProductsQuerySchema,
  RelatedQuerySchema,
  SimilarListSchema,
  SimilarQuerySchema,
  productErrors,
} from '#shared/contracts/products';
import type { CatalogService } from './catalog.service.ts';
import type { CategoriesRepo } from './categories.repo.ts';
import type { ProductSort } from './product-listing.ts';
import { averageRating, type ProductCard } from './products.repo.ts';

const NOT_FOUND = 'Sản phẩm không tìm thấy';
const SORTS: Record<string, ProductSort> = { rating: 'rating', newest: 'newest', name: 'name' };

const categoryRef = (p: ProductCard) => ({ id: p.categoryUuid, name: p.categoryName });

const summary = (p: ProductCard) => ({
  id: p.uuid,
  name: p.name,
  category: categoryRef(p),
  avg_rating: averageRating(p),
  rating_count: p.ratingCount,
  price: p.minPrice,
  thumbnail: p.thumbnail,
  created_at: p.createdAt,
});

const linked = (type: string) => (p: ProductCard) => ({
  id: p.uuid,
  name: p.name,
  type,
  avg_rating: averageRating(p),
  rating_count: p.ratingCount,
});

/** Seed 001 `/products*`: listing, Vietnamese search, detail, similar, related, popular. */
export async function productsRoutes(
  app: App,
  { catalog, categories }: { catalog: CatalogService; categories: CategoriesRepo },
) {
  const tags = ['products'];

  /** An unknown category filter is the client's mistake: say so rather than list nothing. */
  function categoryId(ref: string | undefined): number | undefined {
    if (ref === undefined) return undefined;
    const category = categories.find(ref);
    if (!category) throw badRequest(`category_id ${ref} does not exist`, 'category_id');
    return category.id;
  }

  function product(ref: string): ProductCard {
    const found = catalog.find(ref);
    // Seed 001 documents 400 for an unknown product on these routes.
    if (!found) throw badRequest(NOT_FOUND, 'productId');
    return found;
  }

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'List products (paged, by category, sorted)',
        querystring: ProductsQuerySchema,
        response: { 200: ProductListSchema, ...productErrors },
      },
    },
    async (req) => {
      const { page = 1, limit = 20, sort = 'newest' } = req.query;
      const result = catalog.page(
        { categoryId: categoryId(req.query.category_id), sort: SORTS[sort]! },
        page,
        limit,
      );
      return {
        data: result.items.map(summary),
        pagination: { page, limit, total: result.total, total_pages: result.totalPages },
      };
    },
  );

  app.get(
    '/products/search',
    {
      schema: {
        tags,
        summary: 'Search products: diacritic-insensitive, prefixes, one typo on long words',
        querystring: ProductSearchQuerySchema,
        response: { 200: ProductSearchResultSchema, ...productErrors },
      },
    },
    async (req) => {
      const { q, page = 1, limit = 20 } = req.query;
      if (!q.trim()) throw badRequest('q must not be blank', 'q');
      const result = catalog.page(
        { search: q, categoryId: categoryId(req.query.category_id), sort: 'relevance' },
        page,
        limit,
      );
      return {
        data: result.items.map(summary),
        pagination: { q, page, limit, total: result.total, total_pages: result.totalPages },
      };
    },
  );

  app.get(
    '/products/popular',
    {
      schema: {
        tags,
        summary: 'Most popular products (sales, then ratings)',
        querystring: PopularQuerySchema,
        response: { 200: LinkedListSchema, ...productErrors },
      },
    },
    async (req) => {
      const { limit = 10 } = req.query;
      const items = catalog.popular(limit, categoryId(req.query.category_id));
      return { data: items.map(linked('popular')) };
    },
  );

  app.get(
    '/products/:productId',
    {
      schema: {
        tags,
        summary: 'Product detail',
        params: ProductIdParamsSchema,
        response: { 200: ProductDetailSchema, ...productErrors },
      },
    },
    async (req) => {
      const p = product(req.params.productId);
      return {
        id: p.uuid,
        name: p.name,
        description: p.description,
        category: categoryRef(p),
        avg_rating: averageRating(p),
        rating_count: p.ratingCount,
        price: p.minPrice,
        max_price: p.maxPrice,
        thumbnail: p.thumbnail,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      };
    },
  );

  app.get(
    '/products/:productId/similar',
    {
      schema: {
        tags,
        summary: 'Similar products (same category)',
        params: ProductIdParamsSchema,
        querystring: SimilarQuerySchema,
        response: { 200: SimilarListSchema, ...productErrors },
      },
    },
    async (req) => {
      const items = catalog.similar(product(req.params.productId), req.query.limit ?? 5);
      return {
        data: items.map((p) => ({
          id: p.uuid,
          name: p.name,
          category: categoryRef(p),
          avg_rating: averageRating(p),
          rating_count: p.ratingCount,
        })),
      };
    },
  );

  app.get(
    '/products/:productId/related',
    {
      schema: {
        tags,
        summary: 'Related products (bought together, sharing tags)',
        params: ProductIdParamsSchema,
        querystring: RelatedQuerySchema,
        response: { 200: LinkedListSchema, ...productErrors },
      },
    },
    async (req) => {
      const items = catalog.related(product(req.params.productId), req.query.limit ?? 5);
      return { data: items.map(linked('related')) };
    },
  );
}
