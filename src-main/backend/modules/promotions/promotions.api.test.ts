import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server.stop());

const promo = (extra = {}) => ({
  name: 'Giảm giá mùa hè',
  code: 'SUMMER2026',
  scope: 'all',
  start_date: '2026-01-01T00:00:00',
  end_date: '2099-12-31T23:59:59',
  quantity: 100,
  target_ranks: [],
  status: true,
  discount_config: { type: 'percentage', value: 10 },
  min_order_amount: 100_000,
  ...extra,
});

async function buyer(n: number, productId = 1, quantity = 2) {
  const email = `vbuyer${n}@example.com`;
  await server.request('POST', '/users/register', {
    body: { name: `B ${n}`, email, password: 'vb-123456' },
  });
  const token = await server.login(email, 'vb-123456');
  const address = await server.request('POST', '/user/addresses', {
    token,
    body: { address_line1: '1 Trần Phú', city: 'Đà Nẵng', phone_number: '0912345678' },
  });
  await server.request('POST', '/store/cart/items', {
    token,
    body: { product_id: productId, quantity, transaction_type: 'buy' },
  });
  return { token, addressId: address.body.data.id as number };
}

describe('/admin/promotions and /store/vouchers (seed 002)', () => {
  it('creates, lists, updates and offers vouchers', async () => {
    const created = await server.request('POST', '/admin/promotions', {
      token: admin,
      body: promo(),
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body.message).toBe('Promotion Created');
    const id = created.body.data.id;
    const one = await server.request('GET', `/admin/promotions/${id}`, { token: admin });
    expect(one.body.data).toMatchObject({
      code: 'SUMMER2026',
      scope: 'all',
      // Zone-less dates are Vietnam time, and come back as they were sent (seed 002).
      start_date: '2026-01-01T00:00:00',
      discount_config: { type: 'percentage', value: 10 },
      used_count: 0,
      status: true,
    });
    const list = await server.request('GET', '/admin/promotions', { token: admin });
    expect(list.body.pagination).toMatchObject({ total_items: 1, current_page: 1, limit: 10 });
    const patch = await server.request('PATCH', `/admin/promotions/${id}`, {
      token: admin,
      body: { discount_config: { type: 'amount', value: 20_000 } },
    });
    expect(patch.body.message).toBe('Promotion updated successfully');
    const vouchers = await server.request('GET', '/store/vouchers?scope=buy');
    expect(vouchers.body.data).toEqual([
      expect.objectContaining({
        code: 'SUMMER2026',
        discount_type: 'amount',
        discount_value: 20_000,
      }),
    ]);
    expect((await server.request('GET', '/store/vouchers?scope=gift')).status).toBe(400);
  });

  it('refuses bad promotions, writing nothing', async () => {
    const before = countRows(server, 'promotions');
    for (const [body, field] of [
      [promo({ code: 'SUMMER2026' }), 'code'],
      [promo({ code: 'BAD1', end_date: '2020-01-01T00:00:00' }), 'end_date'],
      [
        promo({ code: 'BAD2', discount_config: { type: 'percentage', value: 150 } }),
        'discount_config.value',
      ],
      [promo({ code: 'BAD3', scope: 'gift' }), 'scope'],
      [promo({ code: 'b a d' }), 'code'],
    ] as const) {
      const res = await server.request('POST', '/admin/promotions', { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect(countRows(server, 'promotions')).toBe(before);
    const customer = await buyer(900);
    expect(
      (await server.request('GET', '/admin/promotions', { token: customer.token })).status,
    ).toBe(403);
  });

  it('applies a voucher at checkout, checks the minimum, and never exceeds its quantity', async () => {
    await server.request('POST', '/admin/promotions', {
      token: admin,
      body: promo({ code: 'TEN', discount_config: { type: 'percentage', value: 10 }, quantity: 3 }),
    });
    const small = await buyer(1, 1, 1); // 65 000 đ < 100 000 minimum
    const refused = await server.request('POST', '/store/order/checkout', {
      token: small.token,
      body: { address_id: small.addressId, payment_method: 'cod', voucher_code: 'TEN' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('Order needs minimum 100000');

    const buyers = await Promise.all(Array.from({ length: 8 }, (_, i) => buyer(10 + i)));
    const results = await Promise.all(
      buyers.map((b) =>
        server.request('POST', '/store/order/checkout', {
          token: b.token,
          body: { address_id: b.addressId, payment_method: 'cod', voucher_code: 'ten' },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(3);
    // 2 × 65 000 = 130 000, less 10 %.
    for (const r of ok) expect(r.body.data.total_amount).toBe(117_000);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.body.detail).toBe('Invalid or expired voucher');
    }
    const used = server.backend.store.db.$client
      .prepare("select used_count from promotions where code = 'TEN'")
      .pluck()
      .get();
    expect(used).toBe(3);

    const id = (await server.request('GET', '/admin/promotions', { token: admin })).body.data.find(
      (p: { code: string }) => p.code === 'TEN',
    ).id;
    const del = await server.request('DELETE', `/admin/promotions/${id}`, { token: admin });
    expect(del.body.message).toBe(
      'Promotion has usage history. It has been deactivated/expired instead of deleted.',
    );
  });
});
