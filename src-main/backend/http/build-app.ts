import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '#main/backend/config';
import type { AppDb } from '#main/backend/db/client';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import { registerAccounts } from '#main/backend/modules/accounts/accounts.module';
import { createAuditRepo } from '#main/backend/modules/audit/audit.repo';
import { registerCatalog } from '#main/backend/modules/catalog/catalog.module';
import { registerFavorites } from '#main/backend/modules/favorites/favorites.module';
import { registerProfile } from '#main/backend/modules/profile/profile.module';
import { registerCarts } from '#main/backend/modules/carts/carts.module';
import { registerSettings } from '#main/backend/modules/settings/settings.module';
import { registerOrders } from '#main/backend/modules/orders/orders.module';
import { registerPickup } from '#main/backend/modules/orders/pickup.module';
import { registerPayments } from '#main/backend/modules/payments/payments.module';
import { registerPromotions } from '#main/backend/modules/promotions/promotions.module';
import { registerRatings } from '#main/backend/modules/ratings/ratings.module';
import { registerSystem } from '#main/backend/modules/system/system.module';
import { registerSmartCarts } from '#main/backend/modules/sessions/sessions.module';
import type { UsbBusLike } from '#main/backend/drivers/usb/usb.transport';
import { registerErrorHandling, sendFrameworkError } from './errors.ts';
import { registerMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSecurity } from './security.ts';
import { registerStaticFiles } from './static-files.ts';
import { createSchemaCompilers } from './validation.ts';

export interface AppDeps {
  config: Config;
  db: AppDb;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  secret: Uint8Array;
  version: string;
  paths: { migrations: string; resources: string; console: string };
  /** The USB bus (WebUSB); null where there is none. Tests pass a double. */
  usbBus?: UsbBusLike | null;
}

/** JSON bodies above this are refused with 413; uploads get their own limits per route. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the LAN API: plugins first, then every module's routes, registered explicitly. */
export async function buildApp(deps: AppDeps) {
  const { config, db, clock, ids, logger } = deps;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // One log line per request would dominate the log at the carts' event rates.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    // Router-level rejections (bad percent-encoding, over-long parameters) in the error shape.
    frameworkErrors: (error, req, reply) => sendFrameworkError(error, req, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();
  const compilers = createSchemaCompilers();
  app.setValidatorCompiler(compilers.validator);
  app.setSerializerCompiler(compilers.serializer);
  let warmed: Promise<void> | null = null;
  app.addHook('onReady', async () => {
    warmed = compilers.warmUp();
    warmed.catch((err: unknown) => logger.error({ err }, 'a route schema is invalid'));
  });

  await registerSecurity(app, { perMinute: config.rateLimitPerMinute });
  registerErrorHandling(app);
  await registerOpenApi(app, deps.version);
  registerMetrics(app);

  // Modules, registered explicitly; each wires its own repositories, services and routes.
  const base = { app, config, db, clock, ids, logger, audit: createAuditRepo(db) };
  const { accounts, guard } = await registerAccounts({ ...base, secret: deps.secret });
  await registerSystem({
    ...base,
    guard,
    accounts,
    version: deps.version,
    migrationsFolder: deps.paths.migrations,
  });
  const catalog = await registerCatalog({ ...base, guard });
  await registerRatings({ ...base, guard, catalog });
  await registerFavorites({ ...base, guard, catalog });
  await registerProfile({ ...base, guard });
  const { rental } = await registerSettings({ ...base, guard });
  await registerCarts({
    ...base,
    guard,
    catalog,
    rentalLimits: () => rental.current().duration_limits,
  });
  await registerPromotions({ ...base, guard });
  const { payments } = await registerPayments({ ...base, guard });
  const available = new Set(
    payments
      .methods()
      .filter((m) => m.available)
      .map((m) => m.method),
  );
  const { lifecycle } = await registerOrders({
    ...base,
    guard,
    catalog,
    gatewayAvailable: (g) => available.has(g as never),
  });
  const smartCarts = await registerSmartCarts({ ...base, guard, usbBus: deps.usbBus ?? null });
  await registerPickup({
    ...base,
    guard,
    catalog,
    sessions: smartCarts.sessions,
    payments,
    lifecycle,
  });
  await registerStaticFiles(app, { console: deps.paths.console, resources: deps.paths.resources });

  /** Resolves once every route schema is compiled; rejects naming a schema that can't be. */
  const schemasCompiled = () => warmed ?? Promise.reject(new Error('the app is not ready yet'));
  return { app, services: { accounts, payments, ...smartCarts }, schemasCompiled };
}
