import { Type } from 'typebox';

// Seed 002 `/admin/promotions` and `/store/vouchers`. Dates without a zone are Vietnam time.

const DateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$',
  description: 'ISO 8601; without a zone it is Vietnam time (UTC+7)',
});

const fields = {
  name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  code: Type.String({ pattern: '^[A-Za-z0-9_-]{3,40}$' }),
  scope: Type.Enum(['buy', 'rent', 'all']),
  start_date: DateTime,
  end_date: DateTime,
  quantity: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: 10_000_000 }), Type.Null()]),
  ),
  target_ranks: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 }),
  ),
  status: Type.Optional(Type.Boolean()),
  discount_config: Type.Object({
    type: Type.Enum(['percentage', 'amount']),
    value: Type.Integer({
      minimum: 1,
      maximum: 1_000_000_000,
      description: 'Whole percent, or đồng',
    }),
  }),
  min_order_amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000_000 })),
  // Not in seed 002: limiting a promotion to products or categories makes it an automatic
  // price cut on them (docs/vouchers.md). Both empty or absent: a voucher, as before.
  product_ids: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { maxItems: 1000 }),
  ),
  category_ids: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { maxItems: 200 }),
  ),
};

export const PromotionBodySchema = Type.Object(fields);
export const PromotionPatchSchema = Type.Partial(Type.Object(fields));

export const PromotionSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  scope: Type.String(),
  start_date: Type.String(),
  end_date: Type.String(),
  quantity: Type.Union([Type.Integer(), Type.Null()]),
  target_ranks: Type.Array(Type.String()),
  status: Type.Boolean(),
  discount_config: Type.Object({ type: Type.String(), value: Type.Integer() }),
  min_order_amount: Type.Integer(),
  used_count: Type.Integer(),
  product_ids: Type.Optional(Type.Array(Type.Integer())),
  category_ids: Type.Optional(Type.Array(Type.Integer())),
});

export const VoucherSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  scope: Type.String(),
  discount_type: Type.String(),
  discount_value: Type.Integer(),
  min_order_amount: Type.Integer(),
  start_date: Type.String(),
  end_date: Type.String(),
  target_rank: Type.Union([Type.String(), Type.Null()]),
});

export const PromotionParamsSchema = Type.Object({ promotion_id: Type.Integer({ minimum: 1 }) });
export const PromotionsQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
});
export const VouchersQuerySchema = Type.Object({
  scope: Type.Optional(Type.Enum(['buy', 'rent', 'all'])),
});
