import { Type } from 'typebox';

export const StoreCheckoutBodySchema = Type.Object({
  address_id: Type.Integer({ minimum: 1 }),
  payment_method: Type.Enum(['cod', 'cash', 'banking', 'momo', 'vnpay', 'payos']),
  voucher_code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const StoreCheckoutResultSchema = Type.Object({
  message: Type.String(),
  buy_order_id: Type.Union([Type.Integer(), Type.Null()]),
  buy_order_number: Type.Union([Type.String(), Type.Null()]),
  rent_order_id: Type.Union([Type.Integer(), Type.Null()]),
  rent_order_number: Type.Union([Type.String(), Type.Null()]),
  total_amount: Type.Integer({ description: 'đồng, computed by the server' }),
});

export const MyOrderSchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  number: Type.String(),
  type: Type.String(),
  status: Type.String(),
  payment_method: Type.String(),
  payment_status: Type.String(),
  source: Type.String(),
  subtotal: Type.Integer(),
  discount: Type.Integer(),
  shipping_fee: Type.Integer(),
  services_fee: Type.Integer(),
  deposit: Type.Integer(),
  total: Type.Integer(),
  created_at: Type.String(),
  items: Type.Array(
    Type.Object({
      variant_id: Type.Integer(),
      product_name: Type.String(),
      sku: Type.String(),
      quantity: Type.Integer(),
      unit_price: Type.Integer(),
      rental_days: Type.Union([Type.Integer(), Type.Null()]),
      line_total: Type.Integer(),
    }),
  ),
  history: Type.Array(
    Type.Object({
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.String(),
      at: Type.String(),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const MyOrdersQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
});

export const PickupOrderBodySchema = Type.Object(
  { voucher_code: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) },
  { additionalProperties: false },
);
