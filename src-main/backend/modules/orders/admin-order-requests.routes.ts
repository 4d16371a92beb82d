import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import {
  OrderIdParamsSchema,
  RentalPreparationBodySchema,
  RequestReviewBodySchema,
  RequestReviewQuerySchema,
} from '#shared/contracts/order-requests';
import { SuccessMessage } from '#shared/contracts/store';
import type { OrderRequestsService } from './order-requests.service.ts';
import type { RentalsService } from './rentals.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const LABEL = { sale: 'Sales', rental: 'Rental' } as const;

/** Seed 002 staff routes: review a cancel or return request; prepare a rental's units. */
export async function adminOrderRequestsRoutes(
  app: App,
  deps: { requests: OrderRequestsService; rentals: RentalsService; guard: AuthGuard },
) {
  const { requests, rentals, guard } = deps;
  const staff = { preHandler: guard.required(['admin', 'order_staff']) };
  const tags = ['admin orders'];
  const security = bearerSecurity;

  app.post(
    '/admin/orders/:order_id/request-review',
    {
      ...staff,
      schema: {
        tags,
        summary: 'Accept or decline a cancel or return request',
        security,
        params: OrderIdParamsSchema,
        querystring: RequestReviewQuerySchema,
        body: RequestReviewBodySchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      const { decision, reason } = req.body;
      const kind = req.query.type;
      requests.review(req.user!, req.params.order_id, kind, decision, reason?.trim() || null);
      return {
        status: 'success' as const,
        code: 200,
        message: `${LABEL[kind]} order request ${decision === 'accept' ? 'accepted' : 'declined'}`,
      };
    },
  );

  app.post(
    '/admin/orders/:order_id/rental-preparation',
    {
      ...staff,
      schema: {
        tags,
        summary: 'Assign a unit (asset id) and its condition to a rental item',
        security,
        params: OrderIdParamsSchema,
        body: RentalPreparationBodySchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      rentals.prepare(req.user!, req.params.order_id, req.body);
      return {
        status: 'success' as const,
        code: 200,
        message: 'Rental item prepared and assigned successfully',
      };
    },
  );
}
