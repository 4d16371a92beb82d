import { Type, type Static } from 'typebox';

// Cancel and return requests, their review, rental preparation and rent-to-own buy-outs.

export const OrderIdParamsSchema = Type.Object({ order_id: Type.Integer({ minimum: 1 }) });

/** POST /api/v1/orders/{order_id}/cancel-request and …/return-request. */
export const OrderRequestBodySchema = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});

export const OrderRequestResultSchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  type: Type.String(),
  status: Type.String(),
  requested_from_status: Type.String(),
});

/** Seed 002 POST /admin/orders/{order_id}/request-review. */
export const RequestReviewQuerySchema = Type.Object({ type: Type.Enum(['sale', 'rental']) });
export const RequestReviewBodySchema = Type.Object({
  decision: Type.Enum(['accept', 'decline']),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});

/** Seed 002 POST /admin/orders/{order_id}/rental-preparation. */
export const RentalPreparationBodySchema = Type.Object({
  order_item_id: Type.Integer({ minimum: 1 }),
  inventory_asset_id: Type.String({ minLength: 1, maxLength: 64 }),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  evidence_photos: Type.Optional(
    Type.Array(
      // A web address (http/https) or one of this terminal's own media paths.
      Type.String({
        minLength: 1,
        maxLength: 2048,
        pattern: '^(https?://[^\\s]+|/media/[^\\s]+)$',
      }),
      { maxItems: 20 },
    ),
  ),
});
export type RentalPreparationBody = Static<typeof RentalPreparationBodySchema>;

/** POST /api/v1/orders/{order_id}/buy-out. Amounts are integer đồng. */
export const BuyOutResultSchema = Type.Object({
  rental_order_id: Type.Integer(),
  rental_order_number: Type.String(),
  sale_order_id: Type.Integer(),
  sale_order_number: Type.String(),
  subtotal: Type.Integer({ description: "the rented items at today's sale price" }),
  rent_deduction: Type.Integer({ description: 'rent_deduction% of the rent paid' }),
  total_amount: Type.Integer(),
  overdue_fee: Type.Integer({ description: 'charged on the rental for days past its end' }),
});
