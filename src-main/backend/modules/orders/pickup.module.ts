import type { AuthGuard } from '#main/backend/http/auth-guard';
import { createCartsRepo } from '#main/backend/modules/carts/carts.repo';
import type { CatalogModule } from '#main/backend/modules/catalog/catalog.module';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import type { PaymentsService } from '#main/backend/modules/payments/payments.service';
import { createPromotionPricing } from '#main/backend/modules/promotions/promotion-pricing';
import { createPromotionsRepo } from '#main/backend/modules/promotions/promotions.repo';
import type { SessionsService } from '#main/backend/modules/sessions/sessions.service';
import type { OrderLifecycle } from './order-lifecycle.ts';
import { createOrdersRepo } from './orders.repo.ts';
import { createPickupOrdersRepo } from './pickup-orders.repo.ts';
import { pickupRoutes } from './pickup.routes.ts';
import { createPickupService } from './pickup.service.ts';

/**
 * In-store pickup for smart-cart sessions. Registered after carts and payments: a session's
 * order is handed over (Delivered) in the transaction that marks it paid, and then the
 * session completes and the cart unlocks.
 */
export async function registerPickup(
  deps: ModuleDeps & {
    guard: AuthGuard;
    catalog: CatalogModule;
    sessions: SessionsService;
    payments: PaymentsService;
    lifecycle: OrderLifecycle;
  },
) {
  const { app, db, clock, ids, guard, sessions, payments, lifecycle } = deps;
  const orders = createOrdersRepo(db);
  const pickups = createPickupOrdersRepo(db);
  const promotions = createPromotionsRepo(db);
  const pickup = createPickupService({
    orders,
    pickups,
    carts: createCartsRepo(db),
    sessions,
    promotions,
    pricing: createPromotionPricing(promotions),
    catalog: deps.catalog.catalog,
    listing: deps.catalog.listing,
    clock,
    ids,
  });
  // Paid at the cart: the customer walks out with the goods.
  payments.onPaidInTransaction((paid, at) => {
    if (paid.source !== 'smart_cart') return;
    const order = orders.find(paid.id);
    if (order?.status !== 'Pending') return;
    lifecycle.move(order, 'Delivered', null, 'paid at the cart', { at: new Date(at) });
  });
  // A session abandoned or expired before paying: its order is cancelled and restocked.
  sessions.onEnded((session, status, by) => {
    if (status === 'completed') return;
    const id = pickups.forSession(session.id);
    const order = id ? orders.find(id) : null;
    if (!order || order.status !== 'Pending' || order.row.payment_status !== 'unpaid') return;
    orders.transaction(() => lifecycle.move(order, 'Cancelled', by, `session ${status}`));
    deps.catalog.listing.invalidate();
  });
  payments.onPaid((order) => {
    if (order.shoppingSessionId) sessions.paid(order.shoppingSessionId, order);
  });
  await app.register(pickupRoutes, { pickup, orders, pickups, guard });
}
