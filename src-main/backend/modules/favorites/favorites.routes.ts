import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import { averageRating } from '#main/backend/modules/catalog/products.repo';
import {
  FavoriteBodySchema,
  FavoriteParamsSchema,
  FavoriteSchema,
  FavoritesQuerySchema,
  favoriteErrors,
} from '#shared/contracts/favorites';
import { Success, SuccessMessage, SuccessPage, seed002Pagination } from '#shared/contracts/store';
import type { FavoritesRepo } from './favorites.repo.ts';

/** Favorites (seed 000) under /api/v1 with the seed 002 envelope: list, add, remove. */
export async function favoritesRoutes(
  app: App,
  deps: { favorites: FavoritesRepo; catalog: CatalogService; guard: AuthGuard; clock: Clock },
) {
  const { favorites, catalog, guard, clock } = deps;
  const common = { preHandler: guard.required() };
  const tags = ['favorites'];
  const product = (ref: string | number) => {
    const p = catalog.find(ref);
    if (!p) throw notFound('Sản phẩm không tìm thấy');
    return p;
  };

  app.get(
    '/api/v1/favorites',
    {
      ...common,
      schema: {
        tags,
        summary: 'My favorite products, most recently added first',
        security: bearerSecurity,
        querystring: FavoritesQuerySchema,
        response: { 200: SuccessPage(FavoriteSchema), ...favoriteErrors },
      },
    },
    async (req) => {
      const { page = 1, limit = 20 } = req.query;
      const { total, rows } = favorites.page(req.user!.id, limit, (page - 1) * limit);
      const cards = new Map(catalog.cards(rows.map((r) => r.product_id)).map((p) => [p.id, p]));
      return {
        status: 'success' as const,
        code: 200,
        data: rows.flatMap((r) => {
          const p = cards.get(r.product_id);
          if (!p) return [];
          return [
            {
              product_id: p.id,
              product_uuid: p.uuid,
              name: p.name,
              price: p.minPrice,
              thumbnail: p.thumbnail,
              rating: averageRating(p),
              added_at: r.created_at,
            },
          ];
        }),
        pagination: seed002Pagination(total, page, limit),
      };
    },
  );

  app.post(
    '/api/v1/favorites',
    {
      ...common,
      schema: {
        tags,
        summary: 'Add a product to my favorites (idempotent)',
        security: bearerSecurity,
        body: FavoriteBodySchema,
        response: {
          201: Success(Type.Object({ product_id: Type.Integer(), added: Type.Boolean() })),
          ...favoriteErrors,
        },
      },
    },
    async (req, reply) => {
      const p = product(req.body.product_id);
      const added = favorites.add(req.user!.id, p.id, clock.now().toISOString());
      return reply.status(201).send({
        status: 'success',
        code: 201,
        data: { product_id: p.id, added },
        message: added ? 'Đã thêm vào yêu thích' : 'Sản phẩm đã có trong yêu thích',
      });
    },
  );

  app.delete(
    '/api/v1/favorites/:product_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Remove a product from my favorites',
        security: bearerSecurity,
        params: FavoriteParamsSchema,
        response: { 200: SuccessMessage, ...favoriteErrors },
      },
    },
    async (req) => {
      const p = catalog.findAny(Number(req.params.product_id)) ?? product(req.params.product_id);
      if (!favorites.remove(req.user!.id, p.id)) {
        throw notFound('Sản phẩm không có trong yêu thích');
      }
      return { status: 'success' as const, code: 200, message: 'Đã xóa khỏi yêu thích' };
    },
  );
}
