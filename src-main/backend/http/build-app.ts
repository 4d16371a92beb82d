import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '#main/backend/config';
import type { AppDb } from '#main/backend/db/client';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import { createAccountsRepo } from '#main/backend/modules/accounts/accounts.repo';
import { createAccountsService } from '#main/backend/modules/accounts/accounts.service';
import { authRoutes } from '#main/backend/modules/accounts/auth.routes';
import { createLoginThrottle } from '#main/backend/modules/accounts/login-throttle';
import { createTokenService } from '#main/backend/modules/accounts/tokens';
import { usersRoutes } from '#main/backend/modules/accounts/users.routes';
import { createAuditRepo } from '#main/backend/modules/audit/audit.repo';
import { createCatalogRepo } from '#main/backend/modules/catalog/catalog.repo';
import { createCatalogService } from '#main/backend/modules/catalog/catalog.service';
import { createCategoriesRepo } from '#main/backend/modules/catalog/categories.repo';
import { createProductListing } from '#main/backend/modules/catalog/product-listing';
import { productsRoutes } from '#main/backend/modules/catalog/products.routes';
import { createProductsRepo } from '#main/backend/modules/catalog/products.repo';
import { createSearchIndex } from '#main/backend/modules/catalog/search-index';
import { adminCatalogRoutes } from '#main/backend/modules/catalog/admin-catalog.routes';
import { createCatalogAdminService } from '#main/backend/modules/catalog/catalog-admin.service';
import { createCatalogWritesRepo } from '#main/backend/modules/catalog/catalog-writes.repo';
import { adminReviewsRoutes } from '#main/backend/modules/ratings/admin-reviews.routes';
import { createFavoritesRepo } from '#main/backend/modules/favorites/favorites.repo';
import { favoritesRoutes } from '#main/backend/modules/favorites/favorites.routes';
import { createFacets } from '#main/backend/modules/catalog/facets';
import { shopProductsRoutes } from '#main/backend/modules/catalog/shop-products.routes';
import { storeProductsRoutes } from '#main/backend/modules/catalog/store-products.routes';
import { createRatingsRepo } from '#main/backend/modules/ratings/ratings.repo';
import { ratingsRoutes } from '#main/backend/modules/ratings/ratings.routes';
import { createRatingsService } from '#main/backend/modules/ratings/ratings.service';
import { createSystemService } from '#main/backend/modules/system/system.service';
import { systemRoutes } from '#main/backend/modules/system/system.routes';
import { createAuthGuard } from './auth-guard.ts';
import { registerErrorHandling, sendFrameworkError } from './errors.ts';
import { createValidatorCompiler } from './validation.ts';
import { registerMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSecurity } from './security.ts';
import { registerStaticFiles } from './static-files.ts';

export interface AppDeps {
  config: Config;
  db: AppDb;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  secret: Uint8Array;
  version: string;
  paths: { migrations: string; resources: string; console: string };
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
  app.setValidatorCompiler(createValidatorCompiler());

  await registerSecurity(app, { perMinute: config.rateLimitPerMinute });
  registerErrorHandling(app);
  await registerOpenApi(app, deps.version);
  registerMetrics(app);

  const audit = createAuditRepo(db);
  const accountsRepo = createAccountsRepo(db);
  const accounts = createAccountsService({
    repo: accountsRepo,
    audit,
    throttle: createLoginThrottle(clock),
    clock,
    ids,
    logger,
  });
  const tokens = createTokenService(deps.secret, clock);
  const guard = createAuthGuard(app, tokens, accounts);
  // One limiter (one budget per address) shared by every login route, so alternating between
  // routes doesn't double an attacker's guesses.
  const loginRateLimit = app.rateLimit({
    max: config.loginRateLimitPerMinute,
    timeWindow: '1 minute',
  });
  const system = createSystemService({
    db,
    clock,
    version: deps.version,
    migrationsFolder: deps.paths.migrations,
    accounts,
    catalog: createCatalogRepo(db),
  });

  await app.register(usersRoutes, { accounts, tokens, guard, loginRateLimit });
  await app.register(authRoutes, { accounts, tokens, guard, loginRateLimit });
  await app.register(systemRoutes, { system, guard });

  const search = createSearchIndex(db, clock);
  const listing = createProductListing(db, search);
  const categories = createCategoriesRepo(db);
  const productsRepo = createProductsRepo(db);
  const catalog = createCatalogService({
    products: productsRepo,
    listing,
    search,
    clock,
  });
  await app.register(productsRoutes, { catalog, categories });
  const ratings = createRatingsService({
    repo: createRatingsRepo(db),
    catalog,
    listing,
    audit,
    clock,
    ids,
  });
  await app.register(ratingsRoutes, { ratings, guard });
  await app.register(storeProductsRoutes, { catalog, categories, ratings });
  const facets = createFacets(db, listing);
  await app.register(shopProductsRoutes, { catalog, categories, facets });
  const catalogAdmin = createCatalogAdminService({
    writes: createCatalogWritesRepo(db),
    products: productsRepo,
    categories,
    search,
    listing,
    audit,
    clock,
    ids,
  });
  await app.register(adminCatalogRoutes, { catalog, categories, admin: catalogAdmin, guard });
  await app.register(adminReviewsRoutes, { ratings, guard });
  await app.register(favoritesRoutes, {
    favorites: createFavoritesRepo(db),
    catalog,
    guard,
    clock,
  });
  await registerStaticFiles(app, { console: deps.paths.console, resources: deps.paths.resources });

  return { app, services: { accounts } };
}
