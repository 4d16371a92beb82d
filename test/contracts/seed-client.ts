import { expect } from 'vitest';
import type { TestResponse, TestServer } from '#test/helpers/test-server';

// What an independent client written from seed 002 ("Bike Go Backend" API) checks on every
// answer. Quotes in the comments are from /work/shared/seeds/002_69a91e4472aa9a1e.txt.

const ctx = (res: TestResponse) => `${res.status} ${res.text.slice(0, 400)}`;

/** Seed 002 "Single Object Response": `{ status: "success", code: 200, data?, message? }`. */
export function expectSuccess(res: TestResponse): void {
  expect(res.status, ctx(res)).toBe(200);
  expect(res.body.status, ctx(res)).toBe('success');
  expect(res.body.code, ctx(res)).toBe(200);
}

/** A success answer whose `message` is the documented text. */
export function expectMessage(res: TestResponse, message: string): void {
  expectSuccess(res);
  expect(res.body.message, ctx(res)).toBe(message);
}

/** A success answer carrying `data`; returns it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dataOf(res: TestResponse): any {
  expectSuccess(res);
  expect(res.body.data, ctx(res)).toBeDefined();
  return res.body.data;
}

/**
 * Seed 002 "Paginated Response": `data` is an array and `pagination` holds `total_items`,
 * `total_pages`, `current_page` and `limit`, all integers.
 */
export function expectPage(
  res: TestResponse,
  expected: { current_page: number; limit: number; total_items?: number },
): void {
  expectSuccess(res);
  expect(Array.isArray(res.body.data), ctx(res)).toBe(true);
  const p = res.body.pagination;
  expect(p, ctx(res)).toBeTypeOf('object');
  for (const key of ['total_items', 'total_pages', 'current_page', 'limit']) {
    expect(Number.isInteger(p[key]), `pagination.${key}: ${ctx(res)}`).toBe(true);
  }
  expect(p.current_page).toBe(expected.current_page);
  expect(p.limit).toBe(expected.limit);
  if (expected.total_items !== undefined) expect(p.total_items).toBe(expected.total_items);
  expect(p.total_pages).toBe(Math.ceil(p.total_items / p.limit));
  expect(res.body.data.length).toBeLessThanOrEqual(p.limit);
}

/** Seed 002 "Error Response": `{ "detail": "Error message description" }` with the status. */
export function expectError(res: TestResponse, status: number, detail?: string): void {
  expect(res.status, ctx(res)).toBe(status);
  expect(res.body, ctx(res)).toBeTypeOf('object');
  expect(typeof res.body.detail, ctx(res)).toBe('string');
  if (detail !== undefined) expect(res.body.detail, ctx(res)).toBe(detail);
}

/** "Tất cả datetime được trả về dạng ISO 8601: "2024-01-15T10:30:00"" (at least date and time). */
export const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

export const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

export interface Customer {
  token: string;
  /** `id` of the seed 002 `/auth/login` answer: the customer id of the admin routes. */
  id: number;
  email: string;
  name: string;
}

let made = 0;

/**
 * A new customer: registered through seed 001 `POST /users/register` (seed 002's
 * `/auth/register` needs an emailed OTP), signed in through seed 002 `POST /auth/login`.
 */
export async function newCustomer(server: TestServer, name?: string): Promise<Customer> {
  const n = ++made;
  const email = `contract-${n}-${process.pid}@example.com`;
  const password = 'contract-123456';
  const fullName = name ?? `Khách hợp đồng ${n}`;
  const reg = await server.request('POST', '/users/register', {
    body: { name: fullName, email, password },
  });
  expect(reg.status, reg.text).toBe(201);
  const login = await server.request('POST', '/auth/login', {
    body: { identifier: email, password },
  });
  expect(login.status, login.text).toBe(200);
  return { token: login.body.access_token, id: login.body.id, email, name: fullName };
}

/** Adds an address through seed 002 `POST /user/addresses`; returns its id. */
export async function addAddress(
  server: TestServer,
  customer: Customer,
  body: Record<string, unknown> = {},
): Promise<number> {
  const res = await server.request('POST', '/user/addresses', {
    token: customer.token,
    body: { address_line1: '12 Lê Lợi', city: 'Huế', phone_number: '0912345678', ...body },
  });
  return dataOf(res).id as number;
}

/** Seed 002 `POST /store/cart/items`, expected to succeed. */
export async function addToCart(
  server: TestServer,
  customer: Customer,
  body: {
    product_id: number;
    quantity: number;
    transaction_type: 'buy' | 'rent';
    rental_days?: number;
  },
): Promise<void> {
  const res = await server.request('POST', '/store/cart/items', { token: customer.token, body });
  expectMessage(res, 'Added to cart successfully');
}

/** Seed 002 `POST /store/order/checkout` with cash on delivery, expected to succeed. */
export async function checkout(
  server: TestServer,
  customer: Customer,
  addressId: number,
  extra: Record<string, unknown> = {},
) {
  const res = await server.request('POST', '/store/order/checkout', {
    token: customer.token,
    body: { address_id: addressId, payment_method: 'cod', ...extra },
  });
  return dataOf(res) as {
    message: string;
    buy_order_id: number | null;
    buy_order_number: string | null;
    rent_order_id: number | null;
    rent_order_number: string | null;
    total_amount: number;
  };
}

/** Seed 002 `GET /store/products/{id}/detail` price of a product. */
export async function priceOf(server: TestServer, productId: number): Promise<number> {
  const data = dataOf(await server.request('GET', `/store/products/${productId}/detail`));
  expect(isNumber(data.price)).toBe(true);
  return data.price as number;
}

/**
 * A rentable bike created through seed 002 `POST /admin/products` (the demo catalog rents
 * nothing): the request body of the seed, with prices in đồng. Returns the product id.
 */
export async function createBike(
  server: TestServer,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<number> {
  const categories = dataOf(
    await server.request('GET', '/admin/categories', { token: adminToken }),
  );
  const res = await server.request('POST', '/admin/products', {
    token: adminToken,
    body: {
      name: 'Road-150 Red, 62',
      product_number: `BK-R50R-62-${++made}`,
      subcategory_id: categories[0].id,
      standard_cost: 2_000_000,
      list_price: 3_578_270,
      attributes: { size: '62', color: 'Red', condition: 'New', frame_material: 'Aluminum' },
      rental_config: { is_rentable: true, security_deposit: 2_862_620 },
      rent_price: 150_000,
      stock_details: { total_stock: 100, maintenance_stock: 0 },
      images: ['https://example.com/image1.jpg'],
      description: 'Xe đạp đua',
      ...overrides,
    },
  });
  expectMessage(res, 'Product created successfully');
  return res.body.data.id as number;
}
