import { badRequest, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import { parseVietnamTime } from '#shared/text/vietnam-time';
import type { Promotion, PromotionValues, PromotionsRepo } from './promotions.repo.ts';

/** A date the admin typed: with a zone as given, without one in Vietnam time. */
export function toUtc(text: string): string {
  const ms = parseVietnamTime(text);
  return Number.isNaN(ms) ? 'invalid' : new Date(ms).toISOString();
}

export interface PromotionInput {
  name?: string;
  code?: string;
  scope?: 'buy' | 'rent' | 'all';
  start_date?: string;
  end_date?: string;
  quantity?: number | null;
  target_ranks?: string[];
  status?: boolean;
  discount_config?: { type: 'percentage' | 'amount'; value: number };
  min_order_amount?: number;
  product_ids?: number[];
  category_ids?: number[];
}

const distinct = (ids: number[] | undefined) => ids && [...new Set(ids)].sort((a, b) => a - b);

export function createPromotionsService(deps: {
  repo: PromotionsRepo;
  audit: AuditRepo;
  clock: Clock;
}) {
  const { repo, audit, clock } = deps;

  function values(input: PromotionInput, base?: Promotion): PromotionValues {
    const v: PromotionValues = {
      name: input.name?.trim() ?? base!.name,
      code: (input.code ?? base!.code).toUpperCase(),
      scope: input.scope ?? base!.scope,
      discountType: input.discount_config?.type ?? base!.discountType,
      discountValue: input.discount_config?.value ?? base!.discountValue,
      minOrderAmount: input.min_order_amount ?? base?.minOrderAmount ?? 0,
      startsAt: input.start_date ? toUtc(input.start_date) : base!.startsAt,
      endsAt: input.end_date ? toUtc(input.end_date) : base!.endsAt,
      quantity: input.quantity !== undefined ? input.quantity : (base?.quantity ?? null),
      targetRanks: input.target_ranks ?? base?.targetRanks ?? [],
      active: input.status ?? base?.active ?? true,
      productIds: distinct(input.product_ids) ?? base?.productIds ?? [],
      categoryIds: distinct(input.category_ids) ?? base?.categoryIds ?? [],
    };
    for (const [value, field] of [
      [v.startsAt, 'start_date'],
      [v.endsAt, 'end_date'],
    ] as const) {
      if (Number.isNaN(Date.parse(value))) throw badRequest(`${field} is not a real date`, field);
    }
    if (v.endsAt <= v.startsAt) throw badRequest('end_date must be after start_date', 'end_date');
    if (v.discountType === 'percentage' && v.discountValue > 100) {
      throw badRequest('A percentage discount is at most 100', 'discount_config.value');
    }
    if (base && v.quantity !== null && v.quantity < base.usedCount) {
      throw badRequest(
        `quantity cannot be below the ${base.usedCount} uses already made`,
        'quantity',
      );
    }
    // Only the ids sent are checked: targets kept from before may since have been deleted,
    // and an admin editing the dates must not be refused for that.
    const products = repo.missingProducts(input.product_ids ?? []);
    if (products.length > 0) {
      throw badRequest(`No such product: ${products.join(', ')}`, 'product_ids');
    }
    const categories = repo.missingCategories(input.category_ids ?? []);
    if (categories.length > 0) {
      throw badRequest(`No such category: ${categories.join(', ')}`, 'category_ids');
    }
    const clash = repo.byCode(v.code);
    if (clash && clash.id !== base?.id)
      throw badRequest(`Promotion code ${v.code} already exists`, 'code');
    return v;
  }

  const record = (actor: User, action: string, id: number) =>
    audit.record({
      actorUserId: actor.id,
      action,
      targetType: 'promotion',
      targetId: id,
      at: clock.now(),
    });

  function get(id: number): Promotion {
    const p = repo.find(id);
    if (!p) throw notFound('Promotion not found');
    return p;
  }

  return {
    get,
    page: (page: number, limit: number) => repo.page(limit, (page - 1) * limit),
    available: () => repo.available(clock.now().toISOString()),
    create(actor: User, input: PromotionInput): number {
      const id = repo.insert(values(input), clock.now().toISOString());
      record(actor, 'promotion.created', id);
      return id;
    },
    update(actor: User, id: number, input: PromotionInput): void {
      repo.update(id, values(input, get(id)), clock.now().toISOString());
      record(actor, 'promotion.updated', id);
    },
    /** Used promotions are deactivated and kept (orders refer to them); unused ones go. */
    remove(actor: User, id: number): 'deleted' | 'deactivated' {
      const p = get(id);
      if (p.usedCount > 0) repo.softDelete(id, clock.now().toISOString());
      else repo.hardDelete(id);
      record(actor, p.usedCount > 0 ? 'promotion.deactivated' : 'promotion.deleted', id);
      return p.usedCount > 0 ? 'deactivated' : 'deleted';
    },
  };
}

export type PromotionsService = ReturnType<typeof createPromotionsService>;
