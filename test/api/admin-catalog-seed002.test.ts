import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  countRows,
  startTestServer,
  type RequestOptions,
  type TestServer,
} from '#test/helpers/test-server';
import { expectErrorBody, type ExpectedError } from './error-body.ts';

// Seed 002 `/admin/products*`, `/admin/categories*` and `/admin/reviews*` over the demo
// catalog: CRUD with the seed's single-variant body and with `variants`, what the shop sees
// after each write, refusals that write nothing, roles, and the audit trail.

const TABLES = [
  'products',
  'product_variants',
  'product_images',
  'product_tags',
  'categories',
  'audit_log',
];
const ROW_KEYS = [
  'category_name',
  'id',
  'image_url',
  'name',
  'prices',
  'product_number',
  'status_label',
  'stock',
];
const SOFT =
  'Product has transaction history. It has been deactivated (Soft Deleted) instead of removed.';

const seed002Body = (sku: string, name = `Road-150 ${sku}`) => ({
  name,
  product_number: sku,
  subcategory_id: 1,
  standard_cost: 2_000_000,
  list_price: 3_578_270,
  attributes: {
    size: '62',
    color: 'Red',
    condition: 'New',
    frame_material: 'Aluminum',
    wheel_size: '700c',
  },
  rental_config: { is_rentable: true, security_deposit: 2_862_620 },
  rent_price: 150_000,
  safety_stock_level: 10,
  reorder_point: 5,
  stock_details: { total_stock: 100, maintenance_stock: 5 },
  images: [`https://example.com/${sku}-1.jpg`, `https://example.com/${sku}-2.jpg`],
  description: 'Mô tả sản phẩm...',
});

const variantsBody = (prefix: string, name: string, prices: number[], categoryId = 1) => ({
  name,
  category_id: categoryId,
  tags: ['Xe đạp'],
  images: [`https://example.com/${prefix}.jpg`],
  variants: prices.map((price, i) => ({
    sku: `${prefix}-${i + 1}`,
    size: `S${i + 1}`,
    color: i % 2 ? 'Black' : 'White',
    price,
    stock: 4,
  })),
});

let server: TestServer;
let admin: string;
let staff: string;
let orderStaff: string;
let customers: string[] = [];

const counts = () => Object.fromEntries(TABLES.map((t) => [t, countRows(server, t)]));

async function ok(method: string, path: string, options: RequestOptions = {}) {
  const res = await server.request(method, path, { token: admin, ...options });
  expect(res.status, `${method} ${path}: ${res.text.slice(0, 400)}`).toBe(200);
  expect(res.body).toMatchObject({ status: 'success', code: 200 });
  return res.body;
}

async function create(body: object): Promise<number> {
  const res = await ok('POST', '/admin/products', { body });
  expect(res.message).toBe('Product created successfully');
  return res.data.id as number;
}

const detail = async (id: number) => (await ok('GET', `/admin/products/${id}`)).data;

async function listRow(id: number, search: string) {
  const { data } = await ok(
    'GET',
    `/admin/products?search=${encodeURIComponent(search)}&limit=100`,
  );
  return data.find((r: { id: number }) => r.id === id);
}

/** Sends a refused request and checks the error and that no catalog or audit row changed. */
async function expectRefused(
  method: string,
  path: string,
  options: RequestOptions,
  expected: ExpectedError,
) {
  const before = counts();
  const res = await server.request(method, path, { token: admin, ...options });
  expectErrorBody(res, expected);
  expect(counts()).toEqual(before);
  return res;
}

async function register(n: string): Promise<{ token: string; uuid: string }> {
  const person = { name: `Khách ${n}`, email: `${n}@example.com`, password: 'pw-123456' };
  const res = await server.request('POST', '/users/register', { body: person });
  expect(res.status, res.text).toBe(201);
  return { token: await server.login(person.email, person.password), uuid: res.body.id };
}

async function withRole(n: string, role: string): Promise<string> {
  const { uuid } = await register(n);
  const res = await server.request('PATCH', `/users/${uuid}/role`, {
    token: admin,
    body: { role },
  });
  expect(res.status, res.text).toBe(200);
  return server.login(`${n}@example.com`, 'pw-123456');
}

async function uuidOf(id: number): Promise<string> {
  const res = await server.request('GET', '/products?limit=100');
  const name = (await detail(id)).name;
  return res.body.data.find((p: { name: string }) => p.name === name).id;
}

async function rate(productId: number, stars: number[]) {
  const uuid = await uuidOf(productId);
  for (const [i, s] of stars.entries()) {
    const res = await server.request('POST', `/products/${uuid}/ratings`, {
      token: customers[i],
      body: { stars: s, comment: `${s} sao` },
    });
    expect(res.status, res.text).toBe(201);
  }
}

/** Where a product can still be seen by shoppers (and by the admin list). */
async function visibility(id: number, uuid: string, name: string) {
  const q = encodeURIComponent(name);
  const list = await server.request('GET', '/products?limit=100');
  const store = await server.request('GET', `/store/products/search?limit=100&search=${q}`);
  const shop = await server.request('GET', '/api/products?limit=100');
  const shop2 = await server.request('GET', '/api/products?limit=100&page=2');
  const adminList = await ok('GET', `/admin/products?limit=100&search=${q}`);
  return {
    products: list.body.data.some((p: { id: string }) => p.id === uuid),
    store: store.body.data.some((p: { id: number }) => p.id === id),
    shop: [...shop.body.data.products, ...shop2.body.data.products].some(
      (p: { id: string }) => p.id === String(id),
    ),
    admin: adminList.data.some((p: { id: number }) => p.id === id),
  };
}

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  admin = await server.login(ADMIN.email, ADMIN.password);
  staff = await withRole('kho', 'product_staff');
  orderStaff = await withRole('donhang', 'order_staff');
  customers = [];
  for (let i = 1; i <= 5; i++) customers.push((await register(`khach${i}`)).token);
});
afterAll(() => server.stop());

describe('roles', () => {
  const ENDPOINTS: [string, string, object?][] = [
    ['GET', '/admin/products'],
    ['POST', '/admin/products', seed002Body('ROLE-1')],
    ['GET', '/admin/products/1'],
    ['PATCH', '/admin/products/1', { name: 'Đổi tên' }],
    ['DELETE', '/admin/products/1'],
    ['GET', '/admin/categories'],
    ['POST', '/admin/categories', { name: 'Danh mục lạ' }],
    ['PATCH', '/admin/categories/1', { name: 'Danh mục lạ' }],
    ['DELETE', '/admin/categories/1'],
    ['GET', '/admin/reviews/1'],
    ['POST', '/admin/reviews/REV-1/reply', { content: 'Cảm ơn' }],
  ];

  it.each(ENDPOINTS)('%s %s answers 401 without a valid token', async (method, path, body) => {
    for (const token of [undefined, 'not-a-token']) {
      await expectRefused(method, path, { body, token }, { status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it.each(ENDPOINTS)('%s %s answers 403 to a customer', async (method, path, body) => {
    await expectRefused(
      method,
      path,
      { body, token: customers[0] },
      { status: 403, code: 'FORBIDDEN' },
    );
  });

  it('lets product staff manage the catalog, and not order staff', async () => {
    const list = await server.request('GET', '/admin/products', { token: staff });
    expect(list.status).toBe(200);
    const made = await server.request('POST', '/admin/products', {
      token: staff,
      body: seed002Body('STAFF-1'),
    });
    expect(made.status, made.text).toBe(200);
    await expectRefused(
      'GET',
      '/admin/products',
      { token: orderStaff },
      { status: 403, code: 'FORBIDDEN' },
    );
  });
});

describe('products with the seed 002 body', () => {
  it('creates a product and shows it back in the detail', async () => {
    const before = counts();
    const body = seed002Body('BK-R50R-62', 'Road-150 Red, 62');
    const id = await create(body);
    expect(counts()).toMatchObject({
      products: before.products! + 1,
      product_variants: before.product_variants! + 1,
      product_images: before.product_images! + 2,
    });
    const d = await detail(id);
    expect(d).toMatchObject({
      id,
      name: body.name,
      product_number: body.product_number,
      subcategory_id: 1,
      list_price: body.list_price,
      attributes: body.attributes,
      rental_config: body.rental_config,
      rent_price: body.rent_price,
      description: body.description,
      images: [
        { url: body.images[0], is_primary: true },
        { url: body.images[1], is_primary: false },
      ],
    });
    expect(d.stock_details.total_stock).toBe(100);
    const store = (await server.request('GET', `/store/products/${id}/detail`)).body.data;
    expect(store.variants).toEqual([
      expect.objectContaining({
        size: '62',
        color: 'Red',
        condition: 'New',
        price: body.list_price,
      }),
    ]);
  });

  it('keeps every field of the create body (GET is "like the POST body")', async () => {
    const body = seed002Body('BK-KEEP-1');
    const d = await detail(await create(body));
    expect(d).toMatchObject({
      standard_cost: body.standard_cost,
      safety_stock_level: body.safety_stock_level,
      reorder_point: body.reorder_point,
      stock_details: body.stock_details,
    });
  });

  it('lists it with prices, stock figures and a status label', async () => {
    const id = await create(seed002Body('BK-LIST-1', 'Road-150 Listed'));
    const row = await listRow(id, 'BK-LIST-1');
    expect(Object.keys(row).sort()).toEqual(ROW_KEYS);
    expect(row).toMatchObject({
      name: 'Road-150 Listed',
      product_number: 'BK-LIST-1',
      category_name: 'Cà phê & Trà',
      image_url: 'https://example.com/BK-LIST-1-1.jpg',
      prices: { list_price: 3_578_270, rent_price: 150_000, rent_unit: 'day' },
      status_label: 'In Stock',
    });
    expect(row.stock.total_stock).toBe(100);
    const { data } = await ok('GET', '/admin/products?limit=100');
    for (const r of data) {
      const s = r.stock;
      expect(s.available_stock, r.name).toBe(s.total_stock - s.maintenance_stock - s.renting_stock);
    }
    const empty = await create({ ...seed002Body('BK-EMPTY-1'), stock_details: { total_stock: 0 } });
    expect((await listRow(empty, 'BK-EMPTY-1')).status_label).toBe('Out of Stock');
  });

  it('counts maintenance stock out of the available stock', async () => {
    const id = await create(seed002Body('BK-MAINT-1'));
    expect((await listRow(id, 'BK-MAINT-1')).stock).toEqual({
      total_stock: 100,
      maintenance_stock: 5,
      available_stock: 95,
      renting_stock: 0,
    });
  });

  it('pages and searches the list', async () => {
    const first = await ok('GET', '/admin/products');
    expect(first.pagination).toMatchObject({ current_page: 1, limit: 10 });
    expect(first.data).toHaveLength(10);
    const total = first.pagination.total_items;
    expect(first.pagination.total_pages).toBe(Math.ceil(total / 10));
    const last = await ok('GET', `/admin/products?page=${first.pagination.total_pages}`);
    expect(last.data).toHaveLength(total - 10 * (first.pagination.total_pages - 1));

    const byName = await ok('GET', '/admin/products?search=gao%20st25');
    expect(byName.data.map((r: { name: string }) => r.name)).toContain('Gạo ST25 Sóc Trăng');
    const bySku = await ok('GET', '/admin/products?search=CS-012-1');
    expect(bySku.data[0].name).toBe('Nước mắm Phú Quốc 40 độ đạm');
    expect((await ok('GET', '/admin/products?search=khongconao')).data).toEqual([]);
  });
});

describe('products with a variants array', () => {
  it('creates every variant; the list price is the cheapest', async () => {
    const before = counts();
    const id = await create(
      variantsBody('VAR-A', 'Bánh quy bơ Đan Mạch', [120_000, 90_000, 150_000]),
    );
    expect(counts().product_variants).toBe(before.product_variants! + 3);
    const d = await detail(id);
    expect(d.variants.map((v: { sku: string }) => v.sku).sort()).toEqual([
      'VAR-A-1',
      'VAR-A-2',
      'VAR-A-3',
    ]);
    expect(d.list_price).toBe(90_000);
    const row = await listRow(id, 'Bánh quy bơ');
    expect(row.prices.list_price).toBe(90_000);
    expect(row.stock.total_stock).toBe(12);
  });

  it('PATCH: the list price follows the cheapest live variant', async () => {
    const id = await create(variantsBody('VAR-B', 'Mứt me Sài Gòn', [50_000, 30_000, 70_000]));
    const variants = (await detail(id)).variants as { id: number; sku: string; price: number }[];
    const bySku = (sku: string) => variants.find((v) => v.sku === sku)!;
    const listPrice = async () => (await listRow(id, 'Mứt me'))?.prices.list_price;

    // Raise the cheapest: VAR-B-1 becomes the cheapest.
    await ok('PATCH', `/admin/products/${id}`, {
      body: {
        variants: ['VAR-B-1', 'VAR-B-2', 'VAR-B-3'].map((sku) => ({
          id: bySku(sku).id,
          sku,
          price: sku === 'VAR-B-2' ? 80_000 : bySku(sku).price,
          stock: 4,
        })),
      },
    });
    expect(await listPrice()).toBe(50_000);
    expect((await detail(id)).list_price).toBe(50_000);

    // Retire VAR-B-1: VAR-B-3 (70 000) is now the cheapest live variant.
    const rows = countRows(server, 'product_variants');
    await ok('PATCH', `/admin/products/${id}`, {
      body: {
        variants: [
          { id: bySku('VAR-B-2').id, sku: 'VAR-B-2', price: 80_000, stock: 4 },
          { id: bySku('VAR-B-3').id, sku: 'VAR-B-3', price: 70_000, stock: 4 },
        ],
      },
    });
    expect(countRows(server, 'product_variants')).toBe(rows);
    expect(await listPrice()).toBe(70_000);
    const store = (await server.request('GET', `/store/products/${id}/detail`)).body.data;
    expect(store.price).toBe(70_000);
    expect(store.variants.map((v: { sku: string }) => v.sku).sort()).toEqual([
      'VAR-B-2',
      'VAR-B-3',
    ]);
    const shop = await server.request('GET', '/api/products?limit=100&search=mut%20me');
    expect(shop.body.data.products.find((p: { id: string }) => p.id === String(id))).toMatchObject({
      minPrice: 70_000,
      maxPrice: 80_000,
      variantCount: 2,
    });

    // Seed 002's list_price edits the cheapest variant; the list price is again the cheapest.
    await ok('PATCH', `/admin/products/${id}`, { body: { list_price: 90_000 } });
    expect(await listPrice()).toBe(80_000);
  });

  it('PATCH that lists a retired or existing SKU without its id never answers 500', async () => {
    const id = await create(variantsBody('VAR-C', 'Kẹo gừng Huế', [10_000, 20_000]));
    const [first] = (await detail(id)).variants as { id: number; sku: string }[];
    await ok('PATCH', `/admin/products/${id}`, {
      body: { variants: [{ id: first!.id, sku: first!.sku, price: 10_000, stock: 1 }] },
    });
    const retired = first!.sku === 'VAR-C-1' ? 'VAR-C-2' : 'VAR-C-1';
    const attempts = {
      'the retired SKU again': [
        { id: first!.id, sku: first!.sku, price: 10_000, stock: 1 },
        { sku: retired, price: 25_000, stock: 1 },
      ],
      'the live SKU without its id': [{ sku: first!.sku, price: 12_000, stock: 1 }],
    };
    const outcomes: Record<string, string> = {};
    for (const [label, variants] of Object.entries(attempts)) {
      const before = counts();
      const res = await server.request('PATCH', `/admin/products/${id}`, {
        token: admin,
        body: { variants },
      });
      // Either answer is defensible (revive / replace, or refuse naming the SKU); a crash is not.
      const refusedCleanly =
        res.status === 400 &&
        /^variants\.\d+\.sku$/.test(res.body.field ?? '') &&
        JSON.stringify(counts()) === JSON.stringify(before);
      outcomes[label] =
        res.status === 200 || refusedCleanly ? 'ok' : `${res.status} ${res.text.slice(0, 200)}`;
    }
    expect(outcomes).toEqual({
      'the retired SKU again': 'ok',
      'the live SKU without its id': 'ok',
    });
  });
});

describe('PATCH /admin/products/{id}', () => {
  it('renames: search finds the new name at once and no longer the old one', async () => {
    const id = await create(variantsBody('REN-1', 'Zebracycle Touring', [4_000_000]));
    expect((await listRow(id, 'zebracycle'))?.id).toBe(id);
    const res = await ok('PATCH', `/admin/products/${id}`, {
      body: { name: 'Quokkabike Explorer' },
    });
    expect(res.message).toBe('Product updated successfully');

    const found = async (q: string) => ({
      admin: (await ok('GET', `/admin/products?search=${q}`)).data.some(
        (p: { id: number }) => p.id === id,
      ),
      products: (await server.request('GET', `/products/search?q=${q}`)).body.data.some(
        (p: { name: string }) => p.name === 'Quokkabike Explorer',
      ),
      store: (await server.request('GET', `/store/products/search?search=${q}`)).body.data.some(
        (p: { id: number }) => p.id === id,
      ),
    });
    expect(await found('quokkabike')).toEqual({ admin: true, products: true, store: true });
    expect(await found('zebracycle')).toEqual({ admin: false, products: false, store: false });
  });

  it('changes attributes, category and rental terms of a seed 002 product', async () => {
    const id = await create(seed002Body('BK-EDIT-1'));
    await ok('PATCH', `/admin/products/${id}`, {
      body: {
        subcategory_id: 2,
        attributes: { color: 'Blue' },
        rent_price: 175_000,
        description: 'Mô tả mới',
      },
    });
    const d = await detail(id);
    expect(d).toMatchObject({
      subcategory_id: 2,
      rent_price: 175_000,
      description: 'Mô tả mới',
      product_number: 'BK-EDIT-1',
      list_price: 3_578_270,
    });
    expect(d.attributes).toMatchObject({ color: 'Blue', size: '62', frame_material: 'Aluminum' });
    expect((await listRow(id, 'BK-EDIT-1')).category_name).toBe('Gạo & Ngũ cốc');
    const store = (await server.request('GET', `/store/products/${id}/detail`)).body.data;
    expect(store.variants[0]).toMatchObject({ color: 'Blue', rent_price: 175_000 });
  });

  it('answers 404 for an unknown product', async () => {
    await expectRefused(
      'PATCH',
      '/admin/products/999999',
      { body: { name: 'Không có' } },
      { status: 404, code: 'NOT_FOUND' },
    );
    await expectRefused('GET', '/admin/products/999999', {}, { status: 404, code: 'NOT_FOUND' });
    await expectRefused('DELETE', '/admin/products/999999', {}, { status: 404, code: 'NOT_FOUND' });
  });
});

describe('DELETE /admin/products/{id}', () => {
  it('hard-deletes a product without history', async () => {
    const id = await create(variantsBody('DEL-H', 'Chè lam Huế', [30_000, 45_000]));
    const uuid = await uuidOf(id);
    expect(await visibility(id, uuid, 'Chè lam Huế')).toEqual({
      products: true,
      store: true,
      shop: true,
      admin: true,
    });
    const before = counts();
    const res = await ok('DELETE', `/admin/products/${id}`);
    expect(res.message).toBe('Product permanently deleted');
    expect(counts()).toEqual({
      ...before,
      products: before.products! - 1,
      product_variants: before.product_variants! - 2,
      product_images: before.product_images! - 1,
      product_tags: before.product_tags! - 1,
      audit_log: before.audit_log! + 1,
    });
    expect(await visibility(id, uuid, 'Chè lam Huế')).toEqual({
      products: false,
      store: false,
      shop: false,
      admin: false,
    });
    await expectRefused('GET', `/admin/products/${id}`, {}, { status: 404, code: 'NOT_FOUND' });
  });

  it('soft-deletes a product that has ratings', async () => {
    const id = await create(variantsBody('DEL-S', 'Bánh đậu xanh Hải Dương', [40_000]));
    await rate(id, [5]);
    const uuid = await uuidOf(id);
    const before = counts();
    const res = await ok('DELETE', `/admin/products/${id}`);
    expect(res.message).toBe(SOFT);
    expect(counts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(await visibility(id, uuid, 'Bánh đậu xanh')).toEqual({
      products: false,
      store: false,
      shop: false,
      admin: false,
    });
    const store = await server.request('GET', `/store/products/${id}/detail`);
    expectErrorBody(store, { status: 404, code: 'NOT_FOUND' });
    await expectRefused('DELETE', `/admin/products/${id}`, {}, { status: 404, code: 'NOT_FOUND' });
  });

  it('deletes a product that a customer keeps as a favorite', async () => {
    const id = await create(variantsBody('DEL-F', 'Nem chua Thanh Hóa', [25_000]));
    const fav = await server.request('POST', '/api/v1/favorites', {
      token: customers[1],
      body: { product_id: id },
    });
    expect(fav.status, fav.text).toBe(201);
    const res = await server.request('DELETE', `/admin/products/${id}`, { token: admin });
    expect(res.status, res.text).toBe(200);
    const list = await server.request('GET', '/api/v1/favorites', { token: customers[1] });
    expect(list.body.data.map((f: { product_id: number }) => f.product_id)).not.toContain(id);
  });
});

describe('refused writes change nothing', () => {
  it('refuses a duplicate SKU, naming the field the client sent', async () => {
    const sku = 'CS-001-1';
    await expectRefused(
      'POST',
      '/admin/products',
      { body: seed002Body(sku) },
      { status: 400, code: 'VALIDATION_ERROR', field: 'product_number' },
    );
    await expectRefused(
      'PATCH',
      '/admin/products/2',
      { body: { product_number: sku } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'product_number' },
    );
  });

  it('refuses duplicate SKUs in a variants array', async () => {
    const body = variantsBody('DUP', 'Trùng mã', [1_000, 2_000]);
    body.variants[1]!.sku = 'CS-002-1';
    await expectRefused(
      'POST',
      '/admin/products',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field: 'variants.1.sku' },
    );
    body.variants[1]!.sku = body.variants[0]!.sku;
    await expectRefused(
      'POST',
      '/admin/products',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field: 'variants.1.sku' },
    );
  });

  it('refuses an unknown category, naming the field the client sent', async () => {
    await expectRefused(
      'POST',
      '/admin/products',
      { body: { ...seed002Body('CAT-X'), subcategory_id: 999_999 } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'subcategory_id' },
    );
    await expectRefused(
      'POST',
      '/admin/products',
      { body: variantsBody('CAT-Y', 'Không danh mục', [1_000], 999_999) },
      { status: 400, code: 'VALIDATION_ERROR', field: 'category_id' },
    );
    await expectRefused(
      'PATCH',
      '/admin/products/3',
      { body: { subcategory_id: 999_999 } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'subcategory_id' },
    );
  });

  it.each([
    ['name', { ...seed002Body('BAD-1'), name: '   ' }],
    ['list_price', { ...seed002Body('BAD-2'), list_price: -1 }],
    ['list_price', { ...seed002Body('BAD-3'), list_price: 1000.5 }],
    ['list_price', { ...seed002Body('BAD-4'), list_price: '1000' }],
    ['standard_cost', { ...seed002Body('BAD-5'), standard_cost: 1999.99 }],
    ['rent_price', { ...seed002Body('BAD-6'), rent_price: -5 }],
    ['stock_details.total_stock', { ...seed002Body('BAD-7'), stock_details: { total_stock: -1 } }],
    ['images.0', { ...seed002Body('BAD-8'), images: [''] }],
    ['variants.0.price', variantsBody('BAD-9', 'Giá âm', [-1])],
    ['variants', { ...variantsBody('BAD-10', 'Không biến thể', []) }],
  ])('POST refuses a bad %s', async (field, body) => {
    await expectRefused(
      'POST',
      '/admin/products',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it('refuses a product with neither variants nor product_number and list_price', async () => {
    await expectRefused(
      'POST',
      '/admin/products',
      { body: { name: 'Trống', subcategory_id: 1 } },
      { status: 400, code: 'VALIDATION_ERROR' },
    );
  });

  it('a refused PATCH leaves the whole product as it was', async () => {
    const id = await create(variantsBody('ATOM', 'Trà atiso Đà Lạt', [60_000, 110_000]));
    const before = await detail(id);
    const [a, b] = before.variants as { id: number; sku: string }[];
    const attempts: [object, string | undefined][] = [
      // The first variant is fine, the second takes another product's SKU.
      [
        {
          name: 'Tên mới',
          variants: [
            { id: a!.id, sku: a!.sku, price: 1, stock: 1 },
            { id: b!.id, sku: 'CS-003-1', price: 2, stock: 1 },
          ],
        },
        'variants.1.sku',
      ],
      [{ name: 'Tên mới', variants: [{ id: 1, sku: 'X-1', price: 1, stock: 1 }] }, 'variants.0.id'],
      // Which field this names is checked above; here only that nothing was written.
      [{ name: 'Tên mới', subcategory_id: 999_999 }, undefined],
      [{ name: 'Tên mới', list_price: -3 }, 'list_price'],
    ];
    for (const [body, field] of attempts) {
      await expectRefused(
        'PATCH',
        `/admin/products/${id}`,
        { body },
        {
          status: 400,
          code: 'VALIDATION_ERROR',
          field,
        },
      );
      expect(await detail(id)).toEqual(before);
    }
  });
});

describe('categories', () => {
  const allCategories = async () => (await ok('GET', '/admin/categories?limit=100')).data;

  it('lists categories with their product counts', async () => {
    const body = await ok('GET', '/admin/categories');
    expect(body.pagination).toMatchObject({ current_page: 1, limit: 10 });
    for (const c of await allCategories()) {
      expect(c).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
      const store = await server.request('GET', `/store/products/search?category_id=${c.id}`);
      expect(c.product_count, c.name).toBe(store.body.pagination.total_items);
    }
  });

  it('filters the list by the documented search parameter', async () => {
    const { data } = await ok('GET', `/admin/categories?search=${encodeURIComponent('Đồ uống')}`);
    expect(data.map((c: { name: string }) => c.name)).toEqual(['Đồ uống']);
  });

  it('creates, renames and deletes with the documented messages', async () => {
    const created = await ok('POST', '/admin/categories', { body: { name: 'Hải sản khô' } });
    expect(created.message).toBe('Category created successfully');
    const id = created.data.id as number;
    expect((await allCategories()).find((c: { id: number }) => c.id === id)).toMatchObject({
      name: 'Hải sản khô',
      product_count: 0,
    });

    const productId = await create(variantsBody('CAT-R', 'Mực một nắng', [250_000], id));
    const renamed = await ok('PATCH', `/admin/categories/${id}`, {
      body: { name: 'Wallabywheels' },
    });
    expect(renamed.message).toBe('Category updated successfully');
    const found = await server.request('GET', '/products/search?q=wallabywheels');
    expect(found.body.data.map((p: { name: string }) => p.name)).toEqual(['Mực một nắng']);
    const old = await server.request('GET', '/products/search?q=hai%20san%20kho');
    expect(old.body.data.map((p: { name: string }) => p.name)).not.toContain('Mực một nắng');

    const blocked = await expectRefused(
      'DELETE',
      `/admin/categories/${id}`,
      {},
      { status: 400, code: 'VALIDATION_ERROR' },
    );
    expect(blocked.body.detail).toBe(
      'Cannot delete category because it contains 1 products. Please move or delete products first.',
    );

    await ok('PATCH', `/admin/products/${productId}`, { body: { category_id: 1 } });
    const deleted = await ok('DELETE', `/admin/categories/${id}`);
    expect(deleted.message).toBe('Category deleted successfully');
    expect((await allCategories()).map((c: { id: number }) => c.id)).not.toContain(id);
    await expectRefused(
      'DELETE',
      `/admin/categories/${id}`,
      {},
      { status: 404, code: 'NOT_FOUND' },
    );
    await expectRefused(
      'PATCH',
      `/admin/categories/${id}`,
      { body: { name: 'Ma' } },
      { status: 404, code: 'NOT_FOUND' },
    );
  });

  it('counts products in the delete refusal', async () => {
    const res = await expectRefused(
      'DELETE',
      '/admin/categories/6',
      {},
      { status: 400, code: 'VALIDATION_ERROR' },
    );
    const count = (await allCategories()).find((c: { id: number }) => c.id === 6).product_count;
    expect(res.body.detail).toBe(
      `Cannot delete category because it contains ${count} products. Please move or delete products first.`,
    );
  });

  it('refuses a duplicate name on create and rename', async () => {
    for (const name of ['Đồ uống', ' Đồ uống ']) {
      const res = await expectRefused(
        'POST',
        '/admin/categories',
        { body: { name } },
        { status: 400, code: 'VALIDATION_ERROR', field: 'name' },
      );
      expect(res.body.detail, name).toBe('Category name already exists');
    }
    const res = await expectRefused(
      'PATCH',
      '/admin/categories/1',
      { body: { name: 'Đồ uống' } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'name' },
    );
    expect(res.body.detail).toBe('Category name already exists');
  });

  it('refuses a name that differs from an existing one only in letter case', async () => {
    // Vietnamese names: SQLite's NOCASE folds only ASCII, so "Đ"/"đ" and "Ồ"/"ồ" differ there.
    for (const name of ['ĐỒ UỐNG', 'đồ uống']) {
      const res = await expectRefused(
        'POST',
        '/admin/categories',
        { body: { name } },
        { status: 400, code: 'VALIDATION_ERROR', field: 'name' },
      );
      expect(res.body.detail, name).toBe('Category name already exists');
    }
  });

  it('refuses a blank name', async () => {
    for (const name of ['', '   ']) {
      await expectRefused(
        'POST',
        '/admin/categories',
        { body: { name } },
        { status: 400, code: 'VALIDATION_ERROR', field: 'name' },
      );
    }
  });
});

describe('admin reviews', () => {
  let productId: number;
  const STARS = [5, 4, 4, 2, 1];
  const reviews = async (query = '') =>
    (await ok('GET', `/admin/reviews/${productId}?${query}`)).data;

  beforeAll(async () => {
    productId = await create(variantsBody('REV', 'Bánh cốm Hàng Than', [55_000]));
    await rate(productId, STARS);
  });

  it('summarises the ratings with their distribution', async () => {
    const data = await reviews();
    expect(data.summary).toEqual({
      product_id: productId,
      product_name: 'Bánh cốm Hàng Than',
      average_rating: 3.2,
      total_reviews: 5,
      rating_distribution: { star_5: 1, star_4: 2, star_3: 0, star_2: 1, star_1: 1 },
    });
    expect(data.reviews).toHaveLength(5);
    for (const r of data.reviews) {
      expect(r.id).toMatch(/^REV-\d+$/);
      expect(r.user).toMatchObject({ id: expect.any(String), username: expect.any(String) });
      expect(r.user).toHaveProperty('avatar_url');
      expect(Number.isNaN(Date.parse(r.created_at))).toBe(false);
      expect(r).toMatchObject({ admin_reply: null, permissions: { can_reply: true } });
      expect(Array.isArray(r.images)).toBe(true);
      expect(typeof r.content).toBe('string');
    }
  });

  it('orders and pages by filter_type', async () => {
    const stars = async (filter: string) =>
      (await reviews(`filter_type=${filter}`)).reviews.map((r: { rating: number }) => r.rating);
    expect(await stars('highest')).toEqual([5, 4, 4, 2, 1]);
    expect(await stars('lowest')).toEqual([1, 2, 4, 4, 5]);
    expect((await stars('all')).sort()).toEqual([...STARS].sort());
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const data = await reviews(`limit=2&page=${page}`);
      seen.push(...data.reviews.map((r: { id: string }) => r.id));
    }
    expect(new Set(seen).size).toBe(5);
  });

  it('replies to a review, which then leaves the unanswered filter', async () => {
    const [lowest] = (await reviews('filter_type=lowest')).reviews;
    const audit = countRows(server, 'audit_log');
    const res = await ok('POST', `/admin/reviews/${lowest.id}/reply`, {
      body: { content: 'Xin lỗi quý khách' },
    });
    expect(res.data).toMatchObject({
      id: lowest.id,
      admin_reply: { content: 'Xin lỗi quý khách', replied_at: expect.any(String) },
      permissions: { can_reply: false },
    });
    const unanswered = (await reviews('filter_type=unanswered')).reviews;
    expect(unanswered).toHaveLength(4);
    expect(unanswered.map((r: { id: string }) => r.id)).not.toContain(lowest.id);
    const all = (await reviews()).reviews;
    expect(all.find((r: { id: string }) => r.id === lowest.id).admin_reply.content).toBe(
      'Xin lỗi quý khách',
    );
    expect(countRows(server, 'audit_log'), 'a reply is an admin write').toBe(audit + 1);
  });

  it('refuses bad review requests', async () => {
    await expectRefused(
      'POST',
      '/admin/reviews/REV-999999/reply',
      { body: { content: 'Ai?' } },
      { status: 404, code: 'NOT_FOUND' },
    );
    const [first] = (await reviews()).reviews;
    for (const body of [{ content: '  ' }, {}]) {
      await expectRefused(
        'POST',
        `/admin/reviews/${first.id}/reply`,
        { body },
        { status: 400, code: 'VALIDATION_ERROR', field: 'content' },
      );
    }
    await expectRefused(
      'GET',
      `/admin/reviews/${productId}?filter_type=best`,
      {},
      {
        status: 400,
        code: 'VALIDATION_ERROR',
        field: 'filter_type',
      },
    );
    await expectRefused(
      'GET',
      '/admin/reviews/abc',
      {},
      {
        status: 400,
        code: 'VALIDATION_ERROR',
        field: 'product_id',
      },
    );
    await expectRefused('GET', '/admin/reviews/999999', {}, { status: 404, code: 'NOT_FOUND' });
  });
});

describe('audit log', () => {
  it('gets exactly one row per admin write', async () => {
    const delta: Record<string, number> = {};
    const step = async (name: string, write: () => Promise<unknown>) => {
      const before = countRows(server, 'audit_log');
      await write();
      delta[name] = countRows(server, 'audit_log') - before;
    };
    let productId = 0;
    let categoryId = 0;
    await step('create product', async () => {
      productId = await create(variantsBody('AUD', 'Kẹo lạc Nam Định', [20_000]));
    });
    await step('update product', () =>
      ok('PATCH', `/admin/products/${productId}`, { body: { name: 'Kẹo lạc vừng' } }),
    );
    await rate(productId, [4]);
    const [review] = (await ok('GET', `/admin/reviews/${productId}`)).data.reviews;
    await step('reply to review', () =>
      ok('POST', `/admin/reviews/${review.id}/reply`, { body: { content: 'Cảm ơn' } }),
    );
    await step('delete product', () => ok('DELETE', `/admin/products/${productId}`));
    await step('create category', async () => {
      categoryId = (await ok('POST', '/admin/categories', { body: { name: 'Đồ khô' } })).data.id;
    });
    await step('rename category', () =>
      ok('PATCH', `/admin/categories/${categoryId}`, { body: { name: 'Đồ khô miền Tây' } }),
    );
    await step('delete category', () => ok('DELETE', `/admin/categories/${categoryId}`));
    expect(delta).toEqual({
      'create product': 1,
      'update product': 1,
      'reply to review': 1,
      'delete product': 1,
      'create category': 1,
      'rename category': 1,
      'delete category': 1,
    });
  });
});
