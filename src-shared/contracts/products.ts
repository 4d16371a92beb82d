import { Type, type Static } from 'typebox';
import { errorResponses, IsoDateTime } from './common.ts';

// Seed 001 `/products*` contracts. Ids are the UUIDs seed 001 documents; the local integer id
// is accepted in paths too.

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const ProductsQuerySchema = Type.Object({
  ...PageQuery,
  category_id: Type.Optional(Type.String({ maxLength: 64 })),
  sort: Type.Optional(Type.Enum(['rating', 'newest', 'name'])),
});
export type ProductsQuery = Static<typeof ProductsQuerySchema>;

export const ProductSearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  ...PageQuery,
  category_id: Type.Optional(Type.String({ maxLength: 64 })),
});

export const CategoryRefSchema = Type.Object({ id: Type.String(), name: Type.String() });

export const ProductSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  category: CategoryRefSchema,
  avg_rating: Type.Number(),
  rating_count: Type.Integer(),
  price: Type.Integer({ description: 'Lowest variant price, in đồng' }),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  created_at: IsoDateTime,
});

export const Seed001PaginationSchema = Type.Object({
  page: Type.Integer(),
  limit: Type.Integer(),
  total: Type.Integer(),
  total_pages: Type.Integer(),
});

export const ProductListSchema = Type.Object({
  data: Type.Array(ProductSummarySchema),
  pagination: Seed001PaginationSchema,
});

export const ProductSearchResultSchema = Type.Object({
  data: Type.Array(ProductSummarySchema),
  pagination: Type.Object({
    q: Type.String(),
    page: Type.Integer(),
    limit: Type.Integer(),
    total: Type.Integer(),
    total_pages: Type.Integer(),
  }),
});

export const ProductDetailSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  category: CategoryRefSchema,
  avg_rating: Type.Number(),
  rating_count: Type.Integer(),
  price: Type.Integer(),
  max_price: Type.Integer(),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
});

export const ProductIdParamsSchema = Type.Object({ productId: Type.String({ maxLength: 64 }) });

export const SimilarQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});

export const SimilarListSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      category: CategoryRefSchema,
      avg_rating: Type.Number(),
      rating_count: Type.Integer(),
    }),
  ),
});

export const LinkedProductSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  avg_rating: Type.Number(),
  rating_count: Type.Integer(),
});

export const RelatedQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});

export const PopularQuerySchema = Type.Object({
  category_id: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

export const LinkedListSchema = Type.Object({ data: Type.Array(LinkedProductSchema) });

export const productErrors = errorResponses(400, 404);
