import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSimCart, pairCart } from '#test/helpers/carts';
import { customerWithAddress } from '#test/helpers/orders';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

// In-store pickup for a smart-cart session: the order is priced on the server (catalog price,
// product promotions, voucher), and the counter can take cash for it.

const ROBUSTA = { barcode: '8930001000018', grams: 260, price: 65_000, productId: 1 };

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({
    env: {
      CARTSTATION_DEMO: 'true',
      CARTSTATION_CART_TCP_PORT: '0',
      CARTSTATION_LOGIN_RATE_LIMIT: '100000',
      CARTSTATION_RECONCILE_SECONDS: '0',
    },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server.stop());

const promotion = (extra: Record<string, unknown>) =>
  server.request('POST', '/admin/promotions', {
    token: admin,
    body: {
      name: 'Khuyến mãi',
      scope: 'all',
      start_date: '2026-01-01T00:00:00',
      end_date: '2099-12-31T23:59:59',
      quantity: 100,
      target_ranks: [],
      status: true,
      min_order_amount: 0,
      ...extra,
    },
  });

/** A customer shopping with a cart that holds `count` Robusta bags. */
async function shopping(name: string, count: number) {
  const buyer = await customerWithAddress(server, name);
  const cart = await pairCart(server, admin, `Xe ${name}`);
  const sim = await connectSimCart(server, cart);
  const bound = await server.request('POST', '/api/v1/sessions', {
    token: buyer.token,
    body: { qr: cart.qr_payload },
  });
  const session = bound.body.data;
  for (let i = 0; i < count; i++) {
    await sim.scan(ROBUSTA.barcode);
    await sim.weigh(ROBUSTA.grams);
  }
  for (let i = 0; i < 50; i++) {
    const view = await server.request('GET', `/api/v1/sessions/${session.id}`, {
      token: buyer.token,
    });
    if (view.body.data.total_items === count) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { buyer, sim, session };
}

describe('POST /api/v1/sessions/{id}/order', () => {
  it('prices with the product promotion, then the voucher, and counts both once', async () => {
    const product = await promotion({
      code: 'ROBUSTA10',
      discount_config: { type: 'percentage', value: 10 },
      product_ids: [ROBUSTA.productId],
    });
    expect(product.status, product.text).toBe(200);
    const voucher = await promotion({
      code: 'GIAM5K',
      discount_config: { type: 'amount', value: 5_000 },
    });
    expect(voucher.status, voucher.text).toBe(200);

    const { buyer, sim, session } = await shopping('promo', 2);
    const res = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: { voucher_code: 'GIAM5K' },
    });
    expect(res.status, res.text).toBe(201);
    // 2 × 65 000 = 130 000; 10 % off the line = 13 000; then 5 000 off the order.
    expect(res.body.data).toMatchObject({
      subtotal: 130_000,
      discount: 18_000,
      total: 112_000,
      items: [{ quantity: 2, unit_price: 65_000, line_total: 117_000 }],
    });
    const used = server.backend.store.db.$client
      .prepare(
        "select code, used_count from promotions where code in ('ROBUSTA10', 'GIAM5K') order by code",
      )
      .all();
    expect(used).toEqual([
      { code: 'GIAM5K', used_count: 1 },
      { code: 'ROBUSTA10', used_count: 1 },
    ]);
    await sim.close();
  });

  it('refuses a bad voucher without an order, and the retry without it succeeds', async () => {
    const { buyer, sim, session } = await shopping('badvoucher', 1);
    const orders = countRows(server, 'orders');
    const bad = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: { voucher_code: 'KHONGCO' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('voucher_code');
    expect(countRows(server, 'orders')).toBe(orders);
    // Refused before an order existed: the cart is unlocked and the customer keeps shopping.
    const back = await server.request('GET', `/api/v1/sessions/${session.id}`, {
      token: buyer.token,
    });
    expect(back.body.data.status).toBe('active');
    const locks = sim.received.filter((m) => m.name === 'LOCK').map((m) => m.payload);
    expect(locks).toEqual([{ locked: true }, { locked: false }]);
    const none = await server.request('GET', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
    });
    expect(none.status).toBe(404);
    const ok = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: {},
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.data.total).toBe(ROBUSTA.price - 6_500); // the 10 % product promotion
    const found = await server.request('GET', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
    });
    expect(found.status, found.text).toBe(200);
    expect(found.body.data.id).toBe(ok.body.data.id);
    await sim.close();
  });

  it("lets the counter check out a customer's session and take cash; the cart unlocks", async () => {
    const { buyer, sim, session } = await shopping('counter', 1);
    const other = await customerWithAddress(server, 'stranger');
    const denied = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: other.token,
      body: {},
    });
    expect(denied.status).toBe(403);
    const made = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: admin,
      body: {},
    });
    expect(made.status, made.text).toBe(201);
    const locked = sim.received.length;
    const cash = await server.request('POST', `/api/v1/orders/${made.body.data.number}/payments`, {
      token: admin,
      body: { method: 'cash', amount_received: 100_000 },
    });
    expect(cash.status, cash.text).toBe(201);
    expect(cash.body.data).toMatchObject({
      status: 'paid',
      amount_received: 100_000,
      change: 100_000 - made.body.data.total,
    });
    const receipt = await server.request('GET', `/api/v1/orders/${made.body.data.id}/receipt`, {
      token: buyer.token,
    });
    expect(receipt.body.data.paid).toMatchObject({
      method: 'cash',
      amount: made.body.data.total,
      received: 100_000,
      change: 100_000 - made.body.data.total,
    });
    expect(receipt.body.data.lines.some((l: string) => l.startsWith('Tiền thối'))).toBe(true);
    // The payment is in the order's history with the cashier who took it.
    const paidEvent = server.backend.store.db.$client
      .prepare("select actor_user_id from order_events where order_id = ? and note like 'paid:%'")
      .pluck()
      .get(made.body.data.id);
    expect(paidEvent).toBe(1);
    expect((await sim.next('LOCK', 5000, locked)).payload).toEqual({ locked: false });
    const after = await server.request('GET', `/api/v1/sessions/${session.id}`, {
      token: buyer.token,
    });
    expect(after.body.data.status).toBe('completed');
    const order = await server.request('GET', `/api/v1/orders/${made.body.data.id}`, {
      token: buyer.token,
    });
    expect(order.body.data).toMatchObject({ status: 'Delivered', payment_status: 'paid' });
    const again = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: admin,
      body: {},
    });
    expect(again.body.data.id).toBe(made.body.data.id); // one order per session, still
    await sim.close();
  });

  it('answers 404 for an unknown session and 409 for an empty or ended one', async () => {
    const unknown = await server.request('POST', '/api/v1/sessions/999999/order', {
      token: admin,
      body: {},
    });
    expect(unknown.status).toBe(404);
    const { buyer, sim, session } = await shopping('empty', 0);
    const empty = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: {},
    });
    expect(empty.status).toBe(400);
    const abandoned = await server.request('POST', `/api/v1/sessions/${session.id}/abandon`, {
      token: admin,
      body: { reason: 'left' },
    });
    expect(abandoned.status, abandoned.text).toBe(200);
    const ended = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: {},
    });
    expect(ended.status, ended.text).toBe(409);
    await sim.close();
  });

  it('cancels the unpaid order and puts the stock back when staff abandon the session', async () => {
    const stock = () =>
      server.backend.store.db.$client
        .prepare("select stock from product_variants where sku = 'CS-001-1'")
        .pluck()
        .get() as number;
    const { buyer, sim, session } = await shopping('walkout', 2);
    const before = stock();
    const made = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: {},
    });
    expect(made.status, made.text).toBe(201);
    expect(stock()).toBe(before - 2);
    const abandoned = await server.request('POST', `/api/v1/sessions/${session.id}/abandon`, {
      token: admin,
      body: { reason: 'left the store' },
    });
    expect(abandoned.status, abandoned.text).toBe(200);
    const order = await server.request('GET', `/api/v1/orders/${made.body.data.id}`, {
      token: buyer.token,
    });
    expect(order.body.data.status).toBe('Cancelled');
    expect(order.body.data.history.at(-1)).toMatchObject({ from: 'Pending', to: 'Cancelled' });
    expect(stock()).toBe(before);
    const pay = await server.request('POST', `/api/v1/orders/${made.body.data.id}/payments`, {
      token: admin,
      body: { method: 'cash', amount_received: 200_000 },
    });
    expect(pay.status).toBe(409);
    await sim.close();
  });
});
