import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDb } from '#main/backend/db/client';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import {
  categories,
  productImages,
  products,
  productTags,
  productVariants,
} from '#main/backend/modules/catalog/catalog.table';

interface DemoCatalog {
  categories: { name: string; slug: string; description: string }[];
  products: {
    name: string;
    slug: string;
    category: string;
    description: string;
    tags: string[];
    is_hot: boolean;
    image: string;
    specs: Record<string, string>;
    variants: {
      sku: string;
      barcode: string;
      size: string;
      price: number;
      stock: number;
      weight_grams: number;
    }[];
  }[];
}

/** URL prefix under which resources/demo/images is served. */
export const DEMO_IMAGES_PREFIX = '/media/demo/';

/**
 * Fills an empty store with the demo catalog from resources/demo/catalog.json, in one
 * transaction: a store is either fully seeded or untouched.
 */
export function seedDemoCatalog(db: AppDb, resourcesDir: string, clock: Clock, ids: IdGenerator) {
  const demo = JSON.parse(
    readFileSync(join(resourcesDir, 'demo', 'catalog.json'), 'utf8'),
  ) as DemoCatalog;
  const now = clock.now().toISOString();
  const stamp = { createdAt: now, updatedAt: now };

  db.transaction((tx) => {
    const categoryIds = new Map<string, number>();
    for (const c of demo.categories) {
      const row = tx
        .insert(categories)
        .values({
          uuid: ids.uuid(),
          name: c.name,
          slug: c.slug,
          description: c.description,
          ...stamp,
        })
        .returning({ id: categories.id })
        .get();
      categoryIds.set(c.slug, row.id);
    }
    for (const [index, p] of demo.products.entries()) {
      const prices = p.variants.map((v) => v.price);
      const { id } = tx
        .insert(products)
        .values({
          uuid: ids.uuid(),
          name: p.name,
          slug: p.slug,
          description: p.description,
          categoryId: categoryIds.get(p.category)!,
          specs: JSON.stringify(p.specs),
          isHot: p.is_hot,
          // Plausible past sales, so best-seller lists have an order on a fresh demo store.
          soldCount: p.is_hot ? 120 + ((index * 37) % 80) : (index * 13) % 60,
          minPrice: Math.min(...prices),
          maxPrice: Math.max(...prices),
          ...stamp,
        })
        .returning({ id: products.id })
        .get();
      tx.insert(productVariants)
        .values(
          p.variants.map((v) => ({
            productId: id,
            sku: v.sku,
            barcode: v.barcode,
            size: v.size,
            price: v.price,
            stock: v.stock,
            weightGrams: v.weight_grams,
            ...stamp,
          })),
        )
        .run();
      tx.insert(productImages)
        .values({
          productId: id,
          url: DEMO_IMAGES_PREFIX + p.image,
          isPrimary: true,
          caption: p.name,
        })
        .run();
      if (p.tags.length > 0) {
        tx.insert(productTags)
          .values(p.tags.map((tag) => ({ productId: id, tag })))
          .run();
      }
    }
  });
  return { categories: demo.categories.length, products: demo.products.length };
}
