import { Type, type TSchema } from 'typebox';
import { errorResponses } from './common.ts';

// Seed 002 `/store/*` and `/admin/*` catalog contracts, in seed 002's envelope.

export const Seed002PaginationSchema = Type.Object({
  total_items: Type.Integer(),
  total_pages: Type.Integer(),
  current_page: Type.Integer(),
  limit: Type.Integer(),
});

/** Seed 002's pagination block for a page of `limit` items out of `total`. */
export const seed002Pagination = (total: number, page: number, limit: number) => ({
  total_items: total,
  total_pages: Math.ceil(total / limit),
  current_page: page,
  limit,
});

export const Success = <T extends TSchema>(data: T) =>
  Type.Object({
    status: Type.Literal('success'),
    code: Type.Integer(),
    data,
    message: Type.Optional(Type.String()),
  });

export const SuccessPage = <T extends TSchema>(item: T) =>
  Type.Object({
    status: Type.Literal('success'),
    code: Type.Integer(),
    data: Type.Array(item),
    pagination: Seed002PaginationSchema,
  });

export const SuccessMessage = Type.Object({
  status: Type.Literal('success'),
  code: Type.Integer(),
  message: Type.String(),
});

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const StoreProductSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  price: Type.Integer({ description: 'Lowest variant price, in đồng' }),
  thumbnail: Nullable(Type.String()),
  rating: Type.Number(),
  sold_count: Type.Integer(),
  condition: Nullable(Type.String()),
  size: Nullable(Type.String()),
  color: Nullable(Type.String()),
});

export const StoreSearchQuerySchema = Type.Object({
  category_id: Type.Optional(Type.Integer({ minimum: 1 })),
  condition: Type.Optional(Type.String({ maxLength: 40 })),
  price_range: Type.Optional(
    Type.String({
      maxLength: 40,
      description: '"under N", "N-M" or "above N" (đồng), e.g. "under 1000", "1000-2000"',
    }),
  ),
  size: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  color: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  min_rating: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
  search: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 12 })),
});

export const StoreProductIdParamsSchema = Type.Object({ product_id: Type.Integer({ minimum: 1 }) });

export const StoreVariantSchema = Type.Object({
  variant_id: Type.Integer(),
  product_id: Type.Integer(),
  sku: Type.String(),
  color: Nullable(Type.String()),
  size: Nullable(Type.String()),
  condition: Type.String(),
  price: Type.Integer(),
  stock: Type.Integer(),
  is_rentable: Type.Boolean(),
  rent_price: Nullable(Type.Integer()),
});

export const StoreProductDetailSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  price: Type.Integer(),
  thumbnail: Nullable(Type.String()),
  description: Nullable(Type.String()),
  category: Type.Object({ id: Type.Integer(), name: Type.String() }),
  tags: Type.Array(Type.String()),
  rating: Type.Number(),
  rating_count: Type.Integer(),
  sold_count: Type.Integer(),
  images: Type.Array(
    Type.Object({
      image_id: Type.Integer(),
      url: Type.String(),
      is_primary: Type.Boolean(),
      caption: Nullable(Type.String()),
    }),
  ),
  variants: Type.Array(StoreVariantSchema),
  rental_info: Type.Object({
    is_rentable: Type.Boolean(),
    rent_price: Nullable(Type.Integer()),
    rent_unit: Type.Literal('day'),
    security_deposit: Nullable(Type.Integer()),
  }),
  specs: Type.Record(Type.String(), Type.String()),
});

export const ReviewsQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 5 })),
});

export const StoreReviewSchema = Type.Object({
  username: Type.String(),
  rate: Type.Integer(),
  date: Type.String(),
  comment: Nullable(Type.String()),
  review_image: Nullable(Type.String()),
  is_helpful: Type.Integer(),
  admin_reply: Nullable(Type.String()),
});

export const StoreReviewsSchema = Type.Object({
  status: Type.Literal('success'),
  code: Type.Integer(),
  data: Type.Array(StoreReviewSchema),
  pagination: Seed002PaginationSchema,
  product_id: Type.Integer(),
  average_rating: Type.Number(),
});

export const storeErrors = errorResponses(400, 404);
