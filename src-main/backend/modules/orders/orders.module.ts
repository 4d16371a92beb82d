import type { AuthGuard } from '#main/backend/http/auth-guard';
import { createCartsRepo } from '#main/backend/modules/carts/carts.repo';
import { createStoreCartRepo } from '#main/backend/modules/carts/store-cart.repo';
import type { CatalogModule } from '#main/backend/modules/catalog/catalog.module';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createAddressesRepo } from '#main/backend/modules/profile/addresses.repo';
import { createPromotionsRepo } from '#main/backend/modules/promotions/promotions.repo';
import { adminOrdersRoutes } from './admin-orders.routes.ts';
import { createAdminOrdersService } from './admin-orders.service.ts';
import { createOrdersRepo } from './orders.repo.ts';
import { ordersRoutes } from './orders.routes.ts';
import { registerRentals } from './rentals.module.ts';
import type { GatewayAvailable } from './payment-methods.ts';
import { createShopCheckoutService } from './shop-checkout.service.ts';
import { createStoreCheckoutService } from './store-checkout.service.ts';

export async function registerOrders(
  deps: ModuleDeps & {
    guard: AuthGuard;
    catalog: CatalogModule;
    gatewayAvailable: GatewayAvailable;
  },
) {
  const { app, db, clock, ids, guard } = deps;
  const orders = createOrdersRepo(db);
  const promotions = createPromotionsRepo(db);
  const checkout = createStoreCheckoutService({
    gatewayAvailable: deps.gatewayAvailable,
    orders,
    promotions,
    carts: createCartsRepo(db),
    lines: createStoreCartRepo(db),
    addresses: createAddressesRepo(db),
    catalog: deps.catalog.catalog,
    listing: deps.catalog.listing,
    clock,
    ids,
  });
  const shopCheckout = createShopCheckoutService({
    gatewayAvailable: deps.gatewayAvailable,
    orders,
    promotions,
    catalog: deps.catalog.catalog,
    listing: deps.catalog.listing,
    clock,
    ids,
  });
  await app.register(ordersRoutes, { checkout, shopCheckout, orders, guard });
  const { lifecycle } = await registerRentals({ ...deps, orders, listing: deps.catalog.listing });
  const admin = createAdminOrdersService({
    orders,
    listing: deps.catalog.listing,
    audit: deps.audit,
    lifecycle,
    clock,
  });
  await app.register(adminOrdersRoutes, { orders, admin, guard });
  return { lifecycle };
}
