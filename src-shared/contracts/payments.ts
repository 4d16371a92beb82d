import { Type, type Static } from 'typebox';

// Payments under /api/v1: collecting an order's total at the counter or through a gateway.

export const PaymentMethodSchema = Type.Union([
  Type.Literal('cash'),
  Type.Literal('payos'),
  Type.Literal('vnpay'),
  Type.Literal('momo'),
]);

export const PaymentMethodsSchema = Type.Array(
  Type.Object({
    method: PaymentMethodSchema,
    available: Type.Boolean(),
    /** Why an online method cannot be used now (`not_configured`), else null. */
    reason: Type.Union([Type.String(), Type.Null()]),
  }),
);

export const PaymentViewSchema = Type.Object({
  id: Type.String({ description: 'payment UUID' }),
  order_id: Type.Integer(),
  order_uuid: Type.String(),
  order_number: Type.String(),
  method: PaymentMethodSchema,
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('paid'),
    Type.Literal('cancelled'),
    Type.Literal('expired'),
    Type.Literal('failed'),
  ]),
  amount: Type.Integer({ description: 'đồng' }),
  amount_received: Type.Integer({
    description: 'đồng: transfers applied, or for cash what the customer handed over',
  }),
  gateway_order_code: Type.Union([Type.Integer(), Type.Null()]),
  checkout_url: Type.Union([Type.String(), Type.Null()]),
  qr_code: Type.Union([Type.String(), Type.Null()]),
  order_payment_status: Type.String(),
  created_at: Type.String(),
  paid_at: Type.Union([Type.String(), Type.Null()]),
  /** Cash only: what to give back. */
  change: Type.Optional(Type.Integer()),
  /** Staff list only: money that arrived after the order was paid, to refund. */
  excess: Type.Optional(Type.Integer()),
});
export type PaymentView = Static<typeof PaymentViewSchema>;

export const OrderRefParamsSchema = Type.Object({
  order_id: Type.String({ minLength: 1, maxLength: 64, description: 'id, UUID or number (SO-…)' }),
});

export const PaymentParamsSchema = Type.Object({
  payment_id: Type.String({ minLength: 1, maxLength: 64 }),
});

export const StartPaymentBodySchema = Type.Object(
  {
    method: PaymentMethodSchema,
    /** Cash only (staff): what the customer handed over, in đồng. */
    amount_received: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000_000 })),
  },
  { additionalProperties: false },
);

export const ReconcileResultSchema = Type.Object({
  checked: Type.Integer(),
  confirmed: Type.Integer(),
});

export const ReceiptQuerySchema = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('text')])),
});

export const ReceiptSchema = Type.Object({
  order_number: Type.String(),
  created_at: Type.String(),
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      sku: Type.String(),
      quantity: Type.Integer(),
      unit_price: Type.Integer(),
      rental_days: Type.Union([Type.Integer(), Type.Null()]),
      line_total: Type.Integer(),
    }),
  ),
  subtotal: Type.Integer(),
  discount: Type.Integer(),
  voucher_code: Type.Union([Type.String(), Type.Null()]),
  shipping_fee: Type.Integer(),
  services_fee: Type.Integer(),
  deposit: Type.Integer(),
  total: Type.Integer(),
  paid: Type.Union([
    Type.Object({
      method: PaymentMethodSchema,
      amount: Type.Integer(),
      /** What arrived: transfers, or the cash handed over. */
      received: Type.Integer(),
      change: Type.Integer(),
      paid_at: Type.String(),
    }),
    Type.Null(),
  ]),
  /** The same receipt in 42-column lines for a thermal printer. */
  lines: Type.Array(Type.String()),
});

export const PaymentsQuerySchema = Type.Object({
  status: Type.Optional(
    Type.Union([
      Type.Literal('pending'),
      Type.Literal('paid'),
      Type.Literal('cancelled'),
      Type.Literal('expired'),
      Type.Literal('failed'),
    ]),
  ),
  refund_due: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
