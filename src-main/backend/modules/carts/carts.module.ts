import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { CatalogModule } from '#main/backend/modules/catalog/catalog.module';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createPromotionPricing } from '#main/backend/modules/promotions/promotion-pricing';
import { createPromotionsRepo } from '#main/backend/modules/promotions/promotions.repo';
import { createCartsRepo } from './carts.repo.ts';
import { createStoreCartRepo } from './store-cart.repo.ts';
import { shopCartRoutes } from './shop-cart.routes.ts';
import { storeCartRoutes } from './store-cart.routes.ts';
import { createStoreCartService } from './store-cart.service.ts';

/** Customers' own carts (seed 002); smart-cart sessions use the same tables. */
export async function registerCarts(
  deps: ModuleDeps & {
    guard: AuthGuard;
    catalog: CatalogModule;
    rentalLimits: () => { min_days: number; max_days: number };
  },
) {
  const { app, db, clock, guard } = deps;
  const lines = createStoreCartRepo(db);
  const carts = createCartsRepo(db);
  const catalog = deps.catalog.catalog;
  const cart = createStoreCartService({
    lines,
    carts,
    catalog,
    pricing: createPromotionPricing(createPromotionsRepo(db)),
    rentalLimits: deps.rentalLimits,
    clock,
  });
  await app.register(storeCartRoutes, { cart, guard });
  await app.register(shopCartRoutes, { lines, catalog, cart, guard, clock, ids: deps.ids });
}
