import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { badRequest, describeIssue, issueField } from '#main/backend/http/errors';
import { averageRating } from '#main/backend/modules/catalog/products.repo';
import { ProductIdParamsSchema } from '#shared/contracts/products';
import {
  MyRatingsQuerySchema,
  MyRatingsSchema,
  RatingBodySchema,
  RatingListQuerySchema,
  RatingListSchema,
  RatingParamsSchema,
  RatingSchema,
  RatingStatisticsSchema,
  ratingErrors,
} from '#shared/contracts/ratings';
import type { Rating } from './ratings.repo.ts';
import type { RatingsService } from './ratings.service.ts';

const INVALID = 'Đánh giá không hợp lệ';

/** Seed 001 answers every bad rating body with one message; the field is named after it. */
function checkBody(req: FastifyRequest): void {
  const issue = req.validationError?.validation?.[0];
  if (issue) throw badRequest(`${INVALID}: ${describeIssue(issue)}`, issueField(issue) || 'stars');
}

const view = (r: Rating) => ({
  id: r.uuid,
  product_id: r.productUuid,
  user_id: r.userUuid,
  stars: r.stars,
  comment: r.comment,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

/** Seed 001 ratings: create, update, delete, list, statistics, and the caller's own. */
export async function ratingsRoutes(
  app: App,
  { ratings, guard }: { ratings: RatingsService; guard: AuthGuard },
) {
  const tags = ['ratings'];
  const signedIn = (message: string) => guard.required(undefined, { unauthenticated: message });

  app.post(
    '/products/:productId/ratings',
    {
      attachValidation: true,
      preHandler: signedIn('Token không được xác thực'),
      schema: {
        tags,
        summary: 'Rate a product (one rating per account per product)',
        security: bearerSecurity,
        params: ProductIdParamsSchema,
        body: RatingBodySchema,
        response: { 201: RatingSchema, ...ratingErrors },
      },
    },
    async (req, reply) => {
      checkBody(req);
      const r = ratings.rate(
        req.user!,
        req.params.productId,
        req.body.stars,
        req.body.comment ?? null,
      );
      return reply.status(201).send(view(r));
    },
  );

  app.put(
    '/products/:productId/ratings/:ratingId',
    {
      attachValidation: true,
      preHandler: signedIn('Token không thể xác thực'),
      schema: {
        tags,
        summary: 'Change your rating',
        security: bearerSecurity,
        params: RatingParamsSchema,
        body: RatingBodySchema,
        response: { 200: RatingSchema, ...ratingErrors },
      },
    },
    async (req) => {
      checkBody(req);
      const { productId, ratingId } = req.params;
      const r = ratings.update(
        req.user!,
        productId,
        ratingId,
        req.body.stars,
        req.body.comment ?? null,
      );
      return view(r);
    },
  );

  app.delete(
    '/products/:productId/ratings/:ratingId',
    {
      preHandler: signedIn('Token không thể xác thực'),
      schema: {
        tags,
        summary: 'Delete your rating (admins may delete any)',
        security: bearerSecurity,
        params: RatingParamsSchema,
        response: { 204: Type.Null({ description: 'Deleted' }), ...ratingErrors },
      },
    },
    async (req, reply) => {
      ratings.remove(req.user!, req.params.productId, req.params.ratingId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/products/:productId/ratings',
    {
      schema: {
        tags,
        summary: "A product's ratings, filtered by stars and sorted",
        params: ProductIdParamsSchema,
        querystring: RatingListQuerySchema,
        response: { 200: RatingListSchema, ...ratingErrors },
      },
    },
    async (req) => {
      const { page = 1, limit = 20, stars, sort = 'newest' } = req.query;
      const p = ratings.product(req.params.productId);
      const { total, items } = ratings.list({ productId: p.id, stars }, sort, page, limit);
      return {
        data: items.map(view),
        pagination: { page, limit, total, total_pages: Math.ceil(total / limit) },
        filter: { stars: stars ?? null },
      };
    },
  );

  app.get(
    '/products/:productId/ratings/statistics',
    {
      schema: {
        tags,
        summary: 'Average, total and distribution of stars',
        params: ProductIdParamsSchema,
        response: { 200: RatingStatisticsSchema, ...ratingErrors },
      },
    },
    async (req) => {
      let p;
      try {
        p = ratings.product(req.params.productId);
      } catch {
        // Seed 001 documents 400 for an unknown product on this route.
        throw badRequest('Sản phẩm không tìm thấy', 'productId');
      }
      const { total, buckets } = ratings.statistics(p);
      return {
        product_id: p.uuid,
        summary: { avg_rating: averageRating(p), total_ratings: total },
        distribution: Object.fromEntries(
          buckets.map((b) => [String(b.stars), { count: b.count, percentage: b.percentage }]),
        ) as Record<'1' | '2' | '3' | '4' | '5', { count: number; percentage: number }>,
        distribution_chart: buckets,
      };
    },
  );

  app.get(
    '/ratings/me',
    {
      preHandler: signedIn('Token không thể xác thực'),
      schema: {
        tags,
        summary: 'Ratings the signed-in account has given',
        security: bearerSecurity,
        querystring: MyRatingsQuerySchema,
        response: { 200: MyRatingsSchema, ...ratingErrors },
      },
    },
    async (req) => {
      const { page = 1, limit = 20, sort = 'newest' } = req.query;
      const user = req.user!;
      const { total, items } = ratings.list({ userId: user.id }, sort, page, limit);
      const products = new Map(
        items.map((r) => [r.productId, ratings.productById(r.productId)] as const),
      );
      const summary = ratings.userSummary(user);
      return {
        data: items.map((r) => {
          const p = products.get(r.productId);
          return {
            id: r.uuid,
            product: {
              id: r.productUuid,
              name: p?.name ?? '',
              category: { id: p?.categoryUuid ?? '', name: p?.categoryName ?? '' },
            },
            stars: r.stars,
            comment: r.comment,
            created_at: r.createdAt,
            updated_at: r.updatedAt,
          };
        }),
        pagination: { page, limit, total, total_pages: Math.ceil(total / limit) },
        summary: {
          total_ratings: summary.total,
          avg_stars_given: Math.round(summary.average * 100) / 100,
        },
      };
    },
  );
}
