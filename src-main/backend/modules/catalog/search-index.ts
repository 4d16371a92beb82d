import type { AppDb } from '#main/backend/db/client';
import type { Clock } from '#main/backend/lib/clock';
import { foldVietnamese } from '#shared/text/fold';
import { createTypoIndex, type TypoIndex } from './typo-index.ts';

/** Typo suggestions may lag new words by this much; rebuilding per write would cost more. */
const TYPO_INDEX_MAX_AGE_MS = 10_000;

interface SourceRow {
  id: number;
  name: string;
  description: string | null;
  deleted_at: string | null;
  category: string;
  tags: string | null;
  skus: string | null;
}

/**
 * The FTS5 index `product_search` (rowid = product id), holding folded text. Callers reindex a
 * product inside the same transaction that changes it, so search never disagrees with the
 * catalog after a commit.
 */
export function createSearchIndex(db: AppDb, clock: Clock) {
  const sqlite = db.$client;
  const source = sqlite.prepare(`
    select p.id, p.name, p.description, p.deleted_at, c.name as category,
      (select group_concat(tag, ' ') from product_tags t where t.product_id = p.id) as tags,
      (select group_concat(sku || ' ' || coalesce(barcode, ''), ' ') from product_variants v
        where v.product_id = p.id and v.deleted_at is null) as skus
    from products p join categories c on c.id = p.category_id where p.id = ?`);
  const remove = sqlite.prepare('delete from product_search where rowid = ?');
  const insert = sqlite.prepare(
    'insert into product_search (rowid, name, head, category, tags, sku, description) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const byCategory = sqlite.prepare('select id from products where category_id = ?').pluck();
  // Words worth correcting: at least four letters; numbers and codes are matched as typed.
  const vocabulary = sqlite
    .prepare(
      "select term from product_search_vocab where length(term) >= 4 and term not glob '*[0-9]*'",
    )
    .pluck();
  const anyWithPrefix = sqlite
    .prepare('select 1 from product_search where product_search match ? limit 1')
    .pluck();
  let typos: { index: TypoIndex; builtAt: number; version: number } | null = null;

  function reindex(productId: number): void {
    remove.run(productId);
    const row = source.get(productId) as SourceRow | undefined;
    if (!row || row.deleted_at) return;
    const name = foldVietnamese(row.name);
    insert.run(
      row.id,
      name,
      name.split(/\s+/).slice(0, 2).join(' '),
      foldVietnamese(row.category),
      foldVietnamese(row.tags ?? ''),
      foldVietnamese(row.skus ?? ''),
      foldVietnamese(row.description ?? ''),
    );
  }

  return {
    reindex,
    reindexCategory(categoryId: number): void {
      for (const id of byCategory.all(categoryId) as number[]) reindex(id);
    },
    /**
     * Rebuilds the whole index when it doesn't cover the live catalog (a store upgraded from a
     * version without search, or rows written by another tool). Cheap when it is current.
     */
    ensureComplete(): boolean {
      const indexed = sqlite.prepare('select count(*) from product_search').pluck().get() as number;
      const live = sqlite
        .prepare('select count(*) from products where deleted_at is null')
        .pluck()
        .get() as number;
      if (indexed === live) return false;
      sqlite.transaction(() => {
        sqlite.prepare('delete from product_search').run();
        for (const id of sqlite.prepare('select id from products').pluck().all() as number[]) {
          reindex(id);
        }
      })();
      return true;
    },
    /** Whether any indexed word starts with `term` (a folded word of letters and digits). */
    knows(term: string): boolean {
      return anyWithPrefix.get(`"${term}"*`) !== undefined;
    },
    /** The typo index over the indexed words, rebuilt lazily when the catalog has changed. */
    typoIndex(version: number): TypoIndex {
      const now = clock.now().getTime();
      const stale =
        !typos || (typos.version !== version && now - typos.builtAt > TYPO_INDEX_MAX_AGE_MS);
      if (stale) {
        typos = { index: createTypoIndex(vocabulary.all() as string[]), builtAt: now, version };
      }
      return typos!.index;
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
