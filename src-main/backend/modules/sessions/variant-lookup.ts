import type { AppDb } from '#main/backend/db/client';

export interface ScannedVariant {
  id: number;
  productName: string;
  price: number;
  weightGrams: number | null;
}

/** Finds the live variant a cart's scanner read, by barcode or SKU. */
export function createVariantLookup(db: AppDb) {
  const stmt = db.$client.prepare(`
    select v.id, p.name as product_name, v.price, v.weight_grams from product_variants v
    join products p on p.id = v.product_id
    where (v.barcode = @code or v.sku = @code) and v.deleted_at is null and p.deleted_at is null`);
  return {
    byBarcode(code: string): ScannedVariant | null {
      const r = stmt.get({ code }) as
        | { id: number; product_name: string; price: number; weight_grams: number | null }
        | undefined;
      return r
        ? { id: r.id, productName: r.product_name, price: r.price, weightGrams: r.weight_grams }
        : null;
    },
  };
}

export type VariantLookup = ReturnType<typeof createVariantLookup>;
