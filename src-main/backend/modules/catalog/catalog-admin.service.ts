import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import { badRequest, notFound } from '#main/backend/http/errors';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type {
  AdminProductBody,
  AdminProductPatch,
  VariantInput,
} from '#shared/contracts/admin-catalog';
import type { CatalogWritesRepo, ProductValues, VariantValues } from './catalog-writes.repo.ts';
import type { CategoriesRepo } from './categories.repo.ts';
import type { ProductListing } from './product-listing.ts';
import type { ProductCard, ProductsRepo, Variant } from './products.repo.ts';
import type { SearchIndex } from './search-index.ts';

const toValues = (v: VariantInput): VariantValues => ({
  sku: v.sku.trim(),
  barcode: v.barcode ?? null,
  size: v.size ?? null,
  color: v.color ?? null,
  condition: v.condition ?? 'New',
  price: v.price,
  stock: v.stock,
  maintenanceStock: v.maintenance_stock ?? 0,
  cost: v.cost ?? null,
  weightGrams: v.weight_grams ?? null,
  isRentable: v.is_rentable ?? false,
  rentPricePerDay: v.rent_price ?? null,
  deposit: v.deposit ?? null,
});

/** Seed 002's one-variant body: product_number is the SKU, list_price the price, and so on. */
function seed002Variant(body: AdminProductPatch, base?: Variant): VariantInput | null {
  const sku = body.product_number ?? base?.sku;
  const price = body.list_price ?? base?.price;
  if (sku === undefined || price === undefined) return null;
  const attrs = body.attributes ?? {};
  return {
    id: base?.id,
    sku,
    barcode: base?.barcode ?? null,
    size: attrs.size ?? base?.size ?? null,
    color: attrs.color ?? base?.color ?? null,
    condition: attrs.condition ?? base?.condition ?? 'New',
    price,
    stock: body.stock_details?.total_stock ?? base?.stock ?? 0,
    maintenance_stock: body.stock_details?.maintenance_stock ?? base?.maintenanceStock ?? 0,
    cost: body.standard_cost ?? base?.cost ?? null,
    weight_grams: base?.weightGrams ?? null,
    is_rentable: body.rental_config?.is_rentable ?? base?.isRentable ?? false,
    rent_price: body.rent_price !== undefined ? body.rent_price : (base?.rentPricePerDay ?? null),
    deposit:
      body.rental_config?.security_deposit !== undefined
        ? body.rental_config.security_deposit
        : (base?.deposit ?? null),
  };
}

/** Attributes other than the variant's own become specs, as seed 002's `attributes` mixes both. */
const specsFrom = (body: AdminProductPatch, current: Record<string, string>) => {
  const { size: _s, color: _c, condition: _k, ...rest } = body.attributes ?? {};
  return { ...current, ...rest, ...body.specs };
};

/**
 * A listed variant keeps what the client left out: fields come from the variant it names by id
 * (or, for a SKU this product once retired, that variant, which is brought back).
 */
function withDefaultsFrom(v: VariantInput, existing: Variant[]): VariantInput {
  const base = existing.find((e) => e.id === v.id);
  if (!base) return v;
  return {
    barcode: base.barcode,
    size: base.size,
    color: base.color,
    condition: base.condition,
    maintenance_stock: base.maintenanceStock,
    cost: base.cost,
    weight_grams: base.weightGrams,
    is_rentable: base.isRentable,
    rent_price: base.rentPricePerDay,
    deposit: base.deposit,
    ...v,
  };
}

export function createCatalogAdminService(deps: {
  writes: CatalogWritesRepo;
  products: ProductsRepo;
  categories: CategoriesRepo;
  search: SearchIndex;
  listing: ProductListing;
  audit: AuditRepo;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { writes, products, categories, search, listing, audit, clock, ids } = deps;

  /** The category the body names, by `category_id` or seed 002's `subcategory_id`. */
  function category(body: AdminProductPatch, required: boolean): number | undefined {
    const field = body.category_id !== undefined ? 'category_id' : 'subcategory_id';
    const id = body.category_id ?? body.subcategory_id;
    if (id === undefined) {
      if (required) throw badRequest('category_id (or subcategory_id) is required', 'category_id');
      return undefined;
    }
    if (!categories.find(id)) throw badRequest(`category ${id} does not exist`, field);
    return id;
  }

  /**
   * SKUs and barcodes are unique across the store and never reused (a retired variant keeps
   * its codes for history): a scanner must find exactly one variant. `seed002` names the field
   * the client actually sent.
   */
  function checkCodes(variants: VariantInput[], seed002: boolean): void {
    const skus = new Set<string>();
    const barcodes = new Set<string>();
    variants.forEach((v, i) => {
      const sku = v.sku.trim();
      const skuField = seed002 ? 'product_number' : `variants.${i}.sku`;
      if (skus.has(sku)) throw badRequest(`SKU ${sku} appears twice`, skuField);
      skus.add(sku);
      const holder = writes.skuHolder(sku);
      if (holder && holder.id !== v.id) throw badRequest(`SKU ${sku} already exists`, skuField);
      if (v.barcode) {
        const field = `variants.${i}.barcode`;
        if (barcodes.has(v.barcode)) throw badRequest(`Barcode ${v.barcode} appears twice`, field);
        barcodes.add(v.barcode);
        const owner = writes.barcodeHolder(v.barcode);
        if (owner && owner.id !== v.id) {
          throw badRequest(`Barcode ${v.barcode} already exists`, field);
        }
      }
      if ((v.maintenance_stock ?? 0) > v.stock) {
        throw badRequest(
          'maintenance stock cannot exceed total stock',
          seed002 ? 'stock_details.maintenance_stock' : `variants.${i}.maintenance_stock`,
        );
      }
    });
  }

  function record(actor: User, action: string, targetType: string, id: number, detail = {}) {
    audit.record({
      actorUserId: actor.id,
      action,
      targetType,
      targetId: id,
      detail,
      at: clock.now(),
    });
  }

  function commit<T>(fn: (at: string) => T): T {
    const result = writes.transaction(() => fn(clock.now().toISOString()));
    listing.invalidate();
    return result;
  }

  return {
    createProduct(actor: User, body: AdminProductBody): ProductCard {
      const categoryId = category(body, true)!;
      const variants = body.variants ?? [seed002Variant(body)].filter((v) => v !== null);
      if (variants.length === 0) {
        throw badRequest('variants (or product_number and list_price) are required', 'variants');
      }
      checkCodes(variants, body.variants === undefined);
      const id = commit((at) => {
        const values: ProductValues = {
          name: body.name.trim(),
          description: body.description ?? null,
          categoryId,
          isHot: body.is_hot ?? false,
          specs: specsFrom(body, {}),
          safetyStockLevel: body.safety_stock_level ?? null,
          reorderPoint: body.reorder_point ?? null,
        };
        const productId = writes.insertProduct(ids.uuid(), values, at);
        for (const v of variants) writes.insertVariant(productId, toValues(v), at);
        writes.refreshPrices(productId);
        writes.replaceImages(productId, body.images ?? []);
        writes.replaceTags(productId, body.tags ?? []);
        search.reindex(productId);
        record(actor, 'product.created', 'product', productId, { name: values.name });
        return productId;
      });
      return products.find(id)!;
    },

    updateProduct(actor: User, id: number, patch: AdminProductPatch): ProductCard {
      const current = products.find(id);
      if (!current) throw notFound('Product not found');
      const categoryId = category(patch, false) ?? current.categoryId;
      const existing = products.variants(id);
      const single = seed002Variant(patch, existing[0]);
      const touchesSingle =
        patch.product_number !== undefined ||
        patch.list_price !== undefined ||
        patch.stock_details !== undefined ||
        patch.standard_cost !== undefined ||
        patch.rental_config !== undefined ||
        patch.rent_price !== undefined ||
        ['size', 'color', 'condition'].some((k) => patch.attributes?.[k] !== undefined);
      const variants =
        patch.variants?.map((v) => {
          // A SKU this product retired comes back as that variant, not as a duplicate.
          const holder = v.id === undefined ? writes.skuHolder(v.sku.trim()) : undefined;
          return withDefaultsFrom(
            holder?.product_id === id ? { ...v, id: holder.id } : v,
            existing,
          );
        }) ?? (touchesSingle && single ? [single] : null);
      if (variants) {
        const known = new Set(writes.variantIdsOf(id));
        variants.forEach((v, i) => {
          if (v.id !== undefined && !known.has(v.id)) {
            throw badRequest(
              `variant ${v.id} is not a variant of product ${id}`,
              `variants.${i}.id`,
            );
          }
        });
        checkCodes(variants, patch.variants === undefined);
      }
      commit((at) => {
        writes.updateProduct(
          id,
          {
            name: patch.name?.trim() ?? current.name,
            description: patch.description !== undefined ? patch.description : current.description,
            categoryId,
            isHot: patch.is_hot ?? current.isHot,
            specs: specsFrom(patch, current.specs),
            safetyStockLevel:
              patch.safety_stock_level !== undefined
                ? patch.safety_stock_level
                : current.safetyStockLevel,
            reorderPoint:
              patch.reorder_point !== undefined ? patch.reorder_point : current.reorderPoint,
          },
          at,
        );
        if (variants && patch.variants) {
          // A full variant list replaces the old one: listed ids are updated, new ones added,
          // and unlisted ones retired (kept for history, hidden from the shop).
          const listed = new Set(variants.flatMap((v) => (v.id ? [v.id] : [])));
          for (const old of writes.liveVariantIds(id))
            if (!listed.has(old)) writes.retireVariant(old, at);
        }
        for (const v of variants ?? []) {
          if (v.id) writes.updateVariant(id, v.id, toValues(v), at);
          else writes.insertVariant(id, toValues(v), at);
        }
        writes.refreshPrices(id);
        if (patch.images) writes.replaceImages(id, patch.images);
        if (patch.tags) writes.replaceTags(id, patch.tags);
        search.reindex(id);
        record(actor, 'product.updated', 'product', id, { fields: Object.keys(patch) });
      });
      return products.find(id)!;
    },

    /** Hard delete when nothing refers to the product, soft delete when it has history. */
    deleteProduct(actor: User, id: number): 'deleted' | 'deactivated' {
      if (!products.find(id)) throw notFound('Product not found');
      return commit((at) => {
        const soft = writes.hasHistory(id);
        if (soft) writes.softDeleteProduct(id, at);
        else writes.hardDeleteProduct(id);
        search.reindex(id);
        record(actor, soft ? 'product.deactivated' : 'product.deleted', 'product', id);
        return soft ? 'deactivated' : 'deleted';
      });
    },

    createCategory(actor: User, name: string, description: string | null): number {
      if (writes.categoryNameTaken(name)) throw badRequest('Category name already exists', 'name');
      return commit((at) => {
        const id = writes.insertCategory(ids.uuid(), name, description, at);
        record(actor, 'category.created', 'category', id, { name });
        return id;
      });
    },

    updateCategory(actor: User, id: number, patch: { name?: string; description?: string | null }) {
      const current = categories.find(id);
      if (!current) throw notFound('Category not found');
      const name = patch.name ?? current.name;
      if (writes.categoryNameTaken(name, id))
        throw badRequest('Category name already exists', 'name');
      commit((at) => {
        writes.updateCategory(
          id,
          name,
          patch.description !== undefined ? patch.description : current.description,
          at,
        );
        search.reindexCategory(id);
        record(actor, 'category.updated', 'category', id, { from: current.name, to: name });
      });
    },

    deleteCategory(actor: User, id: number): void {
      if (!categories.find(id)) throw notFound('Category not found');
      const count = writes.liveProductsIn(id);
      if (count > 0) {
        throw badRequest(
          `Cannot delete category because it contains ${count} products. Please move or delete products first.`,
        );
      }
      commit((at) => {
        writes.softDeleteCategory(id, at);
        record(actor, 'category.deleted', 'category', id);
      });
    },
  };
}

export type CatalogAdminService = ReturnType<typeof createCatalogAdminService>;
