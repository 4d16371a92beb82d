import type { RentalSettings } from '../../api/settings.api.ts';
import type { MessageKey } from '../../app/i18n/i18n.context.ts';
import { parseWhole } from '../products/product-form.model.ts';

export const CANCELLATION_POLICIES = ['flexible', 'moderate', 'strict'] as const;
export type CancellationPolicy = (typeof CANCELLATION_POLICIES)[number];

export const POLICY_LABELS: Record<CancellationPolicy, MessageKey> = {
  flexible: 'rentalSettings.policy.flexible',
  moderate: 'rentalSettings.policy.moderate',
  strict: 'rentalSettings.policy.strict',
};

/** The form as typed; numbers stay text until saved. */
export interface RentalSettingsDraft {
  minDays: string;
  maxDays: string;
  depositRate: string;
  overdueFeeRate: string;
  cancellationPolicy: CancellationPolicy;
  rentToOwn: boolean;
  rentDeduction: string;
}

export function draftFromSettings(s: RentalSettings): RentalSettingsDraft {
  return {
    minDays: String(s.duration_limits.min_days),
    maxDays: String(s.duration_limits.max_days),
    depositRate: String(s.deposit.default_rate),
    overdueFeeRate: String(s.penalty.overdue_fee_rate),
    cancellationPolicy: s.penalty.cancellation_policy,
    rentToOwn: s.rent_to_own.enabled,
    rentDeduction: String(s.rent_to_own.rent_deduction),
  };
}

/** A percentage as typed, "80", "12.5" or "12,5"; NaN when it is not a number. */
export function parseRate(input: string): number {
  const trimmed = input.trim().replace(/\s*%$/, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const MAX_DAYS = 365;
const MAX_RATE = 1000;

export type SettingsCheck =
  { ok: true; body: RentalSettings } | { ok: false; field: string; key: MessageKey };

/**
 * The whole settings object to send, or the first field that cannot be. The ranges are the
 * server's; it checks them again (and that the maximum is not below the minimum).
 */
export function checkSettings(draft: RentalSettingsDraft): SettingsCheck {
  const fail = (field: string, key: MessageKey): SettingsCheck => ({ ok: false, field, key });
  const days = (text: string) => {
    const n = parseWhole(text);
    return n !== null && !Number.isNaN(n) && n >= 1 && n <= MAX_DAYS ? n : null;
  };
  const rate = (text: string) => {
    const n = parseRate(text);
    return Number.isNaN(n) || n > MAX_RATE ? null : n;
  };

  const minDays = days(draft.minDays);
  if (minDays === null) return fail('duration_limits.min_days', 'rentalSettings.error.days');
  const maxDays = days(draft.maxDays);
  if (maxDays === null) return fail('duration_limits.max_days', 'rentalSettings.error.days');
  if (maxDays < minDays)
    return fail('duration_limits.max_days', 'rentalSettings.error.maxBelowMin');
  const depositRate = rate(draft.depositRate);
  if (depositRate === null) return fail('deposit.default_rate', 'rentalSettings.error.rate');
  const overdueFeeRate = rate(draft.overdueFeeRate);
  if (overdueFeeRate === null) return fail('penalty.overdue_fee_rate', 'rentalSettings.error.rate');
  const rentDeduction = rate(draft.rentDeduction);
  if (rentDeduction === null)
    return fail('rent_to_own.rent_deduction', 'rentalSettings.error.rate');

  return {
    ok: true,
    body: {
      duration_limits: { min_days: minDays, max_days: maxDays },
      deposit: { default_rate: depositRate },
      penalty: {
        overdue_fee_rate: overdueFeeRate,
        cancellation_policy: draft.cancellationPolicy,
      },
      rent_to_own: { enabled: draft.rentToOwn, rent_deduction: rentDeduction },
    },
  };
}
