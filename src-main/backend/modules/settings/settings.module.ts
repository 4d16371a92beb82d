import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createRentalSettings } from './rental-settings.ts';
import { createSettingsRepo } from './settings.repo.ts';
import { settingsRoutes } from './settings.routes.ts';

export async function registerSettings(deps: ModuleDeps & { guard: AuthGuard }) {
  const { app, db, audit, clock, guard } = deps;
  const rental = createRentalSettings({ repo: createSettingsRepo(db), audit, clock });
  await app.register(settingsRoutes, { rental, guard });
  return { rental };
}
