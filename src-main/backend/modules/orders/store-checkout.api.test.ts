import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerWithAddress } from '#test/helpers/orders';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server.stop());

const customer = (n: number) => customerWithAddress(server, n);

async function product(name: string, stock: number, extra = {}) {
  const res = await server.request('POST', '/admin/products', {
    token: admin,
    body: {
      name,
      category_id: 1,
      variants: [{ sku: `SKU-${name}`, price: 100_000, stock, ...extra }],
    },
  });
  return res.body.data.id as number;
}

describe('POST /store/order/checkout (seed 002)', () => {
  it('splits the cart into a sale and a rental order with server-computed totals', async () => {
    const bike = await product('Xe thuê', 5, {
      is_rentable: true,
      rent_price: 50_000,
      deposit: 1_000_000,
    });
    const { token, addressId } = await customer(1);
    await server.request('POST', '/store/cart/items', {
      token,
      body: { product_id: 1, quantity: 2, transaction_type: 'buy' },
    });
    await server.request('POST', '/store/cart/items', {
      token,
      body: { product_id: bike, quantity: 1, transaction_type: 'rent', rental_days: 3 },
    });
    const res = await server.request('POST', '/store/order/checkout', {
      token,
      body: { address_id: addressId, payment_method: 'cod', note: 'Giao buổi sáng' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toMatchObject({
      message: 'Order placed successfully',
      buy_order_number: expect.stringMatching(/^SO-\d{8}-[0-9A-Z]{4}$/),
      rent_order_number: expect.stringMatching(/^RN-\d{8}-[0-9A-Z]{4}$/),
      // 2 × 65 000 bought; 1 × 50 000 × 3 days rented + 1 000 000 deposit.
      total_amount: 130_000 + 150_000 + 1_000_000,
    });
    expect((await server.request('GET', '/store/cart', { token })).body.data.items).toEqual([]);
    const mine = await server.request('GET', '/api/v1/orders', { token });
    expect(mine.body.data).toHaveLength(2);
    expect(mine.body.data[0].history[0]).toMatchObject({ from: null, note: 'created' });
  });

  it('answers the documented 400s and changes nothing', async () => {
    const { token, addressId } = await customer(2);
    const before = countRows(server, 'orders');
    const empty = await server.request('POST', '/store/order/checkout', {
      token,
      body: { address_id: addressId, payment_method: 'cod' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toBe('Cart is empty');
    await server.request('POST', '/store/cart/items', {
      token,
      body: { product_id: 1, quantity: 1, transaction_type: 'buy' },
    });
    const badAddress = await server.request('POST', '/store/order/checkout', {
      token,
      body: { address_id: 999_999, payment_method: 'cod' },
    });
    expect(badAddress.body.detail).toBe('Invalid address');
    const voucher = await server.request('POST', '/store/order/checkout', {
      token,
      body: { address_id: addressId, payment_method: 'cod', voucher_code: 'SUMMER2024' },
    });
    expect(voucher.body.detail).toBe('Invalid or expired voucher');
    const bad = await server.request('POST', '/store/order/checkout', {
      token,
      body: { address_id: addressId, payment_method: 'bitcoin' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('payment_method');
    expect(countRows(server, 'orders')).toBe(before);
    expect((await server.request('GET', '/store/cart', { token })).body.data.items).toHaveLength(1);
  });

  it('sells exactly the last 10 units to 50 concurrent checkouts', async () => {
    const id = await product('Hàng cuối', 10);
    const buyers = await Promise.all(Array.from({ length: 50 }, (_, i) => customer(100 + i)));
    for (const b of buyers) {
      const add = await server.request('POST', '/store/cart/items', {
        token: b.token,
        body: { product_id: id, quantity: 1, transaction_type: 'buy' },
      });
      expect(add.status).toBe(200);
    }
    const results = await Promise.all(
      buyers.map((b) =>
        server.request('POST', '/store/order/checkout', {
          token: b.token,
          body: { address_id: b.addressId, payment_method: 'cod' },
        }),
      ),
    );
    const sold = results.filter((r) => r.status === 200).length;
    expect(sold).toBe(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(40);
    const stock = server.backend.store.db.$client
      .prepare("select stock from product_variants where sku = 'SKU-Hàng cuối'")
      .pluck()
      .get();
    expect(stock).toBe(0);
    const lines = server.backend.store.db.$client
      .prepare("select sum(quantity) from order_lines where sku = 'SKU-Hàng cuối'")
      .pluck()
      .get();
    expect(lines).toBe(10);
  });
});
