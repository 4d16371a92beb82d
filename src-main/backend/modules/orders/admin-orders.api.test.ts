import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let admin: string;
let orderId: number;
let customer: string;

const stockOf = (sku: string) =>
  server.backend.store.db.$client
    .prepare('select stock from product_variants where sku = ?')
    .pluck()
    .get(sku);

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  admin = await server.login(ADMIN.email, ADMIN.password);
  await server.request('POST', '/users/register', {
    body: { name: 'Chị Hoa', email: 'hoa@example.com', password: 'hoa-123456' },
  });
  customer = await server.login('hoa@example.com', 'hoa-123456');
  const address = await server.request('POST', '/user/addresses', {
    token: customer,
    body: { address_line1: '9 Hùng Vương', city: 'Huế', phone_number: '0912345678' },
  });
  await server.request('POST', '/store/cart/items', {
    token: customer,
    body: { product_id: 1, quantity: 3, transaction_type: 'buy' },
  });
  const placed = await server.request('POST', '/store/order/checkout', {
    token: customer,
    body: { address_id: address.body.data.id, payment_method: 'cod' },
  });
  orderId = placed.body.data.buy_order_id;
});
afterAll(() => server.stop());

describe('/admin/orders (seed 002)', () => {
  it('lists and details orders with their actions', async () => {
    const list = await server.request('GET', '/admin/orders?type=sale', { token: admin });
    expect(list.status, list.text).toBe(200);
    expect(list.body.data[0]).toMatchObject({
      db_id: orderId,
      type: 'sale',
      customer_name: 'Chị Hoa',
      status: 'Pending',
      total_amount: 195_000,
    });
    const detail = await server.request('GET', `/admin/orders/${orderId}?type=sale`, {
      token: admin,
    });
    expect(detail.body.data).toMatchObject({
      status: 'Pending',
      subtotal: 195_000,
      total_due: 195_000,
      actions: { can_cancel: true, can_confirm: true, can_ship: false, can_complete: false },
      customer: {
        id: expect.any(Number),
        name: 'Chị Hoa',
        email: 'hoa@example.com',
        phone: null,
        avatar: null,
      },
      items: [
        {
          product_id: 1,
          product_name: expect.any(String),
          product_image: expect.stringMatching(/^\/media\//),
          quantity: 3,
          unit_price: 65_000,
          total_line: 195_000,
        },
      ],
    });
    expect(
      (await server.request('GET', `/admin/orders/${orderId}?type=rental`, { token: admin }))
        .status,
    ).toBe(404);
    expect((await server.request('GET', `/admin/orders/${orderId}`, { token: admin })).status).toBe(
      400,
    );
    expect((await server.request('GET', '/admin/orders', { token: customer })).status).toBe(403);
  });

  it('moves along the state machine only, recording who and when, and restocks on cancel', async () => {
    const before = stockOf('CS-001-1');
    const skip = await server.request('PATCH', `/admin/orders/${orderId}/status?type=sale`, {
      token: admin,
      body: { status: 'Delivered' },
    });
    expect(skip.status).toBe(400);
    expect(skip.body.detail).toBe('Cannot change order status from Pending to Delivered');
    const events = countRows(server, 'order_events');
    const confirm = await server.request('PATCH', `/admin/orders/${orderId}/status?type=sale`, {
      token: admin,
      body: { status: 'Confirmed', note: 'Đã gọi khách' },
    });
    expect(confirm.body.message).toBe('Order status updated to Confirmed');
    expect(countRows(server, 'order_events')).toBe(events + 1);
    const cancel = await server.request('PATCH', `/admin/orders/${orderId}/status?type=sale`, {
      token: admin,
      body: { status: 'Cancelled' },
    });
    expect(cancel.status).toBe(200);
    expect(stockOf('CS-001-1')).toBe((before as number) + 3);
    const detail = await server.request('GET', `/admin/orders/${orderId}?type=sale`, {
      token: admin,
    });
    expect(detail.body.data.history.map((h: { to: string }) => h.to)).toEqual([
      'Pending',
      'Confirmed',
      'Cancelled',
    ]);
    expect(detail.body.data.actions).toEqual({
      can_cancel: false,
      can_confirm: false,
      can_ship: false,
      can_complete: false,
    });
    const mine = await server.request('GET', '/api/v1/orders', { token: customer });
    expect(mine.body.data[0].status).toBe('Cancelled');
  });
});
