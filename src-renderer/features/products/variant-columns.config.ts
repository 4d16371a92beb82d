import type { MessageKey } from '../../app/i18n/i18n.context.ts';
import type { VariantDraft } from './product-form.model.ts';

type TextKey = {
  [K in keyof VariantDraft]-?: VariantDraft[K] extends string ? K : never;
}[keyof VariantDraft];

interface Common {
  label: MessageKey;
  /** The body field, as the server names it in errors (`variants.0.<field>`). */
  field: string;
  testId: string;
  className: string;
}

export type VariantColumn =
  | (Common & {
      kind: 'text';
      key: Exclude<TextKey, 'key'>;
      numeric?: boolean;
      /** Only meaningful for rentable variants; disabled otherwise. */
      rentOnly?: boolean;
    })
  | (Common & { kind: 'check'; key: 'isRentable' });

/** The variants table's editable columns, in order. */
export const VARIANT_COLUMNS: readonly VariantColumn[] = [
  {
    kind: 'text',
    key: 'sku',
    field: 'sku',
    label: 'variant.sku',
    testId: 'variant-sku',
    className: 'col-code',
  },
  {
    kind: 'text',
    key: 'barcode',
    field: 'barcode',
    label: 'variant.barcode',
    testId: 'variant-barcode',
    className: 'col-code',
  },
  {
    kind: 'text',
    key: 'size',
    field: 'size',
    label: 'variant.size',
    testId: 'variant-size',
    className: 'col-short',
  },
  {
    kind: 'text',
    key: 'color',
    field: 'color',
    label: 'variant.color',
    testId: 'variant-color',
    className: 'col-short',
  },
  {
    kind: 'text',
    key: 'price',
    field: 'price',
    label: 'variant.price',
    testId: 'variant-price',
    className: 'col-money',
    numeric: true,
  },
  {
    kind: 'text',
    key: 'stock',
    field: 'stock',
    label: 'variant.stock',
    testId: 'variant-stock',
    className: 'col-count',
    numeric: true,
  },
  {
    kind: 'text',
    key: 'weightGrams',
    field: 'weight_grams',
    label: 'variant.weight',
    testId: 'variant-weight',
    className: 'col-count',
    numeric: true,
  },
  {
    kind: 'check',
    key: 'isRentable',
    field: 'is_rentable',
    label: 'variant.rentable',
    testId: 'variant-rentable',
    className: 'col-check',
  },
  {
    kind: 'text',
    key: 'rentPrice',
    field: 'rent_price',
    label: 'variant.rentPrice',
    testId: 'variant-rent-price',
    className: 'col-money',
    numeric: true,
    rentOnly: true,
  },
  {
    kind: 'text',
    key: 'deposit',
    field: 'deposit',
    label: 'variant.deposit',
    testId: 'variant-deposit',
    className: 'col-money',
    numeric: true,
    rentOnly: true,
  },
];
