import type { App } from '#main/backend/http/app-type';
import { badRequest } from '#main/backend/http/errors';
import {
  ShopErrorSchema,
  ShopProductsQuerySchema,
  ShopProductsResponseSchema,
} from '#shared/contracts/shop';
import type { CatalogService } from './catalog.service.ts';
import type { CategoriesRepo } from './categories.repo.ts';
import type { CatalogFacets } from './facets.ts';
import type { ProductSort } from './product-listing.ts';
import { averageRating } from './products.repo.ts';

/** Seed 003 `GET /api/products`: filters, sorting, paging and the facets to filter by. */
export async function shopProductsRoutes(
  app: App,
  deps: { catalog: CatalogService; categories: CategoriesRepo; facets: CatalogFacets },
) {
  const { catalog, categories, facets } = deps;

  app.get(
    '/api/products',
    {
      schema: {
        tags: ['shop'],
        summary: 'Products with filters, sorting, pagination and available facets',
        querystring: ShopProductsQuerySchema,
        response: { 200: ShopProductsResponseSchema, 400: ShopErrorSchema },
      },
    },
    async (req) => {
      const q = req.query;
      const { page = 1, limit = 12 } = q;
      if (q.category !== undefined && !categories.find(q.category)) {
        throw badRequest(`category "${q.category}" does not exist`, 'category');
      }
      if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice) {
        throw badRequest('minPrice must not be greater than maxPrice', 'minPrice');
      }
      const tags = q.tags
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const category = q.category === undefined ? undefined : categories.find(q.category)!;
      const search = q.search?.trim() ? q.search : undefined;
      const sort: ProductSort = q.sort ?? (search ? 'relevance' : 'newest');
      const result = catalog.page(
        {
          categoryId: category?.id,
          minPrice: q.minPrice,
          maxPrice: q.maxPrice,
          sizes: q.size ? [q.size] : undefined,
          tags: tags?.length ? tags : undefined,
          isHot: q.isHot,
          search,
          sort,
        },
        page,
        limit,
      );
      const ids = result.items.map((p) => p.id);
      const variants = catalog.variantsOfMany(ids);
      const tagsOf = catalog.tagsOfMany(ids);
      const imagesOf = catalog.imageUrlsOfMany(ids);
      const applied = Object.fromEntries(
        Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'limit'),
      );
      return {
        success: true as const,
        data: {
          products: result.items.map((p) => ({
            id: String(p.id),
            name: p.name,
            slug: p.slug,
            category: p.categorySlug,
            categoryName: p.categoryName,
            tags: tagsOf.get(p.id) ?? [],
            minPrice: p.minPrice,
            maxPrice: p.maxPrice,
            images: imagesOf.get(p.id) ?? [],
            isHot: p.isHot,
            variantCount: variants.get(p.id)?.length ?? 0,
            rating: averageRating(p),
          })),
          pagination: {
            page,
            limit,
            total: result.total,
            totalPages: result.totalPages,
            hasNext: page < result.totalPages,
            hasPrev: page > 1,
          },
          filters: { applied, available: facets.current() },
        },
      };
    },
  );
}
