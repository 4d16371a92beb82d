import type { App } from '#main/backend/http/app-type';
import { ok } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import { errorResponses, Envelope } from '#shared/contracts/common';
import { MyOrderSchema, PickupOrderBodySchema } from '#shared/contracts/orders';
import { isStaffRole } from '#shared/contracts/roles';
import { OrderRefParamsSchema } from '#shared/contracts/payments';
import { SessionParamsSchema } from '#shared/contracts/sessions';
import { myOrderView } from './my-order-view.ts';
import type { OrdersRepo } from './orders.repo.ts';
import type { PickupOrdersRepo } from './pickup-orders.repo.ts';
import type { PickupService } from './pickup.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['orders'];

/** A smart-cart session's order (in-store pickup) and any order's detail for its owner. */
export async function pickupRoutes(
  app: App,
  deps: { pickup: PickupService; orders: OrdersRepo; pickups: PickupOrdersRepo; guard: AuthGuard },
) {
  const { pickup, orders, guard } = deps;
  const signedIn = guard.required();

  const visible = (user: User, ref: string) => {
    const row = deps.pickups.row(ref);
    if (!row) throw notFound('Không tìm thấy đơn hàng');
    if (row.user_id !== user.id && !isStaffRole(user.role)) {
      throw notFound('Không tìm thấy đơn hàng'); // not revealing that it exists
    }
    return row;
  };

  app.post(
    '/api/v1/sessions/:session_id/order',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Check out a smart-cart session for in-store pickup: locks the cart, makes its order (asking again returns it)',
        security: bearerSecurity,
        params: SessionParamsSchema,
        body: PickupOrderBodySchema,
        response: { 201: Envelope(MyOrderSchema), ...errors },
      },
    },
    async (req, reply) => {
      const id = pickup.order(req.user!, req.params.session_id, req.body?.voucher_code);
      return reply.status(201).send(ok(myOrderView(orders, deps.pickups.row(String(id))!), 201));
    },
  );

  app.get(
    '/api/v1/sessions/:session_id/order',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: "A smart-cart session's order (404 until checkout made one)",
        security: bearerSecurity,
        params: SessionParamsSchema,
        response: { 200: Envelope(MyOrderSchema), ...errors },
      },
    },
    async (req) => {
      const id = pickup.ofSession(req.user!, req.params.session_id);
      return ok(myOrderView(orders, deps.pickups.row(String(id))!));
    },
  );

  app.get(
    '/api/v1/orders/:order_id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'One of my orders (staff: any order) by id, UUID or number',
        security: bearerSecurity,
        params: OrderRefParamsSchema,
        response: { 200: Envelope(MyOrderSchema), ...errors },
      },
    },
    async (req) => ok(myOrderView(orders, visible(req.user!, req.params.order_id))),
  );
}
