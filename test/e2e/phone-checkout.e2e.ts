import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimCart } from '#main/cart-sim/sim-cart';
import { appRoot } from '#main/backend/lib/paths';
import { deadAddress } from '#test/fakes/loopback-server';
import { startPayosGatewayFake, type PayosGatewayFake } from '#test/fakes/payos-gateway.fake';
import { launchChromium } from '#test/helpers/browser';
import { connectSimCart, pairCart } from '#test/helpers/carts';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { normalize, openConsole, screenshot } from './console-page.helper.ts';

// Checkout end to end: a real backend, real Chromium, a simulated smart cart on TCP and payOS
// on loopback (it signs its webhooks as payOS does; they reach the terminal's relay endpoint).

const RESULTS = join(appRoot(), 'test-results');
const KEYS = { clientId: 'client-e2e', apiKey: 'api-key-e2e', checksumKey: 'checksum-key-e2e' };
const CUSTOMER = { name: 'Anh Minh', email: 'minh@store.test', password: 'minh-123456' };
// Demo variants (resources/demo/catalog.json): Robusta 250 g at 65 000 ₫ weighing 260 g,
// and 500 g at 120 000 ₫ weighing 510 g.
const ROBUSTA_250 = { barcode: '8930001000018', grams: 260, price: 65_000 };
const ROBUSTA_500 = { barcode: '8930001000025', grams: 510, price: 120_000 };
const LIVE_MS = { timeout: 5_000 };

let gateway: PayosGatewayFake;
let server: TestServer;
let browser: Browser;
let admin: string;
let customer: string;
let cart: Awaited<ReturnType<typeof pairCart>>;
let sim: SimCart;

beforeAll(async () => {
  if (!existsSync(join(appRoot(), 'dist', 'renderer', 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm test does).');
  }
  mkdirSync(RESULTS, { recursive: true });
  gateway = await startPayosGatewayFake(KEYS);
  server = await startTestServer({
    env: {
      CARTSTATION_DEMO: 'true',
      CARTSTATION_CART_TCP_PORT: '0',
      CARTSTATION_RECONCILE_SECONDS: '0',
      CARTSTATION_GATEWAY_TIMEOUT_MS: '2000',
      CARTSTATION_PAYOS_CLIENT_ID: KEYS.clientId,
      CARTSTATION_PAYOS_API_KEY: KEYS.apiKey,
      CARTSTATION_PAYOS_CHECKSUM_KEY: KEYS.checksumKey,
      CARTSTATION_PAYOS_BASE_URL: gateway.baseUrl,
      CARTSTATION_PAYOS_CHECKOUT_URL: gateway.checkoutBaseUrl,
    },
  });
  gateway.setWebhookUrl(`${server.url}/api/v1/payments/payos/webhook`);
  admin = await server.login(ADMIN.email, ADMIN.password);
  const registered = await server.request('POST', '/users/register', { body: CUSTOMER });
  expect(registered.status, registered.text).toBe(201);
  customer = await server.login(CUSTOMER.email, CUSTOMER.password);
  for (const body of [
    voucher('MINH10', { type: 'percentage', value: 10 }, 100_000),
    voucher('BIG50K', { type: 'amount', value: 50_000 }, 1_000_000),
  ]) {
    const created = await server.request('POST', '/admin/promotions', { token: admin, body });
    expect(created.status, created.text).toBe(200);
  }
  cart = await pairCart(server, admin, 'Xe đẩy quầy 1');
  sim = await connectSimCart(server, cart);
  browser = await launchChromium();
});
afterAll(async () => {
  await sim?.close();
  await browser?.close();
  await server?.stop();
  await gateway?.close();
});

function voucher(code: string, discount: { type: string; value: number }, minOrder: number) {
  return {
    name: `Mã ${code}`,
    code,
    scope: 'buy',
    start_date: '2020-01-01T00:00:00',
    end_date: '2099-12-31T23:59:59',
    quantity: 100,
    target_ranks: [],
    status: true,
    discount_config: discount,
    min_order_amount: minOrder,
  };
}

const api = (path: string, token = customer) => server.request('GET', path, { token });

/** The cart's QR code as it is now: each session spends the one it was opened with. */
async function currentQr(): Promise<string> {
  const devices = await api('/api/v1/devices', admin);
  const device = (devices.body.data as { cart_code: string; qr_payload: string }[]).find(
    (d) => d.cart_code === cart.cart_code,
  );
  return device!.qr_payload;
}

/** The shopper's phone, signed in at #/phone. */
async function openPhone(on = server): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // "No open session" is a 404 the app expects; Chromium logs it all the same.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      errors.push(m.text());
    }
  });
  await page.goto(`${on.url}/#/phone`);
  await page.getByTestId('phone-login-identifier').fill(CUSTOMER.email);
  await page.getByTestId('phone-login-password').fill(CUSTOMER.password);
  await page.getByTestId('phone-login-submit').click();
  return { page, errors };
}

describe('checkout on the phone', () => {
  it('reviews, applies a voucher, pays by payOS and shows the paid order', async () => {
    const { page: p, errors } = await openPhone();
    await p.getByTestId('phone-qr-input').fill(await currentQr());
    await p.getByTestId('phone-qr-submit').click();
    await p.getByTestId('phone-cart').waitFor();
    await expect.poll(() => p.getByTestId('live-status').textContent()).toBe('Trực tiếp');

    await sim.scan(ROBUSTA_250.barcode);
    await sim.weigh(ROBUSTA_250.grams);
    await sim.scan(ROBUSTA_250.barcode);
    await sim.weigh(ROBUSTA_250.grams);
    await expect.poll(() => p.getByTestId('phone-item-qty').textContent(), LIVE_MS).toBe('SL: 2');
    await expect.poll(() => p.getByTestId('phone-checkout').isEnabled()).toBe(true);

    // Review: nothing is sent yet, and the shopper can go back to the cart.
    await p.getByTestId('phone-checkout').click();
    await p.getByTestId('phone-review').waitFor();
    const session = (await api('/api/v1/sessions/current')).body.data;
    expect(session.status).toBe('active');
    await p.getByTestId('phone-review-back').click();
    await p.getByTestId('phone-checkout').click();
    expect(await p.getByTestId('phone-order-line').textContent()).toContain('2 ×');
    expect(normalize(await p.getByTestId('phone-order-total').textContent())).toBe('130.000 ₫');
    // A voucher whose minimum the cart does not reach is listed but cannot be picked.
    const big = p.locator('[data-testid="phone-voucher"][data-code="BIG50K"]');
    expect(await big.locator('input').isDisabled()).toBe(true);
    // A code the store does not know is refused with the server's reason, in place.
    await p.getByTestId('phone-voucher-code').fill('KHONGCO');
    await p.getByTestId('phone-place-order').click();
    await p.getByTestId('phone-voucher-error').waitFor(LIVE_MS);
    // No order came of it, so the server unlocked the cart again: the shopper may go back to
    // shopping, and the review and its reason stay on screen.
    expect(await p.getByTestId('phone-voucher-error').isVisible()).toBe(true);
    expect((await api('/api/v1/orders')).body.data).toEqual([]);
    await expect
      .poll(async () => (await api('/api/v1/sessions/current')).body.data.status, LIVE_MS)
      .toBe('active');
    expect(await p.getByTestId('phone-review-back').count()).toBe(1);
    await p.locator('[data-testid="phone-voucher"][data-code="MINH10"]').click();
    expect(normalize(await p.getByTestId('phone-order-discount').textContent())).toBe('−13.000 ₫');
    expect(normalize(await p.getByTestId('phone-order-total').textContent())).toBe('117.000 ₫');
    await screenshot(p, join(RESULTS, 'phone-review.png'));

    await p.getByTestId('phone-place-order').click();
    await p.getByTestId('phone-locked').waitFor(LIVE_MS);
    const number = (await p.getByTestId('phone-order-number').textContent()) ?? '';
    expect(number).toMatch(/^SO-\d{8}-\d{4}$/);
    expect(normalize(await p.getByTestId('phone-total').textContent())).toBe('117.000 ₫');
    // Locked for the refused code, unlocked, and locked again for this order.
    const locks = () => sim.received.filter((m) => m.name === 'LOCK').map((m) => m.payload);
    await expect.poll(() => locks().length, LIVE_MS).toBe(3);
    expect(locks()).toEqual([{ locked: true }, { locked: false }, { locked: true }]);
    const lockedAt = sim.received.length;
    const placed = (await api(`/api/v1/orders/${number}`)).body.data;
    expect(placed).toMatchObject({
      source: 'smart_cart',
      status: 'Pending',
      payment_status: 'unpaid',
      subtotal: 2 * ROBUSTA_250.price,
      discount: 13_000,
      total: 117_000,
    });
    expect((await api(`/api/v1/sessions/${session.id}`)).body.data.status).toBe('checkout');

    // Methods: cash and payOS usable, the gateways the store has not set up greyed out.
    const method = (name: string) =>
      p.locator(`[data-testid="phone-method"][data-method="${name}"]`);
    expect(await method('vnpay').isDisabled()).toBe(true);
    expect(await method('vnpay').textContent()).toContain('chưa bật');
    expect(await method('momo').isDisabled()).toBe(true);
    await method('cash').click();
    expect(await p.getByTestId('phone-cash').textContent()).toContain(number);
    await screenshot(p, join(RESULTS, 'phone-pay.png'));
    await method('payos').click();

    const payment = p.getByTestId('phone-payment');
    await payment.waitFor(LIVE_MS);
    expect(await payment.getAttribute('data-status')).toBe('pending');
    expect(normalize(await p.getByTestId('phone-payment-amount').textContent())).toBe('117.000 ₫');
    expect(await p.getByTestId('phone-payment-qr').locator('path').count()).toBe(1);
    const attempts = (await api(`/api/v1/orders/${placed.id}/payments`)).body.data;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ method: 'payos', status: 'pending', amount: 117_000 });
    expect(await p.getByTestId('phone-payment-link').getAttribute('href')).toBe(
      attempts[0].checkout_url,
    );
    expect(gateway.links.get(attempts[0].gateway_order_code)?.amount).toBe(117_000);
    await screenshot(p, join(RESULTS, 'phone-payment.png'));

    // A reload comes back to the same open link, not a second one.
    await p.reload();
    await p.getByTestId('phone-payment').waitFor(LIVE_MS);
    expect(gateway.creates()).toHaveLength(1);

    const hook = await gateway.pay(attempts[0].gateway_order_code);
    expect(hook.status).toBe(200);
    await p.getByTestId('phone-paid').waitFor(LIVE_MS);
    expect(await p.getByTestId('phone-paid-number').textContent()).toBe(number);
    expect(normalize(await p.getByTestId('phone-paid-total').textContent())).toBe('117.000 ₫');
    await screenshot(p, join(RESULTS, 'phone-paid.png'));

    const paid = (await api(`/api/v1/orders/${number}`)).body.data;
    expect(paid).toMatchObject({ status: 'Delivered', payment_status: 'paid', total: 117_000 });
    expect((await api(`/api/v1/sessions/${session.id}`)).body.data.status).toBe('completed');
    expect((await sim.next('LOCK', 5000, lockedAt)).payload).toEqual({ locked: false });

    // The receipt link opens the order with its history.
    await p.getByTestId('phone-receipt-link').click();
    const detail = p.getByTestId('phone-order');
    await detail.waitFor();
    await expect
      .poll(() => detail.getByTestId('phone-order-status').textContent())
      .toBe('Hoàn tất');
    expect(await detail.getByTestId('phone-order-payment').textContent()).toBe('Đã thanh toán');
    expect(await detail.getByTestId('phone-order-history').locator('li').count()).toBe(
      paid.history.length,
    );
    if ((await api(`/api/v1/orders/${number}/receipt`)).status === 200) {
      await expect.poll(() => p.getByTestId('phone-receipt').textContent()).toContain(number);
    }
    await screenshot(p, join(RESULTS, 'phone-order.png'));

    await p.getByTestId('phone-order-back').click();
    const row = p.locator(`[data-testid="phone-order-row"][data-number="${number}"]`);
    await row.waitFor();
    expect(await row.getByTestId('phone-order-payment').textContent()).toBe('Đã thanh toán');
    await p.getByTestId('lang-toggle').click();
    await expect.poll(() => row.getByTestId('phone-order-payment').textContent()).toBe('Paid');

    expect(errors).toEqual([]);
    await p.close();
  });
});

describe('paying a delivery order from its page', () => {
  it('offers the methods on an unpaid order and shows it paid after the bank transfer', async () => {
    // A delivery order placed through seed 002 with a bank transfer (payOS).
    const address = await server.request('POST', '/user/addresses', {
      token: customer,
      body: { address_line1: '12 Lê Lợi', city: 'Huế', phone_number: '0912345678' },
    });
    expect(address.status, address.text).toBe(200);
    await server.request('POST', '/store/cart/items', {
      token: customer,
      body: { product_id: 1, quantity: 1, transaction_type: 'buy' },
    });
    const placed = await server.request('POST', '/store/order/checkout', {
      token: customer,
      body: { address_id: address.body.data.id, payment_method: 'banking' },
    });
    expect(placed.status, placed.text).toBe(200);
    const number: string = placed.body.data.buy_order_number;

    const { page: p, errors } = await openPhone();
    await p.getByTestId('phone-qr-input').waitFor(LIVE_MS); // signed in
    await p.goto(`${server.url}/#/phone/orders/${number}`);
    const pay = p.getByTestId('phone-order-pay');
    await pay.waitFor(LIVE_MS);
    await pay.locator('[data-testid="phone-method"][data-method="payos"]').click();
    const payment = p.getByTestId('phone-payment');
    await payment.waitFor(LIVE_MS);
    expect(normalize(await p.getByTestId('phone-payment-amount').textContent())).toBe('65.000 ₫');
    const attempts = (await api(`/api/v1/orders/${number}/payments`)).body.data;
    expect(attempts).toEqual([expect.objectContaining({ method: 'payos', status: 'pending' })]);

    expect((await gateway.pay(attempts[0].gateway_order_code)).status).toBe(200);
    // No live session here: the page's own polling sees the payment land.
    await p.getByTestId('phone-paid').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('phone-paid-number').textContent()).toBe(number);
    expect((await api(`/api/v1/orders/${number}`)).body.data.payment_status).toBe('paid');
    expect(errors).toEqual([]);
    await p.close();
  });
});

describe('counter checkout in the console', () => {
  it('opens a locked cart, refuses too little cash, takes enough and shows the change', async () => {
    const bound = await server.request('POST', '/api/v1/sessions', {
      token: customer,
      body: { qr: await currentQr() },
    });
    expect(bound.status, bound.text).toBe(201);
    const session = bound.body.data;
    await sim.scan(ROBUSTA_500.barcode);
    await sim.weigh(ROBUSTA_500.grams);
    await expect
      .poll(async () => (await api(`/api/v1/sessions/${session.id}`)).body.data.total)
      .toBe(ROBUSTA_500.price);
    // Locked at the cart without an order: the counter makes it.
    const locked = await server.request('POST', `/api/v1/sessions/${session.id}/checkout`, {
      token: customer,
    });
    expect(locked.status, locked.text).toBe(200);

    const { page: c, errors } = await openConsole(browser, server, 'counter');
    await c.getByTestId('counter-page').waitFor();
    const queued = c.locator(`[data-testid="counter-session"][data-cart="${cart.cart_code}"]`);
    await queued.waitFor(LIVE_MS);
    expect(await queued.textContent()).toContain(CUSTOMER.name);
    await queued.click();

    const order = c.getByTestId('counter-order');
    await order.waitFor();
    const number = (await c.getByTestId('counter-order-number').textContent()) ?? '';
    expect(number).toMatch(/^SO-/);
    expect(normalize(await c.getByTestId('counter-order-total').textContent())).toBe('120.000 ₫');
    expect(await c.getByTestId('counter-line').count()).toBe(1);
    await screenshot(c, join(RESULTS, 'console-counter-order.png'));

    // The field has the cursor; Enter confirms. Too little is refused before anything is sent.
    const received = c.getByTestId('counter-cash-received');
    await expect.poll(() => received.evaluate((el) => el === document.activeElement)).toBe(true);
    await c.keyboard.type('100000');
    await c.keyboard.press('Enter');
    await c.getByTestId('counter-cash-error').waitFor();
    expect((await api(`/api/v1/orders/${number}`, admin)).body.data.payment_status).toBe('unpaid');

    await received.fill('200.000');
    await received.press('Enter');
    await c.getByTestId('counter-paid').waitFor(LIVE_MS);
    expect(normalize(await c.getByTestId('counter-change').textContent())).toBe('80.000 ₫');
    expect(normalize(await c.getByTestId('counter-paid-received').textContent())).toBe('200.000 ₫');
    await screenshot(c, join(RESULTS, 'console-counter.png'));

    const paid = (await api(`/api/v1/orders/${number}`, admin)).body.data;
    expect(paid).toMatchObject({ status: 'Delivered', payment_status: 'paid', total: 120_000 });
    const payments = (await api(`/api/v1/orders/${number}/payments`, admin)).body.data;
    expect(payments).toEqual([
      expect.objectContaining({ method: 'cash', status: 'paid', amount_received: 200_000 }),
    ]);
    expect((await api(`/api/v1/sessions/${session.id}`)).body.data.status).toBe('completed');
    await expect.poll(() => queued.count(), LIVE_MS).toBe(0);

    // Next customer (Enter on the focused button); looking the order up again finds it paid.
    await c.keyboard.press('Enter');
    await c.getByTestId('counter-idle').waitFor();
    await c.getByTestId('counter-find-input').fill(number.toLowerCase());
    await c.getByTestId('counter-find-input').press('Enter');
    await c.getByTestId('counter-order-closed').waitFor();
    expect(await c.getByTestId('counter-order-payment').textContent()).toBe('Đã thanh toán');

    expect(errors).toEqual([]);
    await c.close();
  });
});

describe('payOS out of reach', () => {
  it('comes back to the placed order after a reload and sends the shopper to the counter', async () => {
    const offline = await startTestServer({
      env: {
        CARTSTATION_DEMO: 'true',
        CARTSTATION_CART_TCP_PORT: '0',
        CARTSTATION_RECONCILE_SECONDS: '0',
        CARTSTATION_GATEWAY_TIMEOUT_MS: '500',
        CARTSTATION_PAYOS_CLIENT_ID: KEYS.clientId,
        CARTSTATION_PAYOS_API_KEY: KEYS.apiKey,
        CARTSTATION_PAYOS_CHECKSUM_KEY: KEYS.checksumKey,
        CARTSTATION_PAYOS_BASE_URL: await deadAddress(),
      },
    });
    const staff = await offline.login(ADMIN.email, ADMIN.password);
    const offlineCart = await pairCart(offline, staff);
    const offlineSim = await connectSimCart(offline, offlineCart);
    try {
      await offline.request('POST', '/users/register', { body: CUSTOMER });
      const token = await offline.login(CUSTOMER.email, CUSTOMER.password);
      const bound = await offline.request('POST', '/api/v1/sessions', {
        token,
        body: { qr: offlineCart.qr_payload },
      });
      const sessionId = bound.body.data.id;
      await offlineSim.scan(ROBUSTA_250.barcode);
      await offlineSim.weigh(ROBUSTA_250.grams);
      await expect
        .poll(async () => {
          const res = await offline.request('GET', `/api/v1/sessions/${sessionId}`, { token });
          return res.body.data.total_items;
        })
        .toBe(1);
      // Ordered from another tab (or before the phone reloaded): the phone finds the order.
      const ordered = await offline.request('POST', `/api/v1/sessions/${sessionId}/order`, {
        token,
        body: {},
      });
      expect(ordered.status, ordered.text).toBe(201);
      const number = ordered.body.data.number;

      const { page: p, errors } = await openPhone(offline);
      await p.getByTestId('phone-pay').waitFor(LIVE_MS);
      expect(await p.getByTestId('phone-order-number').textContent()).toBe(number);
      await p.locator('[data-testid="phone-method"][data-method="payos"]').click();
      await p.getByTestId('phone-gateway-down').waitFor(LIVE_MS);
      expect(await p.getByTestId('phone-cash').textContent()).toContain(number);
      expect(await p.getByTestId('phone-payment').count()).toBe(0);
      const order = await offline.request('GET', `/api/v1/orders/${number}`, { token });
      expect(order.body.data.payment_status).toBe('unpaid');
      await screenshot(p, join(RESULTS, 'phone-gateway-down.png'));
      expect(errors).toEqual([]);
      await p.close();
    } finally {
      await offlineSim.close();
      await offline.stop();
    }
  });
});
