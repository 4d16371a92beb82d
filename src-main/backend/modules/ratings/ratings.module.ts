import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { CatalogModule } from '#main/backend/modules/catalog/catalog.module';
import { storeProductsRoutes } from '#main/backend/modules/catalog/store-products.routes';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { adminReviewsRoutes } from './admin-reviews.routes.ts';
import { createRatingsRepo } from './ratings.repo.ts';
import { ratingsRoutes } from './ratings.routes.ts';
import { createRatingsService } from './ratings.service.ts';

/** Ratings and reviews (one store, SPEC §2), and seed 002's store pages that show them. */
export async function registerRatings(
  deps: ModuleDeps & { guard: AuthGuard; catalog: CatalogModule },
) {
  const { app, db, clock, ids, audit, guard } = deps;
  const { catalog, categories, listing } = deps.catalog;
  const ratings = createRatingsService({
    repo: createRatingsRepo(db),
    catalog,
    listing,
    audit,
    clock,
    ids,
  });
  await app.register(ratingsRoutes, { ratings, guard });
  await app.register(adminReviewsRoutes, { ratings, guard });
  await app.register(storeProductsRoutes, { catalog, categories, ratings });
  return { ratings };
}
