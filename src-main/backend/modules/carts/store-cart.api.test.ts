import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let token: string;
let bikeId: number;

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  const admin = await server.login(ADMIN.email, ADMIN.password);
  const bike = await server.request('POST', '/admin/products', {
    token: admin,
    body: {
      name: 'Xe đạp Road-150',
      product_number: 'BK-R50R-62',
      subcategory_id: 1,
      list_price: 3_578_000,
      attributes: { size: '62', color: 'Red' },
      rental_config: { is_rentable: true, security_deposit: 2_862_000 },
      rent_price: 150_000,
      stock_details: { total_stock: 3, maintenance_stock: 1 },
    },
  });
  bikeId = bike.body.data.id;
  await server.request('POST', '/users/register', {
    body: { name: 'Khách', email: 'k@example.com', password: 'k-123456' },
  });
  token = await server.login('k@example.com', 'k-123456');
});
afterAll(() => server.stop());

describe('/store/cart (seed 002)', () => {
  it('holds buy and rent lines with totals computed by the server', async () => {
    const buy = await server.request('POST', '/store/cart/items', {
      token,
      body: { product_id: 1, quantity: 2, transaction_type: 'buy' },
    });
    expect(buy.status, buy.text).toBe(200);
    expect(buy.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Added to cart successfully',
    });
    const rent = await server.request('POST', '/store/cart/items', {
      token,
      body: { product_id: bikeId, quantity: 1, transaction_type: 'rent', rental_days: 2 },
    });
    expect(rent.status, rent.text).toBe(200);

    const cart = (await server.request('GET', '/store/cart', { token })).body.data;
    expect(cart).toMatchObject({
      total_items: 3,
      total_buy_amount: 130_000,
      total_rent_amount: 300_000,
      grand_total: 430_000,
    });
    const rentLine = cart.items.find(
      (i: { transaction_type: string }) => i.transaction_type === 'rent',
    );
    expect(rentLine).toMatchObject({
      product_id: bikeId,
      rental_days: 2,
      unit_price: 150_000,
      subtotal: 300_000,
      variant: { color: 'Red', size: '62', condition: 'New', model_number: 'BK-R50R-62' },
    });

    const patched = await server.request('PATCH', `/store/cart/items/${rentLine.id}`, {
      token,
      body: { rental_days: 3 },
    });
    expect(patched.body.message).toBe('Cart item updated');
    expect(
      (await server.request('GET', '/store/cart', { token })).body.data.total_rent_amount,
    ).toBe(450_000);

    const buyLine = cart.items.find(
      (i: { transaction_type: string }) => i.transaction_type === 'buy',
    );
    const refused = await server.request('PATCH', `/store/cart/items/${buyLine.id}`, {
      token,
      body: { rental_days: 3 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('Cannot set rental days for buy items');

    const removed = await server.request('DELETE', `/store/cart/items/${buyLine.id}`, { token });
    expect(removed.body.message).toBe('Item removed from cart');
    expect(
      (await server.request('DELETE', `/store/cart/items/${buyLine.id}`, { token })).status,
    ).toBe(404);
  });

  it('refuses what cannot be bought or rented, writing nothing', async () => {
    const before = countRows(server, 'cart_items');
    const cases: [object, number, string][] = [
      [
        { product_id: 1, quantity: 1, transaction_type: 'rent', rental_days: 2 },
        400,
        'Product not available for rent',
      ],
      [{ product_id: 999_999, quantity: 1, transaction_type: 'buy' }, 404, 'Product not found'],
      [
        { product_id: bikeId, quantity: 1, transaction_type: 'rent' },
        400,
        'rental_days is required for rent items',
      ],
      // 3 in stock, 1 held for maintenance, 1 already in the cart: 2 more is too many.
      [{ product_id: bikeId, quantity: 2, transaction_type: 'buy' }, 400, 'Only 2 left in stock'],
    ];
    for (const [body, status, detail] of cases) {
      const res = await server.request('POST', '/store/cart/items', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.detail).toBe(detail);
    }
    for (const body of [
      { product_id: 1, quantity: 0, transaction_type: 'buy' },
      { product_id: 1, quantity: 1, transaction_type: 'borrow' },
      { product_id: '1', quantity: 1, transaction_type: 'buy' },
      { product_id: bikeId, quantity: 1, transaction_type: 'rent', rental_days: 31 },
    ]) {
      const res = await server.request('POST', '/store/cart/items', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field).toBeTruthy();
    }
    expect(countRows(server, 'cart_items')).toBe(before);
    expect((await server.request('GET', '/store/cart')).status).toBe(401);
  });
});
