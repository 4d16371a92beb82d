import type { AppDb } from '#main/backend/db/client';

export function createFavoritesRepo(db: AppDb) {
  const sqlite = db.$client;
  const add = sqlite.prepare(
    'insert or ignore into favorites (user_id, product_id, created_at) values (?, ?, ?)',
  );
  const remove = sqlite.prepare('delete from favorites where user_id = ? and product_id = ?');
  // Products deleted since they were saved drop out of the list (their rows stay for history).
  const live = `from favorites f join products p on p.id = f.product_id
    where f.user_id = ? and p.deleted_at is null`;
  const count = sqlite.prepare(`select count(*) ${live}`).pluck();
  const page = sqlite.prepare(
    `select f.product_id, f.created_at ${live} order by f.created_at desc, f.product_id desc limit ? offset ?`,
  );

  return {
    /** True when newly added; adding twice is harmless. */
    add: (userId: number, productId: number, at: string) =>
      add.run(userId, productId, at).changes === 1,
    remove: (userId: number, productId: number) => remove.run(userId, productId).changes === 1,
    page(userId: number, limit: number, offset: number) {
      return {
        total: count.get(userId) as number,
        rows: page.all(userId, limit, offset) as { product_id: number; created_at: string }[],
      };
    },
  };
}

export type FavoritesRepo = ReturnType<typeof createFavoritesRepo>;
