import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { CatalogModule } from '#main/backend/modules/catalog/catalog.module';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createFavoritesRepo } from './favorites.repo.ts';
import { favoritesRoutes } from './favorites.routes.ts';

export async function registerFavorites(
  deps: ModuleDeps & { guard: AuthGuard; catalog: CatalogModule },
) {
  const { app, db, clock, guard } = deps;
  await app.register(favoritesRoutes, {
    favorites: createFavoritesRepo(db),
    catalog: deps.catalog.catalog,
    guard,
    clock,
  });
}
