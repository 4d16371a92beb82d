import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createOrdersRepo } from '#main/backend/modules/orders/orders.repo';
import { createGateways, type Gateways } from './gateways.ts';
import { createPaymentsRepo } from './payments.repo.ts';
import { paymentsRoutes } from './payments.routes.ts';
import { createPaymentsService } from './payments.service.ts';

/**
 * Payments: cash at the counter, payOS/VNPay/MoMo links, their relayed notifications, and a
 * reconciliation loop that asks the gateways about attempts left pending.
 */
export async function registerPayments(
  deps: ModuleDeps & { guard: AuthGuard; gateways?: Gateways },
) {
  const { app, config, db, clock, ids, logger, guard } = deps;
  const payments = createPaymentsService({
    repo: createPaymentsRepo(db),
    orderEvents: createOrdersRepo(db),
    gateways: deps.gateways ?? createGateways(config.payments, { clock, ids }),
    terminalNo: config.payments.terminalNo,
    publicUrl: () =>
      config.payments.publicUrl ??
      `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`,
    storeName: config.storeName,
    clock,
    ids,
    logger,
  });
  await app.register(paymentsRoutes, { payments, guard });

  const everyMs = config.payments.reconcileSeconds * 1000;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  app.addHook('onReady', async () => {
    if (everyMs === 0) return;
    timer = setInterval(() => {
      if (running) return; // a slow gateway must not pile rounds on top of each other
      running = true;
      payments
        .reconcile({ everyMs, olderThanMs: Math.min(everyMs, 10_000) })
        .catch((err: unknown) => logger.warn({ err }, 'reconciliation round failed'))
        .finally(() => (running = false));
    }, everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
  return { payments };
}
