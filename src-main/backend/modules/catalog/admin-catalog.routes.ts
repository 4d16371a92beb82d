import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { okMessage } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import {
  AdminCategoriesQuerySchema,
  AdminCategoryRowSchema,
  AdminIdParamsSchema,
  AdminProductBodySchema,
  AdminProductDetailSchema,
  AdminProductPatchSchema,
  AdminProductRowSchema,
  AdminProductsQuerySchema,
  CategoryBodySchema,
  CategoryIdParamsSchema,
  CategoryPatchSchema,
} from '#shared/contracts/admin-catalog';
import { errorResponses } from '#shared/contracts/common';
import { Success, SuccessMessage, SuccessPage, seed002Pagination } from '#shared/contracts/store';
import { foldVietnamese } from '#shared/text/fold';
import type { CatalogAdminService } from './catalog-admin.service.ts';
import type { CatalogService } from './catalog.service.ts';
import type { CategoriesRepo } from './categories.repo.ts';
import type { ProductCard, Variant } from './products.repo.ts';

const LOW_STOCK = 10;
const errors = errorResponses(400, 401, 403, 404);

function stock(variants: Variant[]) {
  const total = variants.reduce((sum, v) => sum + v.stock, 0);
  const maintenance = variants.reduce((sum, v) => sum + v.maintenanceStock, 0);
  // Units out on rental are counted by the orders module; none are out before it exists.
  const renting = 0;
  return {
    total_stock: total,
    maintenance_stock: maintenance,
    available_stock: total - maintenance - renting,
    renting_stock: renting,
  };
}

const statusLabel = (available: number) =>
  available === 0 ? 'Out of Stock' : available <= LOW_STOCK ? 'Low Stock' : 'In Stock';

/** Seed 002 `/admin/products` and `/admin/categories` for admins and product staff. */
export async function adminCatalogRoutes(
  app: App,
  deps: {
    catalog: CatalogService;
    categories: CategoriesRepo;
    admin: CatalogAdminService;
    guard: AuthGuard;
  },
) {
  const { catalog, categories, admin, guard } = deps;
  const staff = guard.required(['admin', 'product_staff']);
  const common = { preHandler: staff };
  const tags = ['admin catalog'];

  function row(p: ProductCard, variants: Variant[]) {
    const s = stock(variants);
    const first = variants[0];
    return {
      id: p.id,
      name: p.name,
      product_number: first?.sku ?? '',
      category_name: p.categoryName,
      image_url: p.thumbnail,
      prices: {
        list_price: p.minPrice,
        rent_price: variants.find((v) => v.isRentable)?.rentPricePerDay ?? null,
        rent_unit: 'day' as const,
      },
      stock: s,
      status_label: statusLabel(s.available_stock),
    };
  }

  function detail(p: ProductCard) {
    const variants = catalog.variants(p.id);
    const first = variants[0];
    const rentable = variants.find((v) => v.isRentable);
    return {
      ...row(p, variants),
      description: p.description,
      subcategory_id: p.categoryId,
      category_id: p.categoryId,
      list_price: first?.price ?? 0,
      attributes: {
        ...p.specs,
        ...(first?.size ? { size: first.size } : {}),
        ...(first?.color ? { color: first.color } : {}),
        condition: first?.condition ?? 'New',
      },
      rental_config: {
        is_rentable: rentable !== undefined,
        security_deposit: rentable?.deposit ?? null,
      },
      rent_price: rentable?.rentPricePerDay ?? null,
      stock_details: {
        total_stock: stock(variants).total_stock,
        maintenance_stock: stock(variants).maintenance_stock,
      },
      standard_cost: first?.cost ?? null,
      safety_stock_level: p.safetyStockLevel,
      reorder_point: p.reorderPoint,
      is_hot: p.isHot,
      tags: catalog.tags(p.id),
      specs: p.specs,
      images: catalog.images(p.id).map((i) => ({ url: i.url, is_primary: i.isPrimary })),
      variants: variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        barcode: v.barcode,
        size: v.size,
        color: v.color,
        condition: v.condition,
        price: v.price,
        stock: v.stock,
        maintenance_stock: v.maintenanceStock,
        cost: v.cost,
        weight_grams: v.weightGrams,
        is_rentable: v.isRentable,
        rent_price: v.rentPricePerDay,
        deposit: v.deposit,
      })),
    };
  }

  const product = (id: number) => {
    const p = catalog.find(id);
    if (!p) throw notFound('Product not found');
    return p;
  };

  app.get(
    '/admin/products',
    {
      ...common,
      schema: {
        tags,
        summary: 'Products with prices and stock figures',
        security: bearerSecurity,
        querystring: AdminProductsQuerySchema,
        response: { 200: SuccessPage(AdminProductRowSchema), ...errors },
      },
    },
    async (req) => {
      const { page: current = 1, limit = 10, search } = req.query;
      const term = search?.trim() ? search : undefined;
      const result = catalog.page(
        { search: term, sort: term ? 'relevance' : 'newest' },
        current,
        limit,
      );
      const variants = catalog.variantsOfMany(result.items.map((p) => p.id));
      return {
        status: 'success' as const,
        code: 200,
        data: result.items.map((p) => row(p, variants.get(p.id) ?? [])),
        pagination: seed002Pagination(result.total, current, limit),
      };
    },
  );

  app.post(
    '/admin/products',
    {
      ...common,
      schema: {
        tags,
        summary: 'Create a product (seed 002 body, or several `variants`)',
        security: bearerSecurity,
        body: AdminProductBodySchema,
        response: { 200: Success(Type.Object({ id: Type.Integer() })), ...errors },
      },
    },
    async (req) => {
      const p = admin.createProduct(req.user!, req.body);
      return { ...okMessage('Product created successfully'), data: { id: p.id } };
    },
  );

  app.get(
    '/admin/products/:product_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Product detail for editing',
        security: bearerSecurity,
        params: AdminIdParamsSchema,
        response: { 200: Success(AdminProductDetailSchema), ...errors },
      },
    },
    async (req) => ({
      status: 'success' as const,
      code: 200,
      data: detail(product(req.params.product_id)),
    }),
  );

  app.patch(
    '/admin/products/:product_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Update a product (any field of the create body)',
        security: bearerSecurity,
        params: AdminIdParamsSchema,
        body: AdminProductPatchSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      admin.updateProduct(req.user!, req.params.product_id, req.body);
      return okMessage('Product updated successfully');
    },
  );

  app.delete(
    '/admin/products/:product_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Delete a product (deactivated instead when it has history)',
        security: bearerSecurity,
        params: AdminIdParamsSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      const outcome = admin.deleteProduct(req.user!, req.params.product_id);
      return okMessage(
        outcome === 'deleted'
          ? 'Product permanently deleted'
          : 'Product has transaction history. It has been deactivated (Soft Deleted) instead of removed.',
      );
    },
  );

  app.get(
    '/admin/categories',
    {
      ...common,
      schema: {
        tags,
        summary: 'Categories with their product counts',
        security: bearerSecurity,
        querystring: AdminCategoriesQuerySchema,
        response: { 200: SuccessPage(AdminCategoryRowSchema), ...errors },
      },
    },
    async (req) => {
      const { page: current = 1, limit = 10, search } = req.query;
      const needle = search?.trim() ? foldVietnamese(search.trim()) : null;
      const all = categories
        .listWithCounts()
        .filter((c) => !needle || foldVietnamese(c.name).includes(needle));
      return {
        status: 'success' as const,
        code: 200,
        data: all.slice((current - 1) * limit, current * limit).map((c) => ({
          id: c.id,
          name: c.name,
          slug: c.slug,
          product_count: c.productCount,
        })),
        pagination: seed002Pagination(all.length, current, limit),
      };
    },
  );

  app.post(
    '/admin/categories',
    {
      ...common,
      schema: {
        tags,
        summary: 'Create a category',
        security: bearerSecurity,
        body: CategoryBodySchema,
        response: { 200: Success(Type.Object({ id: Type.Integer() })), ...errors },
      },
    },
    async (req) => {
      const id = admin.createCategory(req.user!, req.body.name, req.body.description ?? null);
      return { ...okMessage('Category created successfully'), data: { id } };
    },
  );

  app.patch(
    '/admin/categories/:category_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Rename a category',
        security: bearerSecurity,
        params: CategoryIdParamsSchema,
        body: CategoryPatchSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      admin.updateCategory(req.user!, req.params.category_id, req.body);
      return okMessage('Category updated successfully');
    },
  );

  app.delete(
    '/admin/categories/:category_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Delete an empty category',
        security: bearerSecurity,
        params: CategoryIdParamsSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      admin.deleteCategory(req.user!, req.params.category_id);
      return okMessage('Category deleted successfully');
    },
  );
}
