import type { Statement } from 'better-sqlite3';
import type { AppDb } from '#main/backend/db/client';
import { rowByRef } from '#main/backend/db/ref';

export interface Rating {
  id: number;
  uuid: string;
  productId: number;
  productUuid: string;
  userId: number;
  userUuid: string;
  userName: string;
  stars: number;
  comment: string | null;
  images: string[];
  helpfulCount: number;
  adminReply: string | null;
  adminRepliedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RatingRow {
  id: number;
  uuid: string;
  product_id: number;
  product_uuid: string;
  user_id: number;
  user_uuid: string;
  user_name: string;
  stars: number;
  comment: string | null;
  images: string;
  helpful_count: number;
  admin_reply: string | null;
  admin_replied_at: string | null;
  created_at: string;
  updated_at: string;
}

const toRating = (r: RatingRow): Rating => ({
  id: r.id,
  uuid: r.uuid,
  productId: r.product_id,
  productUuid: r.product_uuid,
  userId: r.user_id,
  userUuid: r.user_uuid,
  userName: r.user_name,
  stars: r.stars,
  comment: r.comment,
  images: JSON.parse(r.images) as string[],
  helpfulCount: r.helpful_count,
  adminReply: r.admin_reply,
  adminRepliedAt: r.admin_replied_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type RatingOrder = 'newest' | 'oldest' | 'highest' | 'lowest';
const ORDER: Record<RatingOrder, string> = {
  newest: 'r.created_at desc, r.id desc',
  oldest: 'r.created_at asc, r.id asc',
  highest: 'r.stars desc, r.created_at desc, r.id desc',
  lowest: 'r.stars asc, r.created_at desc, r.id desc',
};

const SELECT = `
  select r.*, p.uuid as product_uuid, u.uuid as user_uuid, u.name as user_name
  from ratings r join products p on p.id = r.product_id join users u on u.id = r.user_id`;

export interface RatingListFilter {
  productId?: number;
  userId?: number;
  stars?: number;
  unanswered?: boolean;
}

/**
 * Ratings and the exact per-product totals they feed: every write changes `products.rating_sum`
 * and `rating_count` in the same transaction, so an average is never off by a lost update.
 */
export function createRatingsRepo(db: AppDb) {
  const sqlite = db.$client;
  const byUuid = sqlite.prepare(`${SELECT} where r.uuid = ? and r.deleted_at is null`);
  const byId = sqlite.prepare(`${SELECT} where r.id = ? and r.deleted_at is null`);
  const insert = sqlite.prepare(`
    insert into ratings (uuid, product_id, user_id, stars, comment, images, created_at, updated_at)
    values (@uuid, @productId, @userId, @stars, @comment, @images, @at, @at)`);
  const setStars = sqlite.prepare(
    'update ratings set stars = @stars, comment = @comment, updated_at = @at where id = @id',
  );
  const softDelete = sqlite.prepare(
    'update ratings set deleted_at = @at, updated_at = @at where id = @id',
  );
  const adjustProduct = sqlite.prepare(
    'update products set rating_sum = rating_sum + @sum, rating_count = rating_count + @count where id = @productId',
  );
  const reply = sqlite.prepare(
    'update ratings set admin_reply = @text, admin_replied_at = @at, admin_reply_by = @by, updated_at = @at where id = @id',
  );
  const distribution = sqlite.prepare(
    'select stars, count(*) as n from ratings where product_id = ? and deleted_at is null group by stars',
  );
  const userSummary = sqlite.prepare(
    'select count(*) as n, coalesce(avg(stars), 0) as avg from ratings where user_id = ? and deleted_at is null',
  );

  // Review lists are read on every product page: prepare each (few) filter shape once.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = sqlite.prepare(sql)));
    return stmt;
  };

  function where(f: RatingListFilter): { sql: string; params: unknown[] } {
    const clauses = ['r.deleted_at is null'];
    const params: unknown[] = [];
    if (f.productId !== undefined) {
      clauses.push('r.product_id = ?');
      params.push(f.productId);
    }
    if (f.userId !== undefined) {
      clauses.push('r.user_id = ?');
      params.push(f.userId);
    }
    if (f.stars !== undefined) {
      clauses.push('r.stars = ?');
      params.push(f.stars);
    }
    if (f.unanswered) clauses.push('r.admin_reply is null');
    return { sql: clauses.join(' and '), params };
  }

  return {
    find(ref: string | number): Rating | null {
      const row = rowByRef(ref, byId, byUuid) as RatingRow | undefined;
      return row ? toRating(row) : null;
    },

    /** Throws SQLITE_CONSTRAINT_UNIQUE when the user already has a live rating here. */
    create(values: {
      uuid: string;
      productId: number;
      userId: number;
      stars: number;
      comment: string | null;
      images?: string[];
      at: string;
    }): number {
      return sqlite.transaction(() => {
        const { lastInsertRowid } = insert.run({
          ...values,
          images: JSON.stringify(values.images ?? []),
        });
        adjustProduct.run({ sum: values.stars, count: 1, productId: values.productId });
        return Number(lastInsertRowid);
      })();
    },

    update(rating: Rating, stars: number, comment: string | null, at: string): void {
      sqlite.transaction(() => {
        setStars.run({ id: rating.id, stars, comment, at });
        adjustProduct.run({ sum: stars - rating.stars, count: 0, productId: rating.productId });
      })();
    },

    remove(rating: Rating, at: string): void {
      sqlite.transaction(() => {
        softDelete.run({ id: rating.id, at });
        adjustProduct.run({ sum: -rating.stars, count: -1, productId: rating.productId });
      })();
    },

    reply(ratingId: number, text: string, by: number, at: string): void {
      reply.run({ id: ratingId, text, by, at });
    },

    list(filter: RatingListFilter, order: RatingOrder, limit: number, offset: number) {
      const w = where(filter);
      const total = prepared(`select count(*) from ratings r where ${w.sql}`)
        .pluck()
        .get(...(w.params as [object])) as number;
      const rows = prepared(
        `${SELECT} where ${w.sql} order by ${ORDER[order]} limit ? offset ?`,
      ).all(...(w.params as [object]), limit, offset) as RatingRow[];
      return { total, items: rows.map(toRating) };
    },

    /** Count of live ratings per star value (1–5), zeros included. */
    distribution(productId: number): Record<1 | 2 | 3 | 4 | 5, number> {
      const out = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      for (const r of distribution.all(productId) as { stars: 1 | 2 | 3 | 4 | 5; n: number }[]) {
        out[r.stars] = r.n;
      }
      return out;
    },

    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },

    userSummary(userId: number): { total: number; average: number } {
      const r = userSummary.get(userId) as { n: number; avg: number };
      return { total: r.n, average: r.avg };
    },
  };
}

export type RatingsRepo = ReturnType<typeof createRatingsRepo>;
