import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import {
  addAddress,
  addToCart,
  checkout,
  dataOf,
  expectError,
  expectMessage,
  expectPage,
  isNumber,
  newCustomer,
  type Customer,
} from './seed-client.ts';

// Seed 002 `/admin/promotions*`, the public `/store/vouchers` they feed, and
// `/admin/settings/rental`.

interface Promotion {
  id: number;
  name: string;
  code: string;
  scope: string;
  start_date: string;
  end_date: string;
  quantity: number;
  target_ranks: string[];
  status: boolean;
  discount_config: { type: string; value: number };
  min_order_amount: number;
  used_count: number;
}

let server: TestServer;
let admin: string;
let customer: Customer;

/** The seed's POST /admin/promotions example, with a code of our own and a far end date. */
const promotion = (code: string, extra: Record<string, unknown> = {}) => ({
  name: 'Giảm giá mùa hè',
  code,
  scope: 'all',
  start_date: '2024-06-01T00:00:00',
  end_date: '2099-08-31T23:59:59',
  quantity: 100,
  target_ranks: ['Gold', 'Diamond'],
  status: true,
  discount_config: { type: 'percentage', value: 10.0 },
  min_order_amount: 1000.0,
  ...extra,
});

async function create(body: object) {
  const res = await server.request('POST', '/admin/promotions', { token: admin, body });
  expectMessage(res, 'Promotion Created');
}

async function allPromotions(): Promise<Promotion[]> {
  const res = await server.request('GET', '/admin/promotions?limit=100', { token: admin });
  expectPage(res, { current_page: 1, limit: 100 });
  return res.body.data;
}

async function byCode(code: string): Promise<Promotion> {
  const found = (await allPromotions()).find((p) => p.code === code);
  expect(found, code).toBeDefined();
  return found!;
}

async function vouchers(query = '') {
  const res = await server.request('GET', `/store/vouchers${query}`);
  const data = dataOf(res);
  expect(Array.isArray(data)).toBe(true);
  return data as {
    id: number;
    code: string;
    name: string;
    scope: string;
    discount_type: string;
    discount_value: number;
    min_order_amount: number;
    start_date: string;
    end_date: string;
    target_rank: string | null;
  }[];
}

beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
  customer = await newCustomer(server);
  await create(promotion('SUMMER2024'));
  await create(
    promotion('BUYONLY', {
      name: 'Chỉ mua',
      scope: 'buy',
      target_ranks: [],
      discount_config: { type: 'amount', value: 20_000 },
    }),
  );
  await create(promotion('RENTONLY', { name: 'Chỉ thuê', scope: 'rent', target_ranks: [] }));
  await create(
    promotion('EXPIRED', { start_date: '2020-01-01T00:00:00', end_date: '2020-12-31T23:59:59' }),
  );
  await create(promotion('INACTIVE', { status: false }));
});
afterAll(() => server?.stop());

describe('admin promotion routes: access', () => {
  const routes: [string, string, object?][] = [
    ['GET', '/admin/promotions'],
    ['POST', '/admin/promotions', promotion('NOPE')],
    ['GET', '/admin/promotions/1'],
    ['PATCH', '/admin/promotions/1', { name: 'x' }],
    ['DELETE', '/admin/promotions/1'],
    ['GET', '/admin/settings/rental'],
    ['PATCH', '/admin/settings/rental', { deposit: { default_rate: 50 } }],
  ];

  it('401 without a token, 403 for a customer', async () => {
    for (const [method, path, body] of routes) {
      expectError(await server.request(method, path, { body }), 401);
      expectError(await server.request(method, path, { body, token: customer.token }), 403);
    }
    expect((await allPromotions()).map((p) => p.code)).not.toContain('NOPE');
  });
});

describe('GET /admin/promotions', () => {
  it('pages the promotions with the documented fields and types', async () => {
    const res = await server.request('GET', '/admin/promotions', { token: admin });
    expectPage(res, { current_page: 1, limit: 10 });
    const summer = (res.body.data as Promotion[]).find((p) => p.code === 'SUMMER2024');
    expect(summer).toMatchObject({
      name: 'Giảm giá mùa hè',
      scope: 'all',
      quantity: 100,
      target_ranks: ['Gold', 'Diamond'],
      status: true,
      discount_config: { type: 'percentage', value: 10 },
      min_order_amount: 1000,
      used_count: 0,
    });
    expect(isNumber(summer!.id)).toBe(true);
    expect(typeof summer!.start_date).toBe('string');
    expect(typeof summer!.end_date).toBe('string');
  });

  it('page and limit', async () => {
    const total = (await allPromotions()).length;
    expect(total).toBeGreaterThanOrEqual(5);
    const res = await server.request('GET', '/admin/promotions?page=2&limit=2', { token: admin });
    expectPage(res, { current_page: 2, limit: 2, total_items: total });
    expect(res.body.data).toHaveLength(2);
    const first = await server.request('GET', '/admin/promotions?page=1&limit=2', { token: admin });
    const ids = [...first.body.data, ...res.body.data].map((p: Promotion) => p.id);
    expect(new Set(ids).size).toBe(4);
  });

  // "start_date": "2024-06-01T00:00:00" is sent and listed back as such in the seed; §4:
  // "Tất cả datetime được trả về dạng ISO 8601: "2024-01-15T10:30:00"".
  it('answers start_date and end_date as they were sent', async () => {
    const summer = await byCode('SUMMER2024');
    expect(summer.start_date).toMatch(/^2024-06-01T00:00:00/);
    expect(summer.end_date).toMatch(/^2099-08-31T23:59:59/);
  });
});

describe('GET/PATCH/DELETE /admin/promotions/{promotion_id}', () => {
  it('GET answers the same object as the list', async () => {
    const listed = await byCode('SUMMER2024');
    const data = dataOf(
      await server.request('GET', `/admin/promotions/${listed.id}`, { token: admin }),
    );
    expect(data).toEqual(listed);
  });

  it('GET answers 404 for an unknown promotion', async () => {
    expectError(await server.request('GET', '/admin/promotions/987654', { token: admin }), 404);
  });

  it('PATCH "Promotion updated successfully": only the fields sent change', async () => {
    await create(promotion('PATCHME', { target_ranks: [] }));
    const before = await byCode('PATCHME');
    const res = await server.request('PATCH', `/admin/promotions/${before.id}`, {
      token: admin,
      body: { name: 'Giảm giá mùa thu', discount_config: { type: 'amount', value: 15_000 } },
    });
    expectMessage(res, 'Promotion updated successfully');
    const after = await byCode('PATCHME');
    expect(after).toEqual({
      ...before,
      name: 'Giảm giá mùa thu',
      discount_config: { type: 'amount', value: 15_000 },
    });
  });

  it('DELETE of an unused promotion: "Promotion permanently deleted", then 404', async () => {
    await create(promotion('DELETEME'));
    const { id } = await byCode('DELETEME');
    expectMessage(
      await server.request('DELETE', `/admin/promotions/${id}`, { token: admin }),
      'Promotion permanently deleted',
    );
    expectError(await server.request('GET', `/admin/promotions/${id}`, { token: admin }), 404);
    expect((await allPromotions()).map((p) => p.code)).not.toContain('DELETEME');
  });

  it('DELETE of a used promotion deactivates it with the documented message', async () => {
    await create(promotion('USEDONCE', { target_ranks: [] }));
    const buyer = await newCustomer(server);
    await addToCart(server, buyer, { product_id: 1, quantity: 1, transaction_type: 'buy' });
    await checkout(server, buyer, await addAddress(server, buyer), { voucher_code: 'USEDONCE' });
    const used = await byCode('USEDONCE');
    expect(used.used_count).toBe(1);
    expect((await vouchers()).map((v) => v.code)).toContain('USEDONCE');

    expectMessage(
      await server.request('DELETE', `/admin/promotions/${used.id}`, { token: admin }),
      'Promotion has usage history. It has been deactivated/expired instead of deleted.',
    );
    expect((await vouchers()).map((v) => v.code)).not.toContain('USEDONCE');
  });
});

describe('GET /store/vouchers', () => {
  it('needs no token and lists the usable vouchers with the documented fields', async () => {
    const list = await vouchers();
    const codes = list.map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(['SUMMER2024', 'BUYONLY', 'RENTONLY']));
    expect(codes).not.toContain('EXPIRED');
    expect(codes).not.toContain('INACTIVE');
    const summer = list.find((v) => v.code === 'SUMMER2024')!;
    expect(isNumber(summer.id)).toBe(true);
    expect(summer).toMatchObject({
      name: 'Giảm giá mùa hè',
      scope: 'all',
      discount_type: 'percentage',
      discount_value: 10,
      min_order_amount: 1000,
    });
    expect(typeof summer.start_date).toBe('string');
    expect(typeof summer.end_date).toBe('string');
    expect(typeof summer.target_rank).toBe('string');
    expect(list.find((v) => v.code === 'BUYONLY')).toMatchObject({
      scope: 'buy',
      discount_type: 'amount',
      discount_value: 20_000,
    });
  });

  it('scope=buy and scope=rent filter by scope', async () => {
    const buy = (await vouchers('?scope=buy')).map((v) => v.code);
    expect(buy).toContain('BUYONLY');
    expect(buy).not.toContain('RENTONLY');
    const rent = (await vouchers('?scope=rent')).map((v) => v.code);
    expect(rent).toContain('RENTONLY');
    expect(rent).not.toContain('BUYONLY');
    const all = (await vouchers('?scope=all')).map((v) => v.code);
    expect(all).toContain('SUMMER2024');
  });
});

describe('/admin/settings/rental', () => {
  it('GET answers the four documented sections with their types', async () => {
    const data = dataOf(await server.request('GET', '/admin/settings/rental', { token: admin }));
    expect(Number.isInteger(data.duration_limits.min_days)).toBe(true);
    expect(Number.isInteger(data.duration_limits.max_days)).toBe(true);
    expect(isNumber(data.deposit.default_rate)).toBe(true);
    expect(isNumber(data.penalty.overdue_fee_rate)).toBe(true);
    expect(['flexible', 'moderate', 'strict']).toContain(data.penalty.cancellation_policy);
    expect(typeof data.rent_to_own.enabled).toBe('boolean');
    expect(isNumber(data.rent_to_own.rent_deduction)).toBe(true);
  });

  it('PATCH "Rental configuration updated successfully": sections sent change, others stay', async () => {
    const get = async () =>
      dataOf(await server.request('GET', '/admin/settings/rental', { token: admin }));
    const before = await get();
    const res = await server.request('PATCH', '/admin/settings/rental', {
      token: admin,
      body: {
        duration_limits: { min_days: 2, max_days: 14 },
        penalty: { overdue_fee_rate: 120.5, cancellation_policy: 'strict' },
      },
    });
    expectMessage(res, 'Rental configuration updated successfully');
    expect(await get()).toEqual({
      ...before,
      duration_limits: { min_days: 2, max_days: 14 },
      penalty: { overdue_fee_rate: 120.5, cancellation_policy: 'strict' },
    });

    const back = await server.request('PATCH', '/admin/settings/rental', {
      token: admin,
      body: {
        duration_limits: before.duration_limits,
        deposit: before.deposit,
        penalty: before.penalty,
        rent_to_own: before.rent_to_own,
      },
    });
    expectMessage(back, 'Rental configuration updated successfully');
    expect(await get()).toEqual(before);
  });

  it('400 for a cancellation_policy outside "flexible", "moderate", "strict"', async () => {
    const res = await server.request('PATCH', '/admin/settings/rental', {
      token: admin,
      body: { penalty: { overdue_fee_rate: 150, cancellation_policy: 'lenient' } },
    });
    expectError(res, 400);
  });
});
