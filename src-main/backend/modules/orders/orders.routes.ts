import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import {
  MyOrderSchema,
  MyOrdersQuerySchema,
  StoreCheckoutBodySchema,
  StoreCheckoutResultSchema,
} from '#shared/contracts/orders';
import { Success, SuccessPage, seed002Pagination } from '#shared/contracts/store';
import { myOrderView } from './my-order-view.ts';
import type { OrdersRepo } from './orders.repo.ts';
import type { ShopCheckoutService } from './shop-checkout.service.ts';
import type { StoreCheckoutService } from './store-checkout.service.ts';
import { ShopCheckoutBodySchema, ShopCheckoutResponseSchema } from '#shared/contracts/shop-cart';

const errors = errorResponses(400, 401, 404, 409);

/** Seed 002 checkout and the customer's order history under /api/v1. */
export async function ordersRoutes(
  app: App,
  deps: {
    checkout: StoreCheckoutService;
    shopCheckout: ShopCheckoutService;
    orders: OrdersRepo;
    guard: AuthGuard;
  },
) {
  const { checkout, shopCheckout, orders, guard } = deps;
  const common = { preHandler: guard.required() };
  const security = bearerSecurity;

  app.post(
    '/store/order/checkout',
    {
      ...common,
      schema: {
        tags: ['store cart'],
        summary: 'Turn the cart into one sale and/or one rental order',
        security,
        body: StoreCheckoutBodySchema,
        response: { 200: Success(StoreCheckoutResultSchema), ...errors },
      },
    },
    async (req) => {
      const r = checkout.checkout(req.user!, req.body);
      return {
        status: 'success' as const,
        code: 200,
        data: {
          message: 'Order placed successfully',
          buy_order_id: r.buyOrderId,
          buy_order_number: r.buyOrderNumber,
          rent_order_id: r.rentOrderId,
          rent_order_number: r.rentOrderNumber,
          total_amount: r.total,
        },
      };
    },
  );

  app.post(
    '/api/checkout',
    {
      preHandler: guard.optional(),
      schema: {
        tags: ['shop'],
        summary: 'Create an order with upsell services; every total is recomputed by the server',
        body: ShopCheckoutBodySchema,
        response: { 200: ShopCheckoutResponseSchema, ...errors },
      },
    },
    async (req) => {
      const r = shopCheckout.checkout(req.user, req.body);
      return {
        success: true as const,
        data: {
          orderId: r.number,
          order: {
            id: r.number,
            status: 'pending',
            ...r.totals,
            itemCount: r.itemCount,
            paymentMethod: req.body.paymentDetails.method,
            estimatedDelivery: r.estimatedDelivery,
          },
          message: 'Đơn hàng đã được tạo thành công',
        },
      };
    },
  );

  app.get(
    '/api/v1/orders',
    {
      ...common,
      schema: {
        tags: ['orders'],
        summary: 'My orders, newest first, with lines and status history',
        security,
        querystring: MyOrdersQuerySchema,
        response: { 200: SuccessPage(MyOrderSchema), ...errors },
      },
    },
    async (req) => {
      const { page = 1, limit = 10 } = req.query;
      const { total, rows } = orders.forUser(req.user!.id, limit, (page - 1) * limit);
      return {
        status: 'success' as const,
        code: 200,
        data: rows.map((o) => myOrderView(orders, o)),
        pagination: seed002Pagination(total, page, limit),
      };
    },
  );
}
