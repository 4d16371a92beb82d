import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { adminCatalogRoutes } from './admin-catalog.routes.ts';
import { createCatalogAdminService } from './catalog-admin.service.ts';
import { createCatalogWritesRepo } from './catalog-writes.repo.ts';
import { createCatalogService } from './catalog.service.ts';
import { createCategoriesRepo } from './categories.repo.ts';
import { createFacets } from './facets.ts';
import { createProductListing } from './product-listing.ts';
import { productsRoutes } from './products.routes.ts';
import { createProductsRepo } from './products.repo.ts';
import { createSearchIndex } from './search-index.ts';
import { shopProductsRoutes } from './shop-products.routes.ts';

/**
 * The one catalog (SPEC §2) behind seed 001 `/products*`, seed 003 `/api/products` and seed
 * 002 `/admin/products`, `/admin/categories`. Seed 002's store routes need ratings too and
 * are registered by the ratings module.
 */
export async function registerCatalog(deps: ModuleDeps & { guard: AuthGuard }) {
  const { app, db, clock, ids, audit, guard } = deps;
  const search = createSearchIndex(db, clock);
  const listing = createProductListing(db, search);
  const categories = createCategoriesRepo(db);
  const products = createProductsRepo(db);
  const catalog = createCatalogService({ products, listing, search, clock });
  const admin = createCatalogAdminService({
    writes: createCatalogWritesRepo(db),
    products,
    categories,
    search,
    listing,
    audit,
    clock,
    ids,
  });
  await app.register(productsRoutes, { catalog, categories });
  await app.register(shopProductsRoutes, {
    catalog,
    categories,
    facets: createFacets(db, listing),
  });
  await app.register(adminCatalogRoutes, { catalog, categories, admin, guard });
  return { catalog, categories, listing };
}

export type CatalogModule = Awaited<ReturnType<typeof registerCatalog>>;
