import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import {
  BuyOutResultSchema,
  OrderIdParamsSchema,
  OrderRequestBodySchema,
  OrderRequestResultSchema,
} from '#shared/contracts/order-requests';
import { Success } from '#shared/contracts/store';
import type { OrderRequestsService } from './order-requests.service.ts';
import type { RequestKind } from './order-states.ts';
import type { RentalsService } from './rentals.service.ts';

const errors = errorResponses(400, 401, 404, 409);

/** The customer's side under /api/v1/orders: cancel and return requests, rent-to-own. */
export async function orderRequestsRoutes(
  app: App,
  deps: { requests: OrderRequestsService; rentals: RentalsService; guard: AuthGuard },
) {
  const { requests, rentals, guard } = deps;
  const signedIn = { preHandler: guard.required() };
  const tags = ['orders'];
  const security = bearerSecurity;

  const requestRoute = (kind: RequestKind, summary: string, message: string) =>
    app.post(
      `/api/v1/orders/:order_id/${kind}-request`,
      {
        ...signedIn,
        // The body is optional: a bare POST asks without a reason.
        preValidation: async (req) => {
          req.body ??= {};
        },
        schema: {
          tags,
          summary,
          security,
          params: OrderIdParamsSchema,
          body: OrderRequestBodySchema,
          response: { 200: Success(OrderRequestResultSchema), ...errors },
        },
      },
      async (req) => {
        const reason = req.body.reason?.trim() || null;
        const order = requests.request(req.user!, req.params.order_id, kind, reason);
        return {
          status: 'success' as const,
          code: 200,
          message,
          data: {
            id: order.id,
            number: order.number,
            type: order.kind,
            status: order.status,
            requested_from_status: order.row.status as string,
          },
        };
      },
    );
  requestRoute(
    'cancel',
    'Ask to cancel my order (sale: Pending or Confirmed; rental: Confirmed or Preparing)',
    'Cancel request sent',
  );
  requestRoute('return', 'Ask to return my rental (Active or Overdue)', 'Return request sent');

  app.post(
    '/api/v1/orders/:order_id/buy-out',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Rent-to-own: buy the rented items, less the rent deduction (owner or staff)',
        security,
        params: OrderIdParamsSchema,
        response: { 200: Success(BuyOutResultSchema), ...errors },
      },
    },
    async (req) => {
      const r = rentals.buyOut(req.user!, req.params.order_id);
      return {
        status: 'success' as const,
        code: 200,
        message: 'Rental bought out',
        data: {
          rental_order_id: r.rental.id,
          rental_order_number: r.rental.number,
          sale_order_id: r.saleId,
          sale_order_number: r.number,
          subtotal: r.subtotal,
          rent_deduction: r.deduction,
          total_amount: r.total,
          overdue_fee: r.overdueFee,
        },
      };
    },
  );
}
