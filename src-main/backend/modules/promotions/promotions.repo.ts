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
});

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
  return {
    find(id: number): Promotion | null {
      const r = sqlite
        .prepare('select * from promotions where id = ? and deleted_at is null')
        .get(id);
      return r ? toPromotion(r as Record<string, unknown>) : null;
    },
    byCode(code: string): Promotion | null {
      const r = sqlite
        .prepare('select * from promotions where code = ? collate nocase and deleted_at is null')
        .get(code.trim());
      return r ? toPromotion(r as Record<string, unknown>) : null;
    },
    page(limit: number, offset: number) {
      const total = sqlite
        .prepare('select count(*) from promotions where deleted_at is null')
        .pluck()
        .get() as number;
      const rows = sqlite
        .prepare(
          'select * from promotions where deleted_at is null order by id desc limit ? offset ?',
        )
        .all(limit, offset) as Record<string, unknown>[];
      return { total, items: rows.map(toPromotion) };
    },
    /** Live now: active, within its dates, with uses left. */
    available(now: string): Promotion[] {
      return (
        sqlite
          .prepare(
            `select * from promotions where deleted_at is null and active = 1 and starts_at <= ? and ends_at >= ?
             and (quantity is null or used_count < quantity) order by id`,
          )
          .all(now, now) as Record<string, unknown>[]
      ).map(toPromotion);
    },
    insert(v: PromotionValues, at: string): number {
      return Number(
        sqlite
          .prepare(
            `insert into promotions (name, code, scope, discount_type, discount_value, min_order_amount, starts_at,
               ends_at, quantity, target_ranks, active, created_at, updated_at)
             values (@name, @code, @scope, @discountType, @discountValue, @minOrderAmount, @startsAt, @endsAt,
               @quantity, @targetRanks, @active, @at, @at)`,
          )
          .run({ ...params(v), at }).lastInsertRowid,
      );
    },
    update(id: number, v: PromotionValues, at: string): void {
      sqlite
        .prepare(
          `update promotions set name = @name, code = @code, scope = @scope, discount_type = @discountType,
             discount_value = @discountValue, min_order_amount = @minOrderAmount, starts_at = @startsAt,
             ends_at = @endsAt, quantity = @quantity, target_ranks = @targetRanks, active = @active,
             updated_at = @at where id = @id`,
        )
        .run({ ...params(v), at, id });
    },
    /**
     * Counts one use if any is left: the check and the increment are one statement, so
     * concurrent checkouts can never use a voucher more times than allowed.
     */
    use: (id: number) =>
      sqlite
        .prepare(
          'update promotions set used_count = used_count + 1 where id = ? and (quantity is null or used_count < quantity)',
        )
        .run(id).changes === 1,
    softDelete: (id: number, at: string) =>
      sqlite
        .prepare('update promotions set deleted_at = ?, active = 0, updated_at = ? where id = ?')
        .run(at, at, id),
    hardDelete: (id: number) => sqlite.prepare('delete from promotions where id = ?').run(id),
  };
}

export type PromotionsRepo = ReturnType<typeof createPromotionsRepo>;
