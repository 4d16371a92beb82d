import { Type } from 'typebox';

// Seed 003 `/api/products` (gift shop contracts): camelCase, string ids, `success` flag.

export const SHOP_SORTS = [
  'newest',
  'oldest',
  'price_asc',
  'price_desc',
  'name',
  'rating',
  'popular',
] as const;

export const ShopProductsQuerySchema = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 100 })),
  minPrice: Type.Optional(Type.Integer({ minimum: 0 })),
  maxPrice: Type.Optional(Type.Integer({ minimum: 0 })),
  size: Type.Optional(Type.String({ maxLength: 40 })),
  tags: Type.Optional(Type.String({ maxLength: 400, description: 'Comma-separated tags' })),
  isHot: Type.Optional(Type.Boolean()),
  search: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 12 })),
  sort: Type.Optional(Type.Enum([...SHOP_SORTS])),
});

export const ShopProductSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  tags: Type.Array(Type.String()),
  minPrice: Type.Integer(),
  maxPrice: Type.Integer(),
  images: Type.Array(Type.String()),
  isHot: Type.Boolean(),
  variantCount: Type.Integer(),
  rating: Type.Number(),
});

export const ShopProductsResponseSchema = Type.Object({
  success: Type.Literal(true),
  data: Type.Object({
    products: Type.Array(ShopProductSchema),
    pagination: Type.Object({
      page: Type.Integer(),
      limit: Type.Integer(),
      total: Type.Integer(),
      totalPages: Type.Integer(),
      hasNext: Type.Boolean(),
      hasPrev: Type.Boolean(),
    }),
    filters: Type.Object({
      applied: Type.Record(Type.String(), Type.Unknown()),
      available: Type.Object({
        categories: Type.Array(
          Type.Object({ slug: Type.String(), name: Type.String(), count: Type.Integer() }),
        ),
        priceRange: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
        sizes: Type.Array(Type.String()),
        tags: Type.Array(Type.String()),
      }),
    }),
  }),
});

export const ShopErrorSchema = Type.Object({
  success: Type.Literal(false),
  detail: Type.String(),
  code: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
});

/** Seed 003's variant id form, `v<productId>-<variantId>` (e.g. "v1-2"). */
export const shopVariantId = (productId: number, variantId: number) => `v${productId}-${variantId}`;
