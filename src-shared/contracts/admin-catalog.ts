import { Type, type Static, type TSchema } from 'typebox';

// Seed 002 `/admin/products` and `/admin/categories`. The product body is seed 002's
// single-variant shape; `variants` (Cartstation's superset) describes several at once.

const Money = Type.Integer({ minimum: 0, maximum: 10_000_000_000, description: 'đồng' });
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const VariantInputSchema = Type.Object({
  id: Opt(Type.Integer({ minimum: 1, description: 'Existing variant to update' })),
  sku: Text(64),
  barcode: Opt(Type.Union([Type.String({ pattern: '^[0-9A-Za-z-]{4,32}$' }), Type.Null()])),
  size: Opt(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  color: Opt(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  condition: Opt(Type.String({ minLength: 1, maxLength: 40 })),
  price: Money,
  stock: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  maintenance_stock: Opt(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  cost: Opt(Type.Union([Money, Type.Null()])),
  weight_grams: Opt(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
  is_rentable: Opt(Type.Boolean()),
  rent_price: Opt(Type.Union([Money, Type.Null()])),
  deposit: Opt(Type.Union([Money, Type.Null()])),
});
export type VariantInput = Static<typeof VariantInputSchema>;

const productFields = {
  name: Text(200),
  description: Opt(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
  subcategory_id: Opt(Type.Integer({ minimum: 1, description: 'Category id (seed 002 name)' })),
  category_id: Opt(Type.Integer({ minimum: 1 })),
  is_hot: Opt(Type.Boolean()),
  tags: Opt(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
  specs: Opt(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 }))),
  images: Opt(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20 })),
  // Seed 002's single-variant fields:
  product_number: Opt(Text(64)),
  standard_cost: Opt(Money),
  list_price: Opt(Money),
  attributes: Opt(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 }))),
  rental_config: Opt(
    Type.Object({
      is_rentable: Opt(Type.Boolean()),
      security_deposit: Opt(Type.Union([Money, Type.Null()])),
    }),
  ),
  rent_price: Opt(Type.Union([Money, Type.Null()])),
  safety_stock_level: Opt(Type.Integer({ minimum: 0 })),
  reorder_point: Opt(Type.Integer({ minimum: 0 })),
  stock_details: Opt(
    Type.Object({
      total_stock: Opt(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
      maintenance_stock: Opt(Type.Integer({ minimum: 0 })),
    }),
  ),
  variants: Opt(Type.Array(VariantInputSchema, { minItems: 1, maxItems: 100 })),
};

export const AdminProductBodySchema = Type.Object(productFields);
export type AdminProductBody = Static<typeof AdminProductBodySchema>;

export const AdminProductPatchSchema = Type.Partial(Type.Object(productFields));
export type AdminProductPatch = Static<typeof AdminProductPatchSchema>;

export const AdminProductsQuerySchema = Type.Object({
  page: Opt(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Opt(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  search: Opt(Type.String({ maxLength: 200 })),
});

export const AdminProductRowSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  product_number: Type.String(),
  category_name: Type.String(),
  image_url: Type.Union([Type.String(), Type.Null()]),
  prices: Type.Object({
    list_price: Type.Integer(),
    rent_price: Type.Union([Type.Integer(), Type.Null()]),
    rent_unit: Type.Literal('day'),
  }),
  stock: Type.Object({
    total_stock: Type.Integer(),
    maintenance_stock: Type.Integer(),
    available_stock: Type.Integer(),
    renting_stock: Type.Integer(),
  }),
  status_label: Type.String(),
});

export const AdminIdParamsSchema = Type.Object({ product_id: Type.Integer({ minimum: 1 }) });
export const CategoryIdParamsSchema = Type.Object({ category_id: Type.Integer({ minimum: 1 }) });

export const CategoryBodySchema = Type.Object({
  name: Text(100),
  description: Opt(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
});
export const CategoryPatchSchema = Type.Partial(CategoryBodySchema);

export const AdminCategoriesQuerySchema = Type.Object({
  search: Opt(Type.String({ maxLength: 100 })),
  page: Opt(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Opt(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
});

export const AdminCategoryRowSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  slug: Type.String(),
  product_count: Type.Integer(),
});

export const AdminReviewsQuerySchema = Type.Object({
  page: Opt(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  limit: Opt(Type.Integer({ minimum: 1, maximum: 100, default: 5 })),
  filter_type: Opt(Type.Enum(['all', 'highest', 'lowest', 'unanswered'])),
});

export const ReviewReplyParamsSchema = Type.Object({ review_id: Type.String({ maxLength: 64 }) });
export const ReviewReplyBodySchema = Type.Object({ content: Text(2000) });

/** The create body's fields as stored, plus images, variants and the list row's figures. */
export const AdminProductDetailSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    product_number: Type.String(),
    category_id: Type.Integer(),
    list_price: Type.Integer(),
    images: Type.Array(Type.Object({ url: Type.String(), is_primary: Type.Boolean() })),
    variants: Type.Array(
      Type.Object({ id: Type.Integer(), sku: Type.String() }, { additionalProperties: true }),
    ),
  },
  { additionalProperties: true },
);
