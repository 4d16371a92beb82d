import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import { errorResponses } from '#shared/contracts/common';
import { Success, SuccessMessage, SuccessPage, seed002Pagination } from '#shared/contracts/store';
import type { AdminOrdersService } from './admin-orders.service.ts';
import { actionsFor } from './order-states.ts';
import type { OrdersRepo } from './orders.repo.ts';

const errors = errorResponses(400, 401, 403, 404);
const Kind = Type.Enum(['sale', 'rental']);
const OrderRow = Type.Object({
  id: Type.String(),
  db_id: Type.Integer(),
  type: Type.String(),
  customer_name: Type.String(),
  created_at: Type.String(),
  status: Type.String(),
  status_label: Type.String(),
  total_amount: Type.Integer(),
});
const OrderDetail = Type.Object(
  {
    id: Type.String(),
    db_id: Type.Integer(),
    type: Type.String(),
    status: Type.String(),
    created_at: Type.String(),
    subtotal: Type.Integer(),
    total_due: Type.Integer(),
    actions: Type.Object({
      can_cancel: Type.Boolean(),
      can_confirm: Type.Boolean(),
      can_ship: Type.Boolean(),
      can_complete: Type.Boolean(),
    }),
  },
  { additionalProperties: true },
);
const IdParams = Type.Object({ order_id: Type.Integer({ minimum: 1 }) });
const PageQuery = {
  type: Type.Optional(Type.Enum(['all', 'sale', 'rental'])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
};

/** One page of seed 002 order rows, for /admin/orders and /admin/customers/{id}/orders alike. */
function orderPage(
  orders: OrdersRepo,
  q: { type?: 'all' | 'sale' | 'rental'; page?: number; limit?: number; search?: string },
  customerId: number | null = null,
) {
  const { type = 'all', page = 1, limit = 10 } = q;
  const search = q.search?.trim() || null;
  const { total, rows } = orders.adminPage(type, search, limit, (page - 1) * limit, customerId);
  return {
    status: 'success' as const,
    code: 200,
    data: rows.map((o) => ({
      id: o.number as string,
      db_id: o.id as number,
      type: o.kind as string,
      customer_name: (o.customer_name as string | null) ?? (o.guest_email as string | null) ?? '',
      created_at: o.created_at as string,
      status: o.status as string,
      status_label: o.status as string,
      total_amount: o.total as number,
    })),
    pagination: seed002Pagination(total, page, limit),
  };
}

/** Seed 002 `/admin/orders`: list, detail with `actions`, status changes. */
export async function adminOrdersRoutes(
  app: App,
  deps: { orders: OrdersRepo; admin: AdminOrdersService; guard: AuthGuard },
) {
  const { orders, admin, guard } = deps;
  const staff = { preHandler: guard.required(['admin', 'order_staff']) };
  const tags = ['admin orders'];
  const security = bearerSecurity;

  app.get(
    '/admin/orders',
    {
      ...staff,
      schema: {
        tags,
        summary: 'Sales and rental orders (paged)',
        security,
        querystring: Type.Object({
          ...PageQuery,
          search: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: SuccessPage(OrderRow), ...errors },
      },
    },
    async (req) => orderPage(orders, req.query),
  );

  app.get(
    '/admin/customers/:customer_id/orders',
    {
      ...staff,
      schema: {
        tags,
        summary: "A customer's sales and rental orders (paged)",
        security,
        params: Type.Object({ customer_id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object(PageQuery),
        response: { 200: SuccessPage(OrderRow), ...errors },
      },
    },
    async (req) => {
      if (!orders.isCustomer(req.params.customer_id)) throw notFound('Customer not found');
      return orderPage(orders, req.query, req.params.customer_id);
    },
  );

  app.get(
    '/admin/orders/:order_id',
    {
      ...staff,
      schema: {
        tags,
        summary: 'Order detail with the actions allowed now',
        security,
        params: IdParams,
        querystring: Type.Object({ type: Kind }),
        response: { 200: Success(OrderDetail), ...errors },
      },
    },
    async (req) => {
      const order = admin.get(req.params.order_id, req.query.type);
      const o = order.row;
      const products = orders.lineProducts(order.id);
      const customer = orders.customer(order.userId);
      return {
        status: 'success' as const,
        code: 200,
        data: {
          id: order.number,
          db_id: order.id,
          type: order.kind,
          status: order.status,
          created_at: o.created_at as string,
          customer: customer ?? {
            id: null,
            name: (o.guest_email as string | null) ?? '',
            phone: null,
            email: o.guest_email,
            avatar: null,
          },
          items: orders.lines(order.id).map((l) => ({
            // The `order_item_id` of rental-preparation.
            id: l.id,
            product_id: products.get(l.id as number)?.product_id ?? null,
            variant_id: l.variant_id,
            product_name: l.product_name,
            product_image: products.get(l.id as number)?.image ?? null,
            quantity: l.quantity,
            unit_price: l.unit_price,
            rental_days: l.rental_days,
            total_line: l.line_total,
            asset_id: l.asset_id,
            condition_note: l.condition_note,
            evidence_photos: l.evidence_photos ? JSON.parse(l.evidence_photos as string) : [],
            prepared_at: l.prepared_at,
            prepared_by: l.prepared_by,
          })),
          subtotal: o.subtotal as number,
          discount: o.discount,
          freight: o.shipping_fee,
          tax_amt: 0,
          deposit: o.deposit,
          total_due: o.total as number,
          payment_method: o.payment_method,
          payment_status: o.payment_status,
          shipping_address: o.shipping_address ? JSON.parse(o.shipping_address as string) : null,
          rental_start: o.rental_start,
          rental_end: o.rental_end,
          returned_at: o.returned_at,
          overdue_fee: o.overdue_fee,
          converted_to_order_id: o.converted_to_order_id,
          request: o.request_kind
            ? { kind: o.request_kind, reason: o.request_reason, from: o.requested_from_status }
            : null,
          history: orders.events(order.id).map((e) => ({
            from: e.from_status,
            to: e.to_status,
            by: e.actor_user_id,
            note: e.note,
            at: e.created_at,
          })),
          actions: actionsFor(order.kind, order.status),
        },
      };
    },
  );

  app.patch(
    '/admin/orders/:order_id/status',
    {
      ...staff,
      schema: {
        tags,
        summary: 'Move an order along its state machine',
        security,
        params: IdParams,
        querystring: Type.Object({ type: Kind }),
        body: Type.Object({
          status: Type.String({ minLength: 1, maxLength: 40 }),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      admin.changeStatus(
        req.user!,
        req.params.order_id,
        req.query.type,
        req.body.status,
        req.body.note ?? null,
      );
      return {
        status: 'success' as const,
        code: 200,
        message: `Order status updated to ${req.body.status}`,
      };
    },
  );
}
