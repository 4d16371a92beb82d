import type { ProductBody, ProductDetail, ProductVariant } from '../../api/products.api.ts';
import type { MessageKey } from '../../app/i18n/i18n.context.ts';

type EditedField =
  | 'id'
  | 'sku'
  | 'barcode'
  | 'size'
  | 'color'
  | 'price'
  | 'stock'
  | 'weight_grams'
  | 'is_rentable'
  | 'rent_price'
  | 'deposit';
type CarriedFields = Partial<Omit<ProductVariant, EditedField>>;

const carriedFields = (variant: ProductVariant): CarriedFields => {
  const {
    id: _id,
    sku: _sku,
    barcode: _barcode,
    size: _size,
    color: _color,
    price: _price,
    stock: _stock,
    weight_grams: _weight,
    is_rentable: _rentable,
    rent_price: _rent,
    deposit: _deposit,
    ...carried
  } = variant;
  return carried;
};

/** One variant as typed: text for every number, so a half-typed value is not lost. */
export interface VariantDraft {
  /** React's row key; stable while rows are added and removed. */
  key: string;
  /** The stored variant this row edits; absent for a new row. */
  id?: number;
  /**
   * The stored variant's fields this form does not edit (condition, cost, …). They are sent
   * back unchanged because the server resets any variant field a save leaves out.
   */
  carry?: CarriedFields;
  sku: string;
  barcode: string;
  size: string;
  color: string;
  price: string;
  stock: string;
  weightGrams: string;
  isRentable: boolean;
  rentPrice: string;
  deposit: string;
}

export interface ProductDraft {
  name: string;
  categoryId: string;
  description: string;
  /** Comma-separated. */
  tags: string;
  isHot: boolean;
  /** One URL per line. */
  images: string;
  variants: VariantDraft[];
}

// Row keys only need to be unique within this page's lifetime.
let lastKey = 0;
const nextKey = () => `variant-${++lastKey}`;

export function emptyVariant(): VariantDraft {
  return {
    key: nextKey(),
    sku: '',
    barcode: '',
    size: '',
    color: '',
    price: '',
    stock: '0',
    weightGrams: '',
    isRentable: false,
    rentPrice: '',
    deposit: '',
  };
}

export function emptyDraft(): ProductDraft {
  return {
    name: '',
    categoryId: '',
    description: '',
    tags: '',
    isHot: false,
    images: '',
    variants: [emptyVariant()],
  };
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function draftFromDetail(detail: ProductDetail): ProductDraft {
  return {
    name: detail.name,
    categoryId: String(detail.category_id),
    description: detail.description ?? '',
    tags: detail.tags.join(', '),
    isHot: detail.is_hot,
    images: detail.images.map((image) => image.url).join('\n'),
    variants: detail.variants.map((v) => ({
      key: nextKey(),
      id: v.id,
      carry: carriedFields(v),
      sku: v.sku,
      barcode: text(v.barcode),
      size: text(v.size),
      color: text(v.color),
      price: text(v.price),
      stock: text(v.stock),
      weightGrams: text(v.weight_grams),
      isRentable: v.is_rentable,
      rentPrice: text(v.rent_price),
      deposit: text(v.deposit),
    })),
  };
}

export type DraftCheck =
  { ok: true; body: ProductBody } | { ok: false; field: string; key: MessageKey };

/**
 * A whole number from what was typed: null when empty, NaN when it is not a whole number.
 * Thousands separators are accepted the way people type prices ("65.000", "1 000 000"), but
 * only in groups of three, so "12,5" is refused rather than read as 125.
 */
export function parseWhole(input: string): number | null {
  const trimmed = input.trim().replace(/\s*₫$/, '');
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed) && !/^\d{1,3}([.,\s]\d{3})+$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/\D/g, ''));
}

const orNull = (value: string) => value.trim() || null;
const list = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The create/update body, or the first field that cannot be sent. Only what the console can
 * tell by itself is checked here; the server checks the rest (unique SKUs, ranges) and names
 * the field in its answer.
 */
export function checkDraft(draft: ProductDraft): DraftCheck {
  const fail = (field: string, key: MessageKey): DraftCheck => ({ ok: false, field, key });
  if (!draft.name.trim()) return fail('name', 'productForm.error.nameRequired');
  if (!draft.categoryId) return fail('category_id', 'productForm.error.categoryRequired');
  if (draft.variants.length === 0) return fail('variants', 'productForm.error.noVariants');

  const variants: NonNullable<ProductBody['variants']> = [];
  for (const [i, v] of draft.variants.entries()) {
    const at = (name: string) => `variants.${i}.${name}`;
    if (!v.sku.trim()) return fail(at('sku'), 'productForm.error.skuRequired');
    const price = parseWhole(v.price);
    if (price === null || Number.isNaN(price)) return fail(at('price'), 'productForm.error.whole');
    const stock = parseWhole(v.stock);
    if (stock === null || Number.isNaN(stock)) return fail(at('stock'), 'productForm.error.whole');
    const optional = { weight_grams: v.weightGrams, rent_price: v.rentPrice, deposit: v.deposit };
    const numbers: Record<string, number | null> = {};
    for (const [name, value] of Object.entries(optional)) {
      const n = parseWhole(value);
      if (Number.isNaN(n)) return fail(at(name), 'productForm.error.whole');
      numbers[name] = n;
    }
    variants.push({
      ...v.carry,
      ...(v.id !== undefined ? { id: v.id } : {}),
      sku: v.sku.trim(),
      barcode: orNull(v.barcode),
      size: orNull(v.size),
      color: orNull(v.color),
      price,
      stock,
      weight_grams: numbers.weight_grams ?? null,
      is_rentable: v.isRentable,
      rent_price: numbers.rent_price ?? null,
      deposit: numbers.deposit ?? null,
    });
  }

  return {
    ok: true,
    body: {
      name: draft.name.trim(),
      category_id: Number(draft.categoryId),
      description: orNull(draft.description),
      tags: list(draft.tags, /,/),
      is_hot: draft.isHot,
      images: list(draft.images, /\r?\n/),
      variants,
    },
  };
}
