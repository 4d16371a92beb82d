import { parseVietnamTime } from '#shared/text/vietnam-time';
import type { Promotion } from '../../api/promotions.api.ts';
import type { MessageKey } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

export const SCOPE_LABELS: Record<string, MessageKey> = {
  all: 'promotions.scope.all',
  buy: 'promotions.scope.buy',
  rent: 'promotions.scope.rent',
};

/** "10%" or "50.000 ₫". */
export function formatDiscount(p: Promotion): string {
  const { type, value } = p.discount_config;
  return type === 'percentage' ? `${value}%` : formatDong(value);
}

export type PromotionState = 'running' | 'scheduled' | 'ended' | 'paused' | 'usedUp';

/** Whether shoppers can use it at `now`, and if not, why. */
export function promotionState(p: Promotion, now: number): PromotionState {
  if (!p.status) return 'paused';
  if (now < parseVietnamTime(p.start_date)) return 'scheduled';
  if (now >= parseVietnamTime(p.end_date)) return 'ended';
  if (p.quantity !== null && p.used_count >= p.quantity) return 'usedUp';
  return 'running';
}

export const STATE_BADGES: Record<PromotionState, { key: MessageKey; tone: string }> = {
  running: { key: 'promotions.state.running', tone: 'good' },
  scheduled: { key: 'promotions.state.scheduled', tone: 'info' },
  ended: { key: 'promotions.state.ended', tone: 'warn' },
  paused: { key: 'promotions.state.paused', tone: 'warn' },
  usedUp: { key: 'promotions.state.usedUp', tone: 'error' },
};
