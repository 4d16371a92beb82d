import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import { averageRating } from '#main/backend/modules/catalog/products.repo';
import {
  AdminIdParamsSchema,
  AdminReviewsQuerySchema,
  ReviewReplyBodySchema,
  ReviewReplyParamsSchema,
} from '#shared/contracts/admin-catalog';
import { errorResponses } from '#shared/contracts/common';
import { Success, seed002Pagination } from '#shared/contracts/store';
import type { Rating, RatingOrder } from './ratings.repo.ts';
import type { RatingsService } from './ratings.service.ts';

const errors = errorResponses(400, 401, 403, 404);

const ORDER: Record<string, RatingOrder> = {
  all: 'newest',
  highest: 'highest',
  lowest: 'lowest',
  unanswered: 'newest',
};

const ReviewSchema = Type.Object({
  id: Type.String(),
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    avatar_url: Type.Union([Type.String(), Type.Null()]),
  }),
  rating: Type.Integer(),
  created_at: Type.String(),
  content: Type.Union([Type.String(), Type.Null()]),
  images: Type.Array(Type.String()),
  admin_reply: Type.Union([
    Type.Object({ replied_at: Type.String(), content: Type.String() }),
    Type.Null(),
  ]),
  permissions: Type.Object({ can_reply: Type.Boolean() }),
});

const review = (r: Rating) => ({
  id: `REV-${r.id}`,
  user: { id: `CUS-${r.userId}`, username: r.userName, avatar_url: null },
  rating: r.stars,
  created_at: r.createdAt,
  content: r.comment,
  images: r.images,
  admin_reply:
    r.adminReply && r.adminRepliedAt
      ? { replied_at: r.adminRepliedAt, content: r.adminReply }
      : null,
  permissions: { can_reply: r.adminReply === null },
});

/** Seed 002 `/admin/reviews/{product_id}` and the reply it implies. */
export async function adminReviewsRoutes(
  app: App,
  { ratings, guard }: { ratings: RatingsService; guard: AuthGuard },
) {
  const preHandler = guard.required(['admin', 'product_staff']);
  const tags = ['admin reviews'];

  app.get(
    '/admin/reviews/:product_id',
    {
      preHandler,
      schema: {
        tags,
        summary: "A product's reviews with summary and distribution",
        security: bearerSecurity,
        params: AdminIdParamsSchema,
        querystring: AdminReviewsQuerySchema,
        response: {
          200: Success(
            Type.Object({
              summary: Type.Object({
                product_id: Type.Integer(),
                product_name: Type.String(),
                average_rating: Type.Number(),
                total_reviews: Type.Integer(),
                rating_distribution: Type.Record(Type.String(), Type.Integer()),
              }),
              reviews: Type.Array(ReviewSchema),
              pagination: Type.Object({
                total_items: Type.Integer(),
                total_pages: Type.Integer(),
                current_page: Type.Integer(),
                limit: Type.Integer(),
              }),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const { page = 1, limit = 5, filter_type = 'all' } = req.query;
      let p;
      try {
        p = ratings.product(String(req.params.product_id));
      } catch {
        throw notFound('Product not found');
      }
      const stats = ratings.statistics(p);
      const { total, items } = ratings.list(
        { productId: p.id, unanswered: filter_type === 'unanswered' },
        ORDER[filter_type]!,
        page,
        limit,
      );
      return {
        status: 'success' as const,
        code: 200,
        data: {
          summary: {
            product_id: p.id,
            product_name: p.name,
            average_rating: averageRating(p),
            total_reviews: stats.total,
            rating_distribution: Object.fromEntries(
              stats.buckets.map((b) => [`star_${b.stars}`, b.count]),
            ),
          },
          reviews: items.map(review),
          pagination: seed002Pagination(total, page, limit),
        },
      };
    },
  );

  app.post(
    '/admin/reviews/:review_id/reply',
    {
      preHandler,
      schema: {
        tags,
        summary:
          'Reply to a review as the shop (replaces an earlier reply); id as REV-n, n or UUID',
        security: bearerSecurity,
        params: ReviewReplyParamsSchema,
        body: ReviewReplyBodySchema,
        response: { 200: Success(ReviewSchema), ...errors },
      },
    },
    async (req) => {
      const ref = req.params.review_id.replace(/^REV-/i, '');
      const r = ratings.reply(req.user!, ref, req.body.content.trim());
      return { status: 'success' as const, code: 200, data: review(r), message: 'Reply saved' };
    },
  );
}
