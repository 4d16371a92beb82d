import type { AppDb } from '#main/backend/db/client';

export interface Promotion {
  id: number;
  name: string;
  code: string;
  scope: 'buy' | 'rent' | 'all';
  discountType: 'percentage' | 'amount';
  discountValue: number;
  minOrderAmount: number;
  startsAt: string;
  endsAt: string;
  quantity: number | null;
  usedCount: number;
  targetRanks: string[];
  active: boolean;
  /** Targets: with any, an automatic price cut on those products; with none, a voucher. */
  productIds: number[];
  categoryIds: number[];
}

export type PromotionValues = Omit<Promotion, 'id' | 'usedCount'>;

const toPromotion = (r: Record<string, unknown>): Promotion => ({
  id: r.id as number,
  name: r.name as string,
  code: r.code as string,
  scope: r.scope as Promotion['scope'],
  discountType: r.discount_type as Promotion['discountType'],
  discountValue: r.discount_value as number,
  minOrderAmount: r.min_order_amount as number,
  startsAt: r.starts_at as string,
  endsAt: r.ends_at as string,
  quantity: r.quantity as number | null,
  usedCount: r.used_count as number,
  targetRanks: JSON.parse(r.target_ranks as string) as string[],
  active: r.active === 1,
  productIds: ids(r.product_ids),
  categoryIds: ids(r.category_ids),
});

const ids = (json: unknown): number[] =>
  (JSON.parse((json as string | null) ?? '[]') as number[]).sort((a, b) => a - b);

/** A promotion row with its targets gathered in the same statement (no query per promotion). */
const SELECT = `select p.*,
  (select json_group_array(t.product_id) from promotion_targets t
    where t.promotion_id = p.id and t.product_id is not null) as product_ids,
  (select json_group_array(t.category_id) from promotion_targets t
    where t.promotion_id = p.id and t.category_id is not null) as category_ids
  from promotions p`;

/** Live now: active, not deleted, within its dates, with uses left. */
const LIVE = `p.deleted_at is null and p.active = 1 and p.starts_at <= @now and p.ends_at >= @now
  and (p.quantity is null or p.used_count < p.quantity)`;

/** Thrown inside `useAll`'s savepoint to undo the uses it already counted. */
class Exhausted extends Error {
  constructor(readonly promotionId: number) {
    super('promotion exhausted');
  }
}

export function createPromotionsRepo(db: AppDb) {
  const sqlite = db.$client;
  const params = (v: PromotionValues) => ({
    name: v.name,
    code: v.code,
    scope: v.scope,
    discountType: v.discountType,
    discountValue: v.discountValue,
    minOrderAmount: v.minOrderAmount,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    quantity: v.quantity,
    targetRanks: JSON.stringify(v.targetRanks),
    active: v.active ? 1 : 0,
  });
  const one = (where: string, ...args: unknown[]) => {
    const r = sqlite.prepare(`${SELECT} where ${where}`).get(...args);
    return r ? toPromotion(r as Record<string, unknown>) : null;
  };
  const liveTargeted = sqlite.prepare(
    `${SELECT} where ${LIVE} and p.id in (
       select promotion_id from promotion_targets
       where product_id in (select value from json_each(@products))
          or category_id in (select value from json_each(@categories)))
     order by p.id`,
  );
  const addTarget = sqlite.prepare(
    'insert into promotion_targets (promotion_id, product_id, category_id) values (?, ?, ?)',
  );
  const clearTargets = sqlite.prepare('delete from promotion_targets where promotion_id = ?');
  const use = sqlite.prepare(
    'update promotions set used_count = used_count + 1 where id = ? and (quantity is null or used_count < quantity)',
  );
  const missing = (table: 'products' | 'categories', wanted: readonly number[]) =>
    wanted.length === 0
      ? []
      : (sqlite
          .prepare(
            `select value from json_each(?) where value not in
               (select id from ${table} where deleted_at is null) order by value`,
          )
          .pluck()
          .all(JSON.stringify(wanted)) as number[]);

  function writeTargets(id: number, v: PromotionValues): void {
    clearTargets.run(id);
    for (const productId of v.productIds) addTarget.run(id, productId, null);
    for (const categoryId of v.categoryIds) addTarget.run(id, null, categoryId);
  }

  return {
    find: (id: number): Promotion | null => one('p.id = ? and p.deleted_at is null', id),
    byCode: (code: string): Promotion | null =>
      one('p.code = ? collate nocase and p.deleted_at is null', code.trim()),
    page(limit: number, offset: number) {
      const total = sqlite
        .prepare('select count(*) from promotions where deleted_at is null')
        .pluck()
        .get() as number;
      const rows = sqlite
        .prepare(`${SELECT} where p.deleted_at is null order by p.id desc limit ? offset ?`)
        .all(limit, offset) as Record<string, unknown>[];
      return { total, items: rows.map(toPromotion) };
    },
    /** Vouchers live now (promotions with targets are automatic, not vouchers). */
    available(now: string): Promotion[] {
      return (
        sqlite
          .prepare(
            `${SELECT} where ${LIVE}
               and not exists (select 1 from promotion_targets t where t.promotion_id = p.id)
             order by p.id`,
          )
          .all({ now }) as Record<string, unknown>[]
      ).map(toPromotion);
    },
    /**
     * Product promotions live now that target any of these products or categories, with all
     * their targets. One indexed statement per cart, so no cache is needed (and none can go
     * stale when a promotion, a product's category or the clock changes).
     */
    liveTargeted(
      productIds: readonly number[],
      categoryIds: readonly number[],
      now: string,
    ): Promotion[] {
      if (productIds.length === 0 && categoryIds.length === 0) return [];
      return (
        liveTargeted.all({
          now,
          products: JSON.stringify(productIds),
          categories: JSON.stringify(categoryIds),
        }) as Record<string, unknown>[]
      ).map(toPromotion);
    },
    /** Ids among these that are not live (missing or soft-deleted) products. */
    missingProducts: (wanted: readonly number[]) => missing('products', wanted),
    missingCategories: (wanted: readonly number[]) => missing('categories', wanted),
    /** The promotion and its targets are written together or not at all. */
    insert(v: PromotionValues, at: string): number {
      return sqlite.transaction(() => {
        const id = Number(
          sqlite
            .prepare(
              `insert into promotions (name, code, scope, discount_type, discount_value, min_order_amount, starts_at,
                 ends_at, quantity, target_ranks, active, created_at, updated_at)
               values (@name, @code, @scope, @discountType, @discountValue, @minOrderAmount, @startsAt, @endsAt,
                 @quantity, @targetRanks, @active, @at, @at)`,
            )
            .run({ ...params(v), at }).lastInsertRowid,
        );
        writeTargets(id, v);
        return id;
      })();
    },
    update(id: number, v: PromotionValues, at: string): void {
      sqlite.transaction(() => {
        sqlite
          .prepare(
            `update promotions set name = @name, code = @code, scope = @scope, discount_type = @discountType,
               discount_value = @discountValue, min_order_amount = @minOrderAmount, starts_at = @startsAt,
               ends_at = @endsAt, quantity = @quantity, target_ranks = @targetRanks, active = @active,
               updated_at = @at where id = @id`,
          )
          .run({ ...params(v), at, id });
        writeTargets(id, v);
      })();
    },
    /**
     * Counts one use if any is left: the check and the increment are one statement, so
     * concurrent checkouts can never use a voucher more times than allowed.
     */
    use: (id: number) => use.run(id).changes === 1,
    /**
     * Counts one use of each, all or none: inside a checkout's transaction this is a
     * savepoint, so a promotion that ran out undoes the uses counted before it. Returns the
     * id of the one that ran out, or null when every use was counted.
     */
    useAll(promotionIds: readonly number[]): number | null {
      try {
        sqlite.transaction(() => {
          for (const id of promotionIds) if (use.run(id).changes !== 1) throw new Exhausted(id);
        })();
        return null;
      } catch (e) {
        if (e instanceof Exhausted) return e.promotionId;
        throw e;
      }
    },
    softDelete: (id: number, at: string) =>
      sqlite
        .prepare('update promotions set deleted_at = ?, active = 0, updated_at = ? where id = ?')
        .run(at, at, id),
    /** Only for unused promotions; their targets go with them. */
    hardDelete: (id: number) =>
      sqlite.transaction(() => {
        clearTargets.run(id);
        sqlite.prepare('delete from promotions where id = ?').run(id);
      })(),
  };
}

export type PromotionsRepo = ReturnType<typeof createPromotionsRepo>;
