import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { okMessage } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import {
  PromotionBodySchema,
  PromotionParamsSchema,
  PromotionPatchSchema,
  PromotionSchema,
  PromotionsQuerySchema,
  VoucherSchema,
  VouchersQuerySchema,
} from '#shared/contracts/promotions';
import { Success, SuccessMessage, SuccessPage, seed002Pagination } from '#shared/contracts/store';
import { toVietnamLocal } from '#shared/text/vietnam-time';
import type { Promotion } from './promotions.repo.ts';
import type { PromotionsService } from './promotions.service.ts';

const errors = errorResponses(400, 401, 403, 404);

const view = (p: Promotion) => ({
  id: p.id,
  name: p.name,
  code: p.code,
  scope: p.scope,
  // Seed 002 shows dates as Vietnam wall-clock time: what the admin typed comes back as typed.
  start_date: toVietnamLocal(p.startsAt),
  end_date: toVietnamLocal(p.endsAt),
  quantity: p.quantity,
  target_ranks: p.targetRanks,
  status: p.active,
  discount_config: { type: p.discountType, value: p.discountValue },
  min_order_amount: p.minOrderAmount,
  used_count: p.usedCount,
  product_ids: p.productIds,
  category_ids: p.categoryIds,
});

/** Seed 002 `/admin/promotions` (admin) and `/store/vouchers` (public). */
export async function promotionsRoutes(
  app: App,
  { promotions, guard }: { promotions: PromotionsService; guard: AuthGuard },
) {
  const admin = { preHandler: guard.required(['admin']) };
  const tags = ['promotions'];
  const security = bearerSecurity;

  app.get(
    '/store/vouchers',
    {
      schema: {
        tags,
        summary: 'Vouchers usable now, optionally for one scope (buy, rent, all)',
        querystring: VouchersQuerySchema,
        response: { 200: Success(Type.Array(VoucherSchema)), ...errors },
      },
    },
    async (req) => {
      const scope = req.query.scope;
      const list = promotions
        .available()
        .filter((p) => !scope || scope === 'all' || p.scope === scope || p.scope === 'all');
      return {
        status: 'success' as const,
        code: 200,
        data: list.map((p) => ({
          id: p.id,
          code: p.code,
          name: p.name,
          scope: p.scope,
          discount_type: p.discountType,
          discount_value: p.discountValue,
          min_order_amount: p.minOrderAmount,
          start_date: toVietnamLocal(p.startsAt),
          end_date: toVietnamLocal(p.endsAt),
          target_rank: p.targetRanks[0] ?? null,
        })),
      };
    },
  );

  app.get(
    '/admin/promotions',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Promotions (paged)',
        security,
        querystring: PromotionsQuerySchema,
        response: { 200: SuccessPage(PromotionSchema), ...errors },
      },
    },
    async (req) => {
      const { page = 1, limit = 10 } = req.query;
      const { total, items } = promotions.page(page, limit);
      return {
        status: 'success' as const,
        code: 200,
        data: items.map(view),
        pagination: seed002Pagination(total, page, limit),
      };
    },
  );

  app.post(
    '/admin/promotions',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Create a promotion',
        security,
        body: PromotionBodySchema,
        response: { 200: Success(Type.Object({ id: Type.Integer() })), ...errors },
      },
    },
    async (req) => ({
      ...okMessage('Promotion Created'),
      data: { id: promotions.create(req.user!, req.body) },
    }),
  );

  app.get(
    '/admin/promotions/:promotion_id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'A promotion',
        security,
        params: PromotionParamsSchema,
        response: { 200: Success(PromotionSchema), ...errors },
      },
    },
    async (req) => ({
      status: 'success' as const,
      code: 200,
      data: view(promotions.get(req.params.promotion_id)),
    }),
  );

  app.patch(
    '/admin/promotions/:promotion_id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Update a promotion',
        security,
        params: PromotionParamsSchema,
        body: PromotionPatchSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      promotions.update(req.user!, req.params.promotion_id, req.body);
      return okMessage('Promotion updated successfully');
    },
  );

  app.delete(
    '/admin/promotions/:promotion_id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Delete (or deactivate, once used) a promotion',
        security,
        params: PromotionParamsSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) =>
      okMessage(
        promotions.remove(req.user!, req.params.promotion_id) === 'deleted'
          ? 'Promotion permanently deleted'
          : 'Promotion has usage history. It has been deactivated/expired instead of deleted.',
      ),
  );
}
