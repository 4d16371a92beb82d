import { Type } from 'typebox';

// Seed 002 `/store/cart` (buy and rent lines). Amounts are integer đồng, computed by the server.

/** Schema bound only; the rental settings' limits apply on top. */
export const MAX_RENTAL_DAYS = 365;

export const StoreCartSchema = Type.Object({
  cart_id: Type.Integer(),
  total_items: Type.Integer(),
  total_buy_amount: Type.Integer(),
  total_rent_amount: Type.Integer(),
  grand_total: Type.Integer(),
  // Not in seed 002: the product promotions' part. Amounts above are after them.
  discount_amount: Type.Optional(Type.Integer()),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      product_id: Type.Integer(),
      variant_id: Type.Integer(),
      product_name: Type.String(),
      thumbnail: Type.Union([Type.String(), Type.Null()]),
      transaction_type: Type.String(),
      rental_days: Type.Union([Type.Integer(), Type.Null()]),
      variant: Type.Object({
        color: Type.Union([Type.String(), Type.Null()]),
        size: Type.Union([Type.String(), Type.Null()]),
        condition: Type.String(),
        model_number: Type.String(),
      }),
      quantity: Type.Integer(),
      unit_price: Type.Integer(),
      /** unit_price × quantity (× rental_days), less the product promotion. */
      subtotal: Type.Integer(),
      // Not in seed 002: the line before its product promotion, and the promotion.
      original_subtotal: Type.Optional(Type.Integer()),
      discount: Type.Optional(Type.Integer()),
      promotion: Type.Optional(
        Type.Union([
          Type.Object({ id: Type.Integer(), name: Type.String(), code: Type.String() }),
          Type.Null(),
        ]),
      ),
    }),
  ),
});

export const AddCartItemSchema = Type.Object({
  product_id: Type.Integer({ minimum: 1 }),
  variant_id: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Which variant; default: the cheapest fitting one' }),
  ),
  quantity: Type.Integer({ minimum: 1, maximum: 999 }),
  transaction_type: Type.Enum(['buy', 'rent']),
  rental_days: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: MAX_RENTAL_DAYS }), Type.Null()]),
  ),
});

export const PatchCartItemSchema = Type.Object({
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  rental_days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RENTAL_DAYS })),
});

export const CartItemParamsSchema = Type.Object({ cart_item_id: Type.Integer({ minimum: 1 }) });
