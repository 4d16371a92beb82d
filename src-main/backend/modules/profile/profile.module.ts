import type { AuthGuard } from '#main/backend/http/auth-guard';
import { createAccountsRepo } from '#main/backend/modules/accounts/accounts.repo';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createAddressesRepo } from './addresses.repo.ts';
import { profileRoutes } from './profile.routes.ts';
import { createProfileService } from './profile.service.ts';

export async function registerProfile(deps: ModuleDeps & { guard: AuthGuard }) {
  const { app, db, clock, guard } = deps;
  const profile = createProfileService({
    accounts: createAccountsRepo(db),
    addresses: createAddressesRepo(db),
    clock,
  });
  await app.register(profileRoutes, { profile, guard });
}
