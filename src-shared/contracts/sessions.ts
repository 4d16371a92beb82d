import { Type, type Static } from 'typebox';

// Smart-cart shopping sessions under /api/v1 (seed 000), in the seed 002 envelope.

export const SessionItemSchema = Type.Object({
  variant_id: Type.Integer(),
  product_id: Type.Integer(),
  name: Type.String(),
  sku: Type.String(),
  barcode: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([Type.String(), Type.Null()]),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  quantity: Type.Integer(),
  unit_price: Type.Integer(),
  subtotal: Type.Integer(),
});

export const SessionExceptionSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  status: Type.String(),
  resolution: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
});

export const SessionViewSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  cart_code: Type.String(),
  customer_name: Type.String(),
  started_at: Type.String(),
  ended_at: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(SessionItemSchema),
  total_items: Type.Integer(),
  total: Type.Integer({ description: 'đồng, computed by the server' }),
  exceptions: Type.Array(SessionExceptionSchema),
  checkout_allowed: Type.Boolean(),
});
export type SessionView = Static<typeof SessionViewSchema>;

export const BindSessionBodySchema = Type.Object({
  qr: Type.String({ minLength: 1, maxLength: 200, description: 'The text of the cart QR code' }),
});

export const SessionParamsSchema = Type.Object({ session_id: Type.String({ maxLength: 64 }) });
export const SessionItemParamsSchema = Type.Object({
  session_id: Type.String({ maxLength: 64 }),
  variant_id: Type.Integer({ minimum: 1 }),
});
export const ExceptionParamsSchema = Type.Object({
  session_id: Type.String({ maxLength: 64 }),
  exception_id: Type.Integer({ minimum: 1 }),
});
export const ResolveBodySchema = Type.Object({
  resolution: Type.Enum(['item_added_to_cart', 'item_removed', 'accepted', 'false_alarm']),
});
export const FinishBodySchema = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 200 })),
});
