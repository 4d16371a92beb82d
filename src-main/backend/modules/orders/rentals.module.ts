import type { AppDb } from '#main/backend/db/client';
import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import { every, type Repeating } from '#main/backend/lib/scheduler';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createRentalSettings } from '#main/backend/modules/settings/rental-settings';
import { createSettingsRepo } from '#main/backend/modules/settings/settings.repo';
import { adminOrderRequestsRoutes } from './admin-order-requests.routes.ts';
import { createOrderLifecycle } from './order-lifecycle.ts';
import { orderRequestsRoutes } from './order-requests.routes.ts';
import { createOrderRequestsService } from './order-requests.service.ts';
import type { OrdersRepo } from './orders.repo.ts';
import { createRentalsRepo } from './rentals.repo.ts';
import { createRentalsService } from './rentals.service.ts';

/** How often Active rentals are checked against their end. Fees count whole days anyway. */
export const OVERDUE_SWEEP_EVERY_MS = 60_000;

/** The order lifecycle with its requests and rental rules, over one database. */
export function createRentals(deps: {
  db: AppDb;
  orders: OrdersRepo;
  listing: ProductListing;
  audit: AuditRepo;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { db, orders, listing, audit, clock, ids } = deps;
  // Read on every use: an admin's change to the rates applies to the next fee computed.
  const rentalSettings = createRentalSettings({ repo: createSettingsRepo(db), audit, clock });
  const settings = () => rentalSettings.current();
  const rentals = createRentalsRepo(db);
  const lifecycle = createOrderLifecycle({ orders, rentals, settings, clock });
  return {
    lifecycle,
    requests: createOrderRequestsService({ orders, rentals, lifecycle, listing, audit, clock }),
    rentals: createRentalsService({ orders, rentals, lifecycle, settings, audit, clock, ids }),
  };
}

/** Registers the request and rental routes and the overdue sweep; returns the lifecycle. */
export async function registerRentals(
  deps: ModuleDeps & { guard: AuthGuard; orders: OrdersRepo; listing: ProductListing },
) {
  const { app, guard, logger } = deps;
  const parts = createRentals(deps);
  const routes = { requests: parts.requests, rentals: parts.rentals, guard };
  await app.register(orderRequestsRoutes, routes);
  await app.register(adminOrderRequestsRoutes, routes);

  const sweep = () => {
    const moved = parts.lifecycle.sweepOverdue();
    if (moved > 0) logger.info({ moved }, 'rentals past their end marked Overdue');
  };
  const failed = (err: unknown) => logger.error({ err }, 'overdue sweep failed');
  let sweeper: Repeating | null = null;
  app.addHook('onReady', async () => {
    // Once at start, for rentals that ran out while the terminal was off, then periodically.
    try {
      sweep();
    } catch (err) {
      failed(err);
    }
    sweeper = every(OVERDUE_SWEEP_EVERY_MS, sweep, failed);
  });
  app.addHook('onClose', async () => {
    sweeper?.stop();
  });
  return parts;
}
