import { Type } from 'typebox';

// Seed 003 `POST /api/cart` and `POST /api/checkout` (camelCase, string ids).

const Id = Type.String({ minLength: 1, maxLength: 40 });

export const ShopCartBodySchema = Type.Object({
  productId: Id,
  variantId: Id,
  quantity: Type.Integer({ minimum: 1, maximum: 999 }),
  sessionId: Type.Optional(
    Type.String({ minLength: 8, maxLength: 64, description: 'Guest cart id (no login)' }),
  ),
});

const Upsells = Type.Object({
  vacuumSealing: Type.Optional(Type.Boolean()),
  isGiftWrapped: Type.Optional(Type.Boolean()),
  giftWrapping: Type.Optional(Type.Boolean()),
  giftWrapFee: Type.Optional(Type.Number({ description: 'Ignored: the server prices gift wrap' })),
  expressShipping: Type.Optional(Type.Boolean()),
});

export const ShopCheckoutBodySchema = Type.Object({
  userId: Type.Optional(Type.String({ maxLength: 64 })),
  guestEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  items: Type.Array(
    Type.Object({
      productId: Id,
      variantId: Id,
      quantity: Type.Integer({ minimum: 1, maximum: 999 }),
      name: Type.Optional(Type.String({ maxLength: 200 })),
      size: Type.Optional(Type.String({ maxLength: 40 })),
      price: Type.Optional(Type.Number({ description: 'Ignored: the server prices every item' })),
      image: Type.Optional(Type.String({ maxLength: 500 })),
    }),
    { minItems: 1, maxItems: 100 },
  ),
  shippingAddress: Type.Object({
    fullName: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
    phone: Type.String({ minLength: 9, maxLength: 20 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    address: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
    ward: Type.Optional(Type.String({ maxLength: 100 })),
    district: Type.Optional(Type.String({ maxLength: 100 })),
    city: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  }),
  shippingMethod: Type.Optional(Type.Enum(['standard', 'express'])),
  upsellServices: Type.Optional(Upsells),
  paymentDetails: Type.Object({
    method: Type.Enum(['cod', 'cash', 'banking', 'momo', 'vnpay', 'payos']),
  }),
});

export const ShopCheckoutResponseSchema = Type.Object({
  success: Type.Literal(true),
  data: Type.Object({
    orderId: Type.String(),
    order: Type.Object({
      id: Type.String(),
      status: Type.String(),
      /** After product promotions; `discount` (not in seed 003) is their part. */
      subtotal: Type.Integer(),
      discount: Type.Optional(Type.Integer()),
      upsellTotal: Type.Integer(),
      shippingFee: Type.Integer(),
      total: Type.Integer(),
      itemCount: Type.Integer(),
      paymentMethod: Type.String(),
      estimatedDelivery: Type.String(),
    }),
    message: Type.String(),
  }),
});
