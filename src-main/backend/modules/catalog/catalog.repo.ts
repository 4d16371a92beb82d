import { count, isNull } from 'drizzle-orm';
import type { AppDb } from '#main/backend/db/client';
import { categories, products, productVariants } from './catalog.table.ts';

export function createCatalogRepo(db: AppDb) {
  return {
    counts(): { products: number; variants: number; categories: number } {
      const n = (table: typeof products | typeof productVariants | typeof categories) =>
        db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()!.n;
      return { products: n(products), variants: n(productVariants), categories: n(categories) };
    },
    isEmpty(): boolean {
      return db.select({ id: products.id }).from(products).limit(1).get() === undefined;
    },
  };
}

export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
