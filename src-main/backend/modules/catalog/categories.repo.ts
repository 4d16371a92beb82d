import type { AppDb } from '#main/backend/db/client';
import { VI_COLLATOR } from './product-listing.ts';

export interface Category {
  id: number;
  uuid: string;
  name: string;
  slug: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

interface CategoryRow {
  id: number;
  uuid: string;
  name: string;
  slug: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

const toCategory = (r: CategoryRow): Category => ({
  id: r.id,
  uuid: r.uuid,
  name: r.name,
  slug: r.slug,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createCategoriesRepo(db: AppDb) {
  const sqlite = db.$client;
  const byId = sqlite.prepare('select * from categories where id = ? and deleted_at is null');
  const byUuid = sqlite.prepare('select * from categories where uuid = ? and deleted_at is null');
  const bySlug = sqlite.prepare('select * from categories where slug = ? and deleted_at is null');
  const withCounts = sqlite.prepare(`
    select c.*, (select count(*) from products p where p.category_id = c.id and p.deleted_at is null)
      as product_count
    from categories c where c.deleted_at is null order by c.id`);

  return {
    /** A live category by local id, UUID or slug. */
    find(ref: string | number): Category | null {
      const text = String(ref);
      const row = (
        /^\d+$/.test(text)
          ? byId.get(Number(text))
          : /^[0-9a-f-]{36}$/i.test(text)
            ? byUuid.get(text.toLowerCase())
            : bySlug.get(text)
      ) as CategoryRow | undefined;
      return row ? toCategory(row) : null;
    },
    listWithCounts(): (Category & { productCount: number })[] {
      return (withCounts.all() as (CategoryRow & { product_count: number })[])
        .map((r) => ({ ...toCategory(r), productCount: r.product_count }))
        .sort((a, b) => VI_COLLATOR.compare(a.name, b.name));
    },
  };
}

export type CategoriesRepo = ReturnType<typeof createCategoriesRepo>;
