import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { AccountsService } from '#main/backend/modules/accounts/accounts.service';
import { createCatalogRepo } from '#main/backend/modules/catalog/catalog.repo';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { systemRoutes } from './system.routes.ts';
import { createSystemService } from './system.service.ts';

/** Health and the console's store status. */
export async function registerSystem(
  deps: ModuleDeps & {
    guard: AuthGuard;
    accounts: AccountsService;
    version: string;
    migrationsFolder: string;
  },
) {
  const { app, db, clock, guard } = deps;
  const system = createSystemService({
    db,
    clock,
    version: deps.version,
    migrationsFolder: deps.migrationsFolder,
    accounts: deps.accounts,
    catalog: createCatalogRepo(db),
  });
  await app.register(systemRoutes, { system, guard });
}
