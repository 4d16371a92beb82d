import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadAddress } from '#test/fakes/loopback-server';
import { startPayosGatewayFake, type PayosGatewayFake } from '#test/fakes/payos-gateway.fake';
import { connectSimCart, liveClient, pairCart } from '#test/helpers/carts';
import { customerWithAddress, placeSaleOrder } from '#test/helpers/orders';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

// The whole in-store flow against a loopback payOS that signs and verifies as payOS documents.
// Its webhooks are posted to the terminal's relay endpoint, as headquarters forwards them.

const KEYS = { clientId: 'client-1', apiKey: 'api-key-1', checksumKey: 'checksum-key-1' };
const ROBUSTA = { barcode: '8930001000018', grams: 260, price: 65_000 };

let gateway: PayosGatewayFake;
let server: TestServer;
let admin: string;

beforeAll(async () => {
  gateway = await startPayosGatewayFake(KEYS);
  server = await startTestServer({
    env: {
      CARTSTATION_DEMO: 'true',
      CARTSTATION_CART_TCP_PORT: '0',
      CARTSTATION_LOGIN_RATE_LIMIT: '100000',
      CARTSTATION_RECONCILE_SECONDS: '0',
      CARTSTATION_GATEWAY_TIMEOUT_MS: '1000',
      CARTSTATION_TERMINAL_NO: '7',
      CARTSTATION_PAYOS_CLIENT_ID: KEYS.clientId,
      CARTSTATION_PAYOS_API_KEY: KEYS.apiKey,
      CARTSTATION_PAYOS_CHECKSUM_KEY: KEYS.checksumKey,
      CARTSTATION_PAYOS_BASE_URL: gateway.baseUrl,
      CARTSTATION_PAYOS_CHECKOUT_URL: gateway.checkoutBaseUrl,
    },
  });
  gateway.setWebhookUrl(`${server.url}/api/v1/payments/payos/webhook`);
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await server.stop();
  await gateway.close();
});

const payWith = (token: string, orderRef: string | number, method = 'payos') =>
  server.request('POST', `/api/v1/orders/${orderRef}/payments`, { token, body: { method } });

const paidPayments = (orderId: number) =>
  server.backend.store.db.$client
    .prepare("select count(*) from payments where order_id = ? and status = 'paid'")
    .pluck()
    .get(orderId) as number;

describe('smart-cart session → pickup order → payOS → webhook → cart unlocked', () => {
  it('confirms the payment once, tells the phone, completes the session and unlocks the cart', async () => {
    const buyer = await customerWithAddress(server, 'cart');
    const cart = await pairCart(server, admin);
    const sim = await connectSimCart(server, cart);
    const bound = await server.request('POST', '/api/v1/sessions', {
      token: buyer.token,
      body: { qr: cart.qr_payload },
    });
    const session = bound.body.data;
    await sim.scan(ROBUSTA.barcode);
    await sim.weigh(ROBUSTA.grams);
    await sim.scan(ROBUSTA.barcode);
    await sim.weigh(ROBUSTA.grams);
    const phone = await liveClient(server, { token: buyer.token });
    await phone.until((m) => m.type === 'snapshot' && m.data.items?.[0]?.quantity === 2);

    const state = await server.request('GET', `/api/v1/sessions/${session.id}`, {
      token: buyer.token,
    });
    expect(state.body.data.exceptions, state.text).toEqual([]);
    const ordered = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: {},
    });
    expect(ordered.status, ordered.text).toBe(201);
    const order = ordered.body.data;
    expect(order).toMatchObject({
      type: 'sale',
      source: 'smart_cart',
      status: 'Pending',
      payment_status: 'unpaid',
      subtotal: 2 * ROBUSTA.price,
      total: 2 * ROBUSTA.price,
      items: [{ quantity: 2, unit_price: ROBUSTA.price, line_total: 2 * ROBUSTA.price }],
    });
    expect((await sim.next('LOCK')).payload).toEqual({ locked: true });
    const lockedAt = sim.received.length;
    // Asking again (a retried tap) returns the same order.
    const again = await server.request('POST', `/api/v1/sessions/${session.id}/order`, {
      token: buyer.token,
      body: {},
    });
    expect(again.body.data.id).toBe(order.id);

    const link = await payWith(buyer.token, order.uuid);
    expect(link.status, link.text).toBe(201);
    const payment = link.body.data;
    expect(payment).toMatchObject({
      method: 'payos',
      status: 'pending',
      amount: 2 * ROBUSTA.price,
      order_number: order.number,
      checkout_url: expect.stringContaining(gateway.checkoutBaseUrl),
    });
    // Terminal 7's codes: 7 in the high digits.
    expect(Math.floor(payment.gateway_order_code / 1e9)).toBe(7);
    expect(gateway.links.get(payment.gateway_order_code)?.amount).toBe(2 * ROBUSTA.price);
    const same = await payWith(buyer.token, order.id);
    expect(same.body.data.id).toBe(payment.id);
    expect(gateway.creates()).toHaveLength(1);

    const hook = await gateway.pay(payment.gateway_order_code);
    expect(hook.status).toBe(200);
    expect(hook.body).toEqual({ success: true });
    const paid = await phone.until((m) => m.event === 'order_paid');
    expect(paid.data).toEqual({ order_number: order.number, total: 2 * ROBUSTA.price });
    await phone.until((m) => m.event === 'session_ended' && m.data.reason === 'paid');
    expect((await sim.next('LOCK', 5000, lockedAt)).payload).toEqual({ locked: false });

    for (let i = 0; i < 4; i++) expect((await gateway.sendDuplicate()).status).toBe(200);
    const view = await server.request('GET', `/api/v1/payments/${payment.id}`, {
      token: buyer.token,
    });
    expect(view.body.data).toMatchObject({
      status: 'paid',
      amount_received: 2 * ROBUSTA.price,
      order_payment_status: 'paid',
    });
    const detail = await server.request('GET', `/api/v1/orders/${order.number}`, {
      token: buyer.token,
    });
    expect(detail.body.data).toMatchObject({ status: 'Delivered', payment_status: 'paid' });
    expect(detail.body.data.history.map((h: { to: string }) => h.to)).toEqual([
      'Pending',
      'Pending',
      'Delivered',
    ]);
    expect(paidPayments(order.id)).toBe(1);
    const current = await server.request('GET', `/api/v1/sessions/${session.id}`, {
      token: buyer.token,
    });
    expect(current.body.data.status).toBe('completed');
    phone.close();
    await sim.close();
  });
});

describe('payOS notifications', () => {
  it('refuses a bad signature or a tampered amount and changes nothing', async () => {
    const buyer = await customerWithAddress(server, 'sig');
    const order = await placeSaleOrder(server, buyer);
    const code = (await payWith(buyer.token, order.id)).body.data.gateway_order_code;
    const transfers = countRows(server, 'payment_transfers');

    expect((await gateway.sendWithBadSignature(code, 65_000)).status).toBe(400);
    await gateway.payPartially(code, 1_000, { reference: 'FT-TAMPER' });
    const tampered = await gateway.resendTampered((b) => {
      b.data.amount = 65_000;
      b.data.reference = 'FT-TAMPER-2';
    });
    expect(tampered.status).toBe(400);
    expect(countRows(server, 'payment_transfers')).toBe(transfers + 1); // only the real 1 000
    const list = await server.request('GET', `/api/v1/orders/${order.id}/payments`, {
      token: buyer.token,
    });
    expect(list.body.data[0]).toMatchObject({ status: 'pending', amount_received: 1_000 });
  });

  it('acknowledges a webhook for an unknown order (payOS confirm check) without effect', async () => {
    const before = countRows(server, 'payment_transfers');
    const res = await gateway.pay(999_000_123, 10_000);
    expect(res.status).toBe(200);
    expect(countRows(server, 'payment_transfers')).toBe(before);
  });

  it('sums several transfers into one link, deduplicated by reference, not by order code', async () => {
    const buyer = await customerWithAddress(server, 'under');
    const order = await placeSaleOrder(server, buyer, 2); // 130 000
    const code = (await payWith(buyer.token, order.id)).body.data.gateway_order_code;
    await gateway.payPartially(code, 50_000, { reference: 'FT-U1' });
    await gateway.sendDuplicate();
    const list = () =>
      server.request('GET', `/api/v1/orders/${order.id}/payments`, { token: buyer.token });
    expect((await list()).body.data[0]).toMatchObject({
      status: 'pending',
      amount_received: 50_000,
    });
    await gateway.pay(code, 80_000, { reference: 'FT-U2' });
    expect((await list()).body.data[0]).toMatchObject({ status: 'paid', amount_received: 130_000 });
    expect(paidPayments(order.id)).toBe(1);
  });

  it('pays once when the same transfer arrives ten times at once and polling races it', async () => {
    const buyer = await customerWithAddress(server, 'race');
    const order = await placeSaleOrder(server, buyer);
    const code = (await payWith(buyer.token, order.id)).body.data.gateway_order_code;
    await gateway.pay(code, undefined, { reference: 'FT-RACE' });
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => gateway.sendDuplicate()),
      server.request('POST', '/api/v1/payments/reconcile', { token: admin }),
    ]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(paidPayments(order.id)).toBe(1);
    const refs = server.backend.store.db.$client
      .prepare("select count(*) from payment_transfers where reference = 'FT-RACE'")
      .pluck()
      .get();
    expect(refs).toBe(1);
  });
});

describe('creating links', () => {
  it('reuses the link payOS already made when a create timed out (code 231), never a second code', async () => {
    const buyer = await customerWithAddress(server, 'timeout');
    const order = await placeSaleOrder(server, buyer);
    const creates = gateway.creates().length;
    // The link is made, but the answer comes after the terminal's 1 s timeout: the SDK's
    // retry gets 231, and the existing link is looked up and reused.
    gateway.hangNextCreate(1_500);
    const res = await payWith(buyer.token, order.id);
    expect(res.status, res.text).toBe(201);
    expect(gateway.creates().length).toBe(creates + 2);
    const code = res.body.data.gateway_order_code;
    const codes = server.backend.store.db.$client
      .prepare('select gateway_order_code from payments where order_id = ?')
      .pluck()
      .all(order.id);
    expect(codes).toEqual([code]);
    expect(res.body.data.checkout_url).toBe(
      `${gateway.checkoutBaseUrl}${gateway.links.get(code)?.id}`,
    );
  });

  it('answers 503 while payOS cannot be reached, and cash still works', async () => {
    const offline = await startTestServer({
      env: {
        CARTSTATION_DEMO: 'true',
        CARTSTATION_RECONCILE_SECONDS: '0',
        CARTSTATION_GATEWAY_TIMEOUT_MS: '500',
        CARTSTATION_PAYOS_CLIENT_ID: KEYS.clientId,
        CARTSTATION_PAYOS_API_KEY: KEYS.apiKey,
        CARTSTATION_PAYOS_CHECKSUM_KEY: KEYS.checksumKey,
        CARTSTATION_PAYOS_BASE_URL: await deadAddress(),
      },
    });
    try {
      const buyer = await customerWithAddress(offline, 'down');
      const order = await placeSaleOrder(offline, buyer);
      const down = await offline.request('POST', `/api/v1/orders/${order.id}/payments`, {
        token: buyer.token,
        body: { method: 'payos' },
      });
      expect(down.status, down.text).toBe(503);
      expect(down.body).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', field: 'method' });
      const staff = await offline.login(ADMIN.email, ADMIN.password);
      const cash = await offline.request('POST', `/api/v1/orders/${order.number}/payments`, {
        token: staff,
        body: { method: 'cash', amount_received: 65_000 },
      });
      expect(cash.status, cash.text).toBe(201);
      expect(cash.body.data).toMatchObject({
        status: 'paid',
        change: 0,
        order_payment_status: 'paid',
      });
      // The unreachable attempt was closed by the cash payment: one paid, nothing pending.
      const states = offline.backend.store.db.$client
        .prepare('select status from payments where order_id = ? order by id')
        .pluck()
        .all(order.id);
      expect(states).toEqual(['cancelled', 'paid']);
    } finally {
      await offline.stop();
    }
  });

  it('confirms by polling when the relayed webhook never arrives; the late webhook changes nothing', async () => {
    const buyer = await customerWithAddress(server, 'poll');
    const order = await placeSaleOrder(server, buyer);
    const code = (await payWith(buyer.token, order.id)).body.data.gateway_order_code;
    gateway.setWebhookUrl('http://127.0.0.1:9/lost');
    await gateway.pay(code, undefined, { reference: 'FT-POLL' }).catch(() => undefined);
    gateway.setWebhookUrl(`${server.url}/api/v1/payments/payos/webhook`);
    const round = await server.request('POST', '/api/v1/payments/reconcile', { token: admin });
    expect(round.status, round.text).toBe(200);
    expect(round.body.data.confirmed).toBeGreaterThanOrEqual(1);
    expect(paidPayments(order.id)).toBe(1);
    const late = await gateway.sendDuplicate();
    expect(late.status).toBe(200);
    const transfers = server.backend.store.db.$client
      .prepare("select source from payment_transfers where reference = 'FT-POLL'")
      .pluck()
      .all();
    expect(transfers).toEqual(['reconcile']);
  });

  it('polls pending payments on its own timer when no webhook comes', async () => {
    const polling = await startTestServer({
      env: {
        CARTSTATION_DEMO: 'true',
        CARTSTATION_RECONCILE_SECONDS: '1',
        CARTSTATION_PAYOS_CLIENT_ID: KEYS.clientId,
        CARTSTATION_PAYOS_API_KEY: KEYS.apiKey,
        CARTSTATION_PAYOS_CHECKSUM_KEY: KEYS.checksumKey,
        CARTSTATION_PAYOS_BASE_URL: gateway.baseUrl,
        CARTSTATION_PAYOS_CHECKOUT_URL: gateway.checkoutBaseUrl,
        CARTSTATION_TERMINAL_NO: '8', // its own codes: the fake is shared with the other server
      },
    });
    try {
      const buyer = await customerWithAddress(polling, 'timer');
      const order = await placeSaleOrder(polling, buyer);
      const link = await polling.request('POST', `/api/v1/orders/${order.id}/payments`, {
        token: buyer.token,
        body: { method: 'payos' },
      });
      gateway.setWebhookUrl('http://127.0.0.1:9/lost');
      await gateway.pay(link.body.data.gateway_order_code).catch(() => undefined);
      gateway.setWebhookUrl(`${server.url}/api/v1/payments/payos/webhook`);
      let status = 'pending';
      for (let i = 0; i < 150 && status !== 'paid'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const view = await polling.request('GET', `/api/v1/payments/${link.body.data.id}`, {
          token: buyer.token,
        });
        status = view.body.data.status;
      }
      expect(status).toBe('paid');
    } finally {
      await polling.stop();
    }
  });

  it('keeps money sent to an abandoned link after cash paid the order as excess to refund', async () => {
    const buyer = await customerWithAddress(server, 'excess');
    const order = await placeSaleOrder(server, buyer);
    const code = (await payWith(buyer.token, order.id)).body.data.gateway_order_code;
    const cash = await server.request('POST', `/api/v1/orders/${order.id}/payments`, {
      token: admin,
      body: { method: 'cash', amount_received: 100_000 },
    });
    expect(cash.status, cash.text).toBe(201);
    expect(cash.body.data).toMatchObject({ status: 'paid', change: 35_000 });
    await gateway.pay(code, undefined, { reference: 'FT-LATE' });
    expect(paidPayments(order.id)).toBe(1);
    const outcome = server.backend.store.db.$client
      .prepare("select outcome from payment_transfers where reference = 'FT-LATE'")
      .pluck()
      .get();
    expect(outcome).toBe('excess');
    const again = await payWith(buyer.token, order.id);
    expect(again.status).toBe(409);
    const due = await server.request('GET', '/api/v1/payments?refund_due=true', { token: admin });
    expect(due.status, due.text).toBe(200);
    expect(due.body.data).toEqual([
      expect.objectContaining({ order_id: order.id, method: 'payos', excess: 65_000 }),
    ]);
    expect((await server.request('GET', '/api/v1/payments', { token: buyer.token })).status).toBe(
      403,
    );
    const bad = await server.request('GET', '/api/v1/payments?status=lost', { token: admin });
    expect(bad.status).toBe(400);
  });
});

describe('cancelled orders', () => {
  it('never marks a cancelled order paid: money arriving later is excess to refund', async () => {
    const buyer = await customerWithAddress(server, 'cancelled');
    const order = await placeSaleOrder(server, buyer);
    const code = (await payWith(buyer.token, order.id)).body.data.gateway_order_code;
    const cancel = await server.request('PATCH', `/admin/orders/${order.id}/status?type=sale`, {
      token: admin,
      body: { status: 'Cancelled' },
    });
    expect(cancel.status, cancel.text).toBe(200);
    await gateway.pay(code, undefined, { reference: 'FT-CANCELLED' });
    const detail = await server.request('GET', `/api/v1/orders/${order.id}`, {
      token: buyer.token,
    });
    expect(detail.body.data).toMatchObject({ status: 'Cancelled', payment_status: 'unpaid' });
    const outcome = server.backend.store.db.$client
      .prepare("select outcome from payment_transfers where reference = 'FT-CANCELLED'")
      .pluck()
      .get();
    expect(outcome).toBe('excess');
  });
});

describe('bad requests', () => {
  it('names the problem and changes nothing', async () => {
    const buyer = await customerWithAddress(server, 'bad');
    const other = await customerWithAddress(server, 'other');
    const order = await placeSaleOrder(server, buyer);
    const before = countRows(server, 'payments');
    const cases: [string, unknown, number, string?][] = [
      [buyer.token, { method: 'bitcoin' }, 400, 'method'],
      [buyer.token, { method: 'payos', amount_received: 5 }, 400, 'amount_received'],
      [buyer.token, { method: 'cash', amount_received: 100_000 }, 403],
      [admin, { method: 'cash' }, 400, 'amount_received'],
      [admin, { method: 'cash', amount_received: 1_000 }, 400, 'amount_received'],
      [other.token, { method: 'payos' }, 404], // someone else's order is not found
    ];
    for (const [token, body, status, field] of cases) {
      const res = await server.request('POST', `/api/v1/orders/${order.id}/payments`, {
        token,
        body,
      });
      expect(res.status, `${JSON.stringify(body)} → ${res.text}`).toBe(status);
      if (field) expect(res.body.field, res.text).toBe(field);
    }
    expect((await payWith(buyer.token, 'SO-20990101-ZZZZ')).status).toBe(404);
    expect((await payWith(buyer.token, 999_999)).status).toBe(404);
    const unknown = await server.request(
      'GET',
      '/api/v1/payments/00000000-0000-7000-8000-000000000000',
      {
        token: buyer.token,
      },
    );
    expect(unknown.status).toBe(404);
    expect(countRows(server, 'payments')).toBe(before);
    const noAuth = await server.request('POST', `/api/v1/orders/${order.id}/payments`, {
      body: { method: 'payos' },
    });
    expect(noAuth.status).toBe(401);
  });

  it('lists methods: cash always, payOS configured, VNPay and MoMo not', async () => {
    const res = await server.request('GET', '/api/v1/payments/methods');
    expect(res.body.data).toEqual([
      { method: 'cash', available: true, reason: null },
      { method: 'payos', available: true, reason: null },
      { method: 'vnpay', available: false, reason: 'not_configured' },
      { method: 'momo', available: false, reason: 'not_configured' },
    ]);
    const buyer = await customerWithAddress(server, 'vnp');
    const order = await placeSaleOrder(server, buyer);
    const vnp = await payWith(buyer.token, order.id, 'vnpay');
    expect(vnp.status).toBe(503);
    expect(vnp.body).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', field: 'method' });
  });
});

describe('choosing an online method at checkout', () => {
  it("takes seed 002's banking as payOS when configured, and refuses an unconfigured gateway", async () => {
    const buyer = await customerWithAddress(server, 'banking');
    await server.request('POST', '/store/cart/items', {
      token: buyer.token,
      body: { product_id: 1, quantity: 1, transaction_type: 'buy' },
    });
    const refused = await server.request('POST', '/store/order/checkout', {
      token: buyer.token,
      body: { address_id: buyer.addressId, payment_method: 'vnpay' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ field: 'payment_method' });
    const placed = await server.request('POST', '/store/order/checkout', {
      token: buyer.token,
      body: { address_id: buyer.addressId, payment_method: 'banking' },
    });
    expect(placed.status, placed.text).toBe(200);
    const id = placed.body.data.buy_order_id;
    const order = await server.request('GET', `/api/v1/orders/${id}`, { token: buyer.token });
    expect(order.body.data).toMatchObject({ payment_method: 'payos', payment_status: 'unpaid' });
    const link = await payWith(buyer.token, id);
    expect(link.status, link.text).toBe(201);
    await gateway.pay(link.body.data.gateway_order_code);
    expect(paidPayments(id)).toBe(1);
  });
});
