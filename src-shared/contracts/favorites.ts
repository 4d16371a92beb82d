import { Type } from 'typebox';
import { errorResponses } from './common.ts';

export const FavoriteBodySchema = Type.Object({
  product_id: Type.Union(
    [Type.Integer({ minimum: 1 }), Type.String({ minLength: 1, maxLength: 64 })],
    {
      description: 'Product id (integer) or UUID',
    },
  ),
});

export const FavoriteParamsSchema = Type.Object({ product_id: Type.String({ maxLength: 64 }) });

export const FavoritesQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const FavoriteSchema = Type.Object({
  product_id: Type.Integer(),
  product_uuid: Type.String(),
  name: Type.String(),
  price: Type.Integer(),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Number(),
  added_at: Type.String(),
});

export const favoriteErrors = errorResponses(400, 401, 404);
