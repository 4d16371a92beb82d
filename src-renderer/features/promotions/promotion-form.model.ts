import { parseVietnamTime, toVietnamLocal } from '#shared/text/vietnam-time';
import type { Promotion, PromotionBody } from '../../api/promotions.api.ts';
import type { MessageKey } from '../../app/i18n/i18n.context.ts';
import { parseWhole } from '../products/product-form.model.ts';

export type PromotionScope = PromotionBody['scope'];
export type DiscountType = PromotionBody['discount_config']['type'];

/** The form as typed: text for numbers and dates, so a half-typed value is not lost. */
export interface PromotionDraft {
  name: string;
  code: string;
  scope: PromotionScope;
  discountType: DiscountType;
  discountValue: string;
  minOrderAmount: string;
  /** `YYYY-MM-DDTHH:mm` in Vietnam time, as a datetime-local input holds it. */
  startDate: string;
  endDate: string;
  /** Empty: no limit on uses. */
  quantity: string;
  /** Comma-separated; empty: every customer. */
  targetRanks: string;
  active: boolean;
  productIds: number[];
  categoryIds: number[];
}

// Seed 002 dates are Vietnam wall-clock time without a zone (UTC+7, no daylight saving), both
// ways; the form shows and sends the store's wall-clock time.
const DAY_MS = 24 * 60 * 60 * 1000;

/** A date as the server sends it, as the datetime-local text of that moment in Vietnam. */
export function toVietnamInput(iso: string): string {
  const ms = parseVietnamTime(iso);
  return Number.isNaN(ms) ? '' : toVietnamLocal(ms).slice(0, 16);
}

/** A new promotion runs from the start of today for 30 days, Vietnam time. */
export function emptyDraft(now: number): PromotionDraft {
  const today = toVietnamInput(new Date(now).toISOString()).slice(0, 10);
  const end = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * DAY_MS).toISOString().slice(0, 10);
  return {
    name: '',
    code: '',
    scope: 'all',
    discountType: 'percentage',
    discountValue: '',
    minOrderAmount: '0',
    startDate: `${today}T00:00`,
    endDate: `${end}T23:59`,
    quantity: '',
    targetRanks: '',
    active: true,
    productIds: [],
    categoryIds: [],
  };
}

const asScope = (scope: string): PromotionScope =>
  scope === 'buy' || scope === 'rent' ? scope : 'all';

export function draftFromPromotion(p: Promotion): PromotionDraft {
  return {
    name: p.name,
    code: p.code,
    scope: asScope(p.scope),
    discountType: p.discount_config.type === 'amount' ? 'amount' : 'percentage',
    discountValue: String(p.discount_config.value),
    minOrderAmount: String(p.min_order_amount),
    startDate: toVietnamInput(p.start_date),
    endDate: toVietnamInput(p.end_date),
    quantity: p.quantity === null ? '' : String(p.quantity),
    targetRanks: p.target_ranks.join(', '),
    active: p.status,
    productIds: p.product_ids ?? [],
    categoryIds: p.category_ids ?? [],
  };
}

export type DraftCheck =
  { ok: true; body: PromotionBody } | { ok: false; field: string; key: MessageKey };

const CODE_PATTERN = /^[A-Za-z0-9_-]{3,40}$/;

/**
 * The body to send, or the first field the console can tell is wrong by itself. The server
 * checks the rest (a code already in use, a quantity below the uses made) and names the field.
 * Field names are the body's paths, so a server error marks the same input.
 */
export function checkDraft(draft: PromotionDraft): DraftCheck {
  const fail = (field: string, key: MessageKey): DraftCheck => ({ ok: false, field, key });
  const name = draft.name.trim();
  if (!name) return fail('name', 'promotionForm.error.nameRequired');
  const code = draft.code.trim().toUpperCase();
  if (!CODE_PATTERN.test(code)) return fail('code', 'promotionForm.error.code');

  const value = parseWhole(draft.discountValue);
  if (value === null || Number.isNaN(value) || value < 1) {
    return fail('discount_config.value', 'promotionForm.error.value');
  }
  if (draft.discountType === 'percentage' && value > 100) {
    return fail('discount_config.value', 'promotionForm.error.percent');
  }
  const minimum = parseWhole(draft.minOrderAmount);
  if (Number.isNaN(minimum)) return fail('min_order_amount', 'promotionForm.error.whole');

  if (!draft.startDate) return fail('start_date', 'promotionForm.error.dateRequired');
  if (!draft.endDate) return fail('end_date', 'promotionForm.error.dateRequired');
  // Both are the same zone's wall-clock text of one fixed length, so they compare as text.
  if (draft.endDate <= draft.startDate)
    return fail('end_date', 'promotionForm.error.endBeforeStart');

  const quantity = parseWhole(draft.quantity);
  if (Number.isNaN(quantity) || quantity === 0) {
    return fail('quantity', 'promotionForm.error.quantity');
  }

  return {
    ok: true,
    body: {
      name,
      code,
      scope: draft.scope,
      start_date: draft.startDate,
      end_date: draft.endDate,
      quantity,
      target_ranks: draft.targetRanks
        .split(',')
        .map((rank) => rank.trim())
        .filter((rank) => rank !== ''),
      status: draft.active,
      discount_config: { type: draft.discountType, value },
      min_order_amount: minimum ?? 0,
      product_ids: draft.productIds,
      category_ids: draft.categoryIds,
    },
  };
}
