import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { ok } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { badRequest } from '#main/backend/http/errors';
import { errorResponses, Envelope } from '#shared/contracts/common';
import {
  OrderRefParamsSchema,
  PaymentMethodsSchema,
  PaymentParamsSchema,
  PaymentsQuerySchema,
  PaymentViewSchema,
  ReceiptQuerySchema,
  ReceiptSchema,
  ReconcileResultSchema,
  StartPaymentBodySchema,
} from '#shared/contracts/payments';
import { STAFF_ROLES } from '#shared/contracts/roles';
import { seed002Pagination, SuccessPage } from '#shared/contracts/store';
import { paymentView } from './payment-view.ts';
import type { PaymentsService } from './payments.service.ts';
import type { GatewayName } from './providers/payment-provider.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 502, 503);
const tags = ['payments'];

/** Paying an order (cash at the counter, or a gateway link) and the gateways' notifications. */
export async function paymentsRoutes(
  app: App,
  { payments, guard }: { payments: PaymentsService; guard: AuthGuard },
) {
  const signedIn = guard.required();
  const staff = guard.required(STAFF_ROLES);

  app.get(
    '/api/v1/payments/methods',
    {
      schema: {
        tags,
        summary: 'Payment methods and whether each can be used now (cash always can)',
        response: { 200: Envelope(PaymentMethodsSchema) },
      },
    },
    async () => ok(payments.methods()),
  );

  app.post(
    '/api/v1/orders/:order_id/payments',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Pay an order: a gateway link (asking again returns the same one), or cash taken by staff',
        security: bearerSecurity,
        params: OrderRefParamsSchema,
        body: StartPaymentBodySchema,
        response: { 201: Envelope(PaymentViewSchema), ...errors },
      },
    },
    async (req, reply) => {
      const { method, amount_received: received } = req.body;
      if (method === 'cash') {
        if (received === undefined) {
          throw badRequest('amount_received is required for cash', 'amount_received');
        }
        const r = payments.cash(req.user!, req.params.order_id, received);
        return reply.status(201).send(ok(paymentView(r.payment, r.order), 201));
      }
      if (received !== undefined) {
        throw badRequest('amount_received is only for cash', 'amount_received');
      }
      const r = await payments.start(req.user!, req.params.order_id, method, req.ip);
      return reply.status(201).send(ok(paymentView(r.payment, r.order), 201));
    },
  );

  app.get(
    '/api/v1/orders/:order_id/payments',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: "An order's payment attempts, oldest first",
        security: bearerSecurity,
        params: OrderRefParamsSchema,
        response: { 200: Envelope(Type.Array(PaymentViewSchema)), ...errors },
      },
    },
    async (req) => {
      const r = payments.forOrder(req.user!, req.params.order_id);
      return ok(r.payments.map((p) => paymentView(p, r.order)));
    },
  );

  app.get(
    '/api/v1/orders/:order_id/receipt',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          "An order's receipt: amounts, payment, and 42-column lines (`format=text`: plain text)",
        security: bearerSecurity,
        params: OrderRefParamsSchema,
        querystring: ReceiptQuerySchema,
        response: { 200: Envelope(ReceiptSchema), ...errors },
      },
    },
    async (req, reply) => {
      const receipt = payments.receipt(req.user!, req.params.order_id);
      if (req.query.format === 'text') {
        // A string is sent as-is (Fastify serializes only objects), so the schema is moot here.
        const text = `${receipt.lines.join('\n')}\n`;
        return reply.type('text/plain; charset=utf-8').send(text as never);
      }
      return ok(receipt);
    },
  );

  app.get(
    '/api/v1/payments/:payment_id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'One payment attempt (the phone polls this, or listens on /api/v1/live)',
        security: bearerSecurity,
        params: PaymentParamsSchema,
        response: { 200: Envelope(PaymentViewSchema), ...errors },
      },
    },
    async (req) => {
      const r = payments.get(req.user!, req.params.payment_id);
      return ok(paymentView(r.payment, r.order));
    },
  );

  app.get(
    '/api/v1/payments',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Payment attempts, newest first (staff); `refund_due=true`: money to give back',
        security: bearerSecurity,
        querystring: PaymentsQuerySchema,
        response: { 200: SuccessPage(PaymentViewSchema), ...errors },
      },
    },
    async (req) => {
      const { status, refund_due: refundDue = false, page = 1, limit = 20 } = req.query;
      const r = payments.list({ status: status ?? null, refundDue }, page, limit);
      return {
        status: 'success' as const,
        code: 200,
        data: r.rows.map((row) => ({ ...paymentView(row.payment, row.order), excess: row.excess })),
        pagination: seed002Pagination(r.total, page, limit),
      };
    },
  );

  app.post(
    '/api/v1/payments/reconcile',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Ask the gateways now about every pending payment (also runs on a timer)',
        security: bearerSecurity,
        response: { 200: Envelope(ReconcileResultSchema), ...errors },
      },
    },
    async () => ok(await payments.reconcile({ olderThanMs: 0, everyMs: 0 })),
  );

  // Gateways' notifications, relayed verbatim by headquarters (the store is behind NAT).
  // No bearer token: the gateway's own signature is checked, and the answer is in the format
  // that gateway expects (payOS JSON, VNPay RspCode, MoMo 204).
  const relayed = (gateway: GatewayName) => async (req: FastifyRequest, reply: FastifyReply) => {
    const answer = await payments.notify(gateway, {
      method: req.method,
      headers: req.headers,
      query: req.query as Record<string, unknown>,
      body: req.body,
    });
    reply.status(answer.status);
    if (answer.contentType) reply.type(answer.contentType);
    return reply.send(answer.body ?? '');
  };
  const relay = (summary: string) => ({ schema: { tags, summary } });
  app.post(
    '/api/v1/payments/payos/webhook',
    relay('payOS webhook (relayed by HQ)'),
    relayed('payos'),
  );
  app.get('/api/v1/payments/vnpay/ipn', relay('VNPay IPN (relayed by HQ)'), relayed('vnpay'));
  app.post('/api/v1/payments/momo/ipn', relay('MoMo IPN (relayed by HQ)'), relayed('momo'));
}
