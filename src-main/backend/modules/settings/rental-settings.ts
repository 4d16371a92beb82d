import { badRequest } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import { DEFAULT_RENTAL_SETTINGS, type RentalSettings } from '#shared/contracts/settings';
import type { SettingsRepo } from './settings.repo.ts';

type Patch = { [K in keyof RentalSettings]?: Partial<RentalSettings[K]> };

/** Seed 002 rental settings: duration limits, deposit rate, overdue fee, rent-to-own. */
export function createRentalSettings(deps: { repo: SettingsRepo; audit: AuditRepo; clock: Clock }) {
  const { repo, audit, clock } = deps;
  const current = () => repo.get<RentalSettings>('rental', DEFAULT_RENTAL_SETTINGS);
  return {
    current,
    update(actor: User, patch: Patch): RentalSettings {
      const before = current();
      const next: RentalSettings = {
        duration_limits: { ...before.duration_limits, ...patch.duration_limits },
        deposit: { ...before.deposit, ...patch.deposit },
        penalty: { ...before.penalty, ...patch.penalty },
        rent_to_own: { ...before.rent_to_own, ...patch.rent_to_own },
      };
      if (next.duration_limits.max_days < next.duration_limits.min_days) {
        throw badRequest('max_days must not be below min_days', 'duration_limits.max_days');
      }
      const at = clock.now();
      repo.set('rental', next, at.toISOString(), actor.id);
      audit.record({
        actorUserId: actor.id,
        action: 'settings.rental_updated',
        targetType: 'settings',
        targetId: 'rental',
        detail: { before, after: next },
        at,
      });
      return next;
    },
  };
}

export type RentalSettingsService = ReturnType<typeof createRentalSettings>;
