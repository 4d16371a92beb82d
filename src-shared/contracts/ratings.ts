import { Type } from 'typebox';
import { errorResponses, IsoDateTime } from './common.ts';
import { CategoryRefSchema, PageQuery, Seed001PaginationSchema } from './products.ts';

// Seed 001 ratings contracts. Stars and comment are checked by the route so that a bad value
// gets seed 001's message ("Đánh giá không hợp lệ") with the field named.

export const RatingBodySchema = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
});

export const RatingSchema = Type.Object({
  id: Type.String(),
  product_id: Type.String(),
  user_id: Type.String(),
  stars: Type.Integer(),
  comment: Type.Union([Type.String(), Type.Null()]),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
});

export const RatingParamsSchema = Type.Object({
  productId: Type.String({ maxLength: 64 }),
  ratingId: Type.String({ maxLength: 64 }),
});

export const RatingSort = Type.Enum(['newest', 'oldest', 'highest', 'lowest']);

export const RatingListQuerySchema = Type.Object({
  ...PageQuery,
  stars: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  sort: Type.Optional(RatingSort),
});

export const RatingListSchema = Type.Object({
  data: Type.Array(RatingSchema),
  pagination: Seed001PaginationSchema,
  filter: Type.Object({ stars: Type.Union([Type.Integer(), Type.Null()]) }),
});

const Bucket = Type.Object({ count: Type.Integer(), percentage: Type.Number() });

export const RatingStatisticsSchema = Type.Object({
  product_id: Type.String(),
  summary: Type.Object({ avg_rating: Type.Number(), total_ratings: Type.Integer() }),
  distribution: Type.Object({ '5': Bucket, '4': Bucket, '3': Bucket, '2': Bucket, '1': Bucket }),
  distribution_chart: Type.Array(
    Type.Object({ stars: Type.Integer(), count: Type.Integer(), percentage: Type.Number() }),
  ),
});

export const MyRatingsQuerySchema = Type.Object({ ...PageQuery, sort: Type.Optional(RatingSort) });

export const MyRatingsSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      product: Type.Object({ id: Type.String(), name: Type.String(), category: CategoryRefSchema }),
      stars: Type.Integer(),
      comment: Type.Union([Type.String(), Type.Null()]),
      created_at: IsoDateTime,
      updated_at: IsoDateTime,
    }),
  ),
  pagination: Seed001PaginationSchema,
  summary: Type.Object({ total_ratings: Type.Integer(), avg_stars_given: Type.Number() }),
});

export const ratingErrors = errorResponses(400, 401, 403, 404, 409);
