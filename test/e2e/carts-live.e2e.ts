import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimCart } from '#main/cart-sim/sim-cart';
import { appRoot } from '#main/backend/lib/paths';
import { launchChromium } from '#test/helpers/browser';
import { connectSimCart, pairCart } from '#test/helpers/carts';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { normalize, openConsole, screenshot } from './console-page.helper.ts';

const RESULTS = join(appRoot(), 'test-results');
const CUSTOMER = { name: 'Chị Lan', email: 'lan@store.test', password: 'lan-123456' };
// Demo variants CS-001-1 and CS-001-2 (resources/demo/catalog.json): Cà phê Robusta 250 g
// at 65 000 ₫ weighing 260 g, and 500 g at 120 000 ₫ weighing 510 g.
const ROBUSTA_250 = { barcode: '8930001000018', grams: 260 };
const ROBUSTA_500 = { barcode: '8930001000025', grams: 510 };
/** Live changes must reach both screens quickly, not on some later poll. */
const LIVE_MS = { timeout: 4_000 };

let server: TestServer;
let browser: Browser;
let cart: Awaited<ReturnType<typeof pairCart>>;
let sim: SimCart;

beforeAll(async () => {
  if (!existsSync(join(appRoot(), 'dist', 'renderer', 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm test does).');
  }
  mkdirSync(RESULTS, { recursive: true });
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_CART_TCP_PORT: '0' },
  });
  const admin = await server.login(ADMIN.email, ADMIN.password);
  cart = await pairCart(server, admin, 'Xe đẩy số 1');
  sim = await connectSimCart(server, cart);
  const registered = await server.request('POST', '/users/register', { body: CUSTOMER });
  expect(registered.status, registered.text).toBe(201);
  browser = await launchChromium();
});
afterAll(async () => {
  await sim?.close();
  await browser?.close();
  await server?.stop();
});

/** The shopper's phone, signed in at #/phone. */
async function openPhone(): Promise<{ page: Page; errors: string[] }> {
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
  await page.goto(`${server.url}/#/phone`);
  await page.getByTestId('phone-login').waitFor();
  expect(await page.getByTestId('nav').count()).toBe(0);
  await page.getByTestId('phone-login-identifier').fill(CUSTOMER.email);
  await page.getByTestId('phone-login-password').fill(CUSTOMER.password);
  await page.getByTestId('phone-login-submit').click();
  return { page, errors };
}

describe('smart cart, live on the phone and in the console', () => {
  it('follows scans, raises and resolves an exception, and locks the cart at checkout', async () => {
    const phone = await openPhone();
    const p = phone.page;

    await p.getByTestId('phone-scan').waitFor();
    await screenshot(p, join(RESULTS, 'phone-scan.png'));
    await p.getByTestId('phone-qr-input').fill(cart.qr_payload);
    await p.getByTestId('phone-qr-submit').click();
    await p.getByTestId('phone-cart').waitFor();
    expect(await p.getByTestId('phone-cart-code').textContent()).toContain(cart.cart_code);
    await expect.poll(() => p.getByTestId('live-status').textContent()).toBe('Trực tiếp');
    expect(await p.getByTestId('phone-checkout').isDisabled()).toBe(true);

    const console_ = await openConsole(browser, server, 'carts');
    const c = console_.page;
    const card = c.getByTestId('cart-card').filter({ hasText: cart.cart_code });
    await card.waitFor();
    expect(await card.getByTestId('cart-customer').textContent()).toBe(CUSTOMER.name);
    await expect.poll(() => c.getByTestId('live-status').textContent()).toBe('Trực tiếp');

    await sim.scan(ROBUSTA_250.barcode);
    await sim.weigh(ROBUSTA_250.grams);
    await sim.scan(ROBUSTA_500.barcode);
    await sim.weigh(ROBUSTA_500.grams + 4);

    await expect.poll(() => p.getByTestId('phone-item').count(), LIVE_MS).toBe(2);
    await expect
      .poll(async () => normalize(await p.getByTestId('phone-total').textContent()), LIVE_MS)
      .toBe('185.000 ₫');
    expect(await p.getByTestId('phone-item').first().textContent()).toContain('Cà phê Robusta');
    await expect.poll(() => p.getByTestId('phone-checkout').isEnabled()).toBe(true);
    await screenshot(p, join(RESULTS, 'phone-cart.png'));

    await expect.poll(() => card.getByTestId('cart-item').count(), LIVE_MS).toBe(2);
    expect(normalize(await card.getByTestId('cart-total').textContent())).toBe('185.000 ₫');

    // The cart's help button calls staff to it.
    await sim.press('help');
    await card.getByTestId('cart-help').waitFor(LIVE_MS);

    // Something heavy goes in without a scan: both screens show it and checkout waits.
    await sim.weigh(900);
    await p.getByTestId('phone-exception').waitFor(LIVE_MS);
    await expect.poll(() => p.getByTestId('phone-checkout').isDisabled()).toBe(true);
    const exception = card
      .getByTestId('exception-row')
      .filter({ has: c.getByTestId('exception-resolve') });
    await exception.waitFor(LIVE_MS);
    expect(await exception.textContent()).toContain('900 g');
    await screenshot(p, join(RESULTS, 'phone-exception.png'));
    await screenshot(c, join(RESULTS, 'console-carts.png'));

    await exception.getByTestId('exception-resolution').selectOption('item_removed');
    await exception.getByTestId('exception-resolve').click();
    await expect.poll(() => card.getByTestId('exception-resolve').count(), LIVE_MS).toBe(0);
    await card.getByTestId('cart-help').click();
    expect(await card.getByTestId('cart-help').count()).toBe(0);

    await expect.poll(() => p.getByTestId('phone-exception').count(), LIVE_MS).toBe(0);
    await expect.poll(() => p.getByTestId('phone-checkout').isEnabled()).toBe(true);
    // Checkout is a review first; placing the order locks the cart.
    await p.getByTestId('phone-checkout').click();
    await p.getByTestId('phone-review').waitFor();
    await p.getByTestId('phone-place-order').click();
    await expect
      .poll(() => p.getByTestId('phone-locked').textContent(), LIVE_MS)
      .toContain('Đã tạo đơn — giỏ hàng đã khóa');
    expect(normalize(await p.getByTestId('phone-total').textContent())).toBe('185.000 ₫');
    expect((await sim.next('LOCK')).payload.locked).toBe(true);
    await expect.poll(() => card.textContent(), LIVE_MS).toContain('Chờ thanh toán');
    await screenshot(p, join(RESULTS, 'phone-locked.png'));

    // A reload goes straight back to the open session, and the phone speaks English on request.
    await p.reload();
    await p.getByTestId('phone-locked').waitFor();
    await p.getByTestId('lang-toggle').click();
    await expect
      .poll(() => p.getByTestId('phone-locked').textContent())
      .toContain('Order placed — cart locked');

    // Staff end the session: the card leaves the console and the phone offers a new cart.
    await card.getByTestId('cart-abandon').click();
    await c.getByTestId('abandon-reason').fill('thử nghiệm');
    await c.getByTestId('confirm-ok').click();
    await expect.poll(() => card.count(), LIVE_MS).toBe(0);
    await c.getByTestId('carts-empty').waitFor();
    await p.getByTestId('phone-ended').waitFor(LIVE_MS);
    await p.getByTestId('phone-new-session').click();
    await p.getByTestId('phone-scan').waitFor();

    expect(phone.errors).toEqual([]);
    expect(console_.errors).toEqual([]);
    await p.close();
    await c.close();
  });

  it('lists carts with their link, pairs a new cart once, renames and retires it', async () => {
    const { page, errors } = await openConsole(browser, server, 'devices');
    const row = page.getByTestId('device-row').filter({ hasText: cart.cart_code });
    await row.waitFor();
    const link = row.getByTestId('device-link');
    expect(await link.getAttribute('data-online')).toBe('true');
    expect(await link.textContent()).toContain('TCP');
    await expect.poll(() => page.getByTestId('transport-tcp').textContent()).toContain('sẵn sàng');
    expect(await page.getByTestId('transport-usb').textContent()).toMatch(/USB/);

    await page.getByTestId('pair-name').fill('Xe đẩy số 2');
    await page.getByTestId('pair-submit').click();
    const key = page.getByTestId('pair-key');
    await key.waitFor();
    expect(await key.textContent()).toMatch(/^[0-9a-f]{64}$/);
    const payload = (await page.getByTestId('pair-qr-payload').textContent()) ?? '';
    const code = /^CARTSTATION:1:([A-Z0-9-]+):[0-9a-f]{32}$/.exec(payload)?.[1];
    expect(code, payload).toBeDefined();
    expect(await page.getByTestId('pair-qr').locator('path').count()).toBe(1);
    // By its code: while it is being renamed, the name is in an input, not in the text.
    const paired = page.locator(`[data-testid="device-row"][data-cart="${code}"]`);
    await paired.waitFor();
    expect(await paired.getByTestId('device-name').textContent()).toBe('Xe đẩy số 2');
    expect(await paired.getByTestId('device-link').getAttribute('data-online')).toBe('false');
    await screenshot(page, join(RESULTS, 'console-devices.png'));

    // Once dismissed, the key is gone for good.
    await page.getByTestId('pair-done').click();
    expect(await page.getByTestId('pair-key').count()).toBe(0);
    await page.getByTestId('pair-form').waitFor();

    await paired.getByTestId('device-rename').click();
    await paired.getByTestId('device-name-input').fill('Xe đẩy dự phòng');
    await paired.getByTestId('device-name-input').press('Enter');
    await expect
      .poll(() => paired.getByTestId('device-name').textContent())
      .toBe('Xe đẩy dự phòng');

    await paired.getByTestId('device-retire').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => paired.textContent()).toContain('Đã ngừng dùng');
    expect(await paired.getByTestId('device-retire').count()).toBe(0);

    await row.getByTestId('device-qr').click();
    expect(await page.getByTestId('qr-payload').textContent()).toMatch(
      new RegExp(`^CARTSTATION:1:${cart.cart_code}:`),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scans the QR code with the camera, and catches up after the live link drops', async () => {
    const admin = await server.login(ADMIN.email, ADMIN.password);
    const customer = await server.login(CUSTOMER.email, CUSTOMER.password);
    const devices = await server.request('GET', '/api/v1/devices', { token: admin });
    // The code has changed since the first test: each session spends the one it was opened with.
    const current = (devices.body.data as { cart_code: string; qr_payload: string }[]).find(
      (d) => d.cart_code === cart.cart_code,
    )!;
    expect(current.qr_payload).not.toBe(cart.qr_payload);

    // Headless Chromium on Linux has neither a camera nor BarcodeDetector: stand in for both.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.addInitScript((qr: string) => {
      class FakeDetector {
        static getSupportedFormats = async () => ['qr_code'];
        detect = async () => [{ rawValue: qr }];
      }
      Object.assign(window, { BarcodeDetector: FakeDetector });
      // A switch to take the phone off the network: live sockets opened meanwhile go nowhere.
      const RealWebSocket = window.WebSocket;
      const state = {
        offline: false,
        urls: [] as string[],
        sockets: [] as WebSocket[],
        messages: 0,
      };
      Object.assign(window, { liveTest: state });
      window.WebSocket = class extends RealWebSocket {
        constructor(url: string | URL) {
          state.urls.push(String(url));
          super(state.offline ? 'ws://127.0.0.1:9/' : url);
          state.sockets.push(this);
          this.addEventListener('message', () => (state.messages += 1));
        }
      };
      navigator.mediaDevices.getUserMedia = async () => {
        const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
        canvas.getContext('2d')!.fillRect(0, 0, 64, 64);
        return canvas.captureStream(10);
      };
    }, current.qr_payload);
    await page.goto(`${server.url}/#/phone`);
    await page.getByTestId('phone-login-identifier').fill(CUSTOMER.email);
    await page.getByTestId('phone-login-password').fill(CUSTOMER.password);
    await page.getByTestId('phone-login-submit').click();

    await page.getByTestId('phone-camera-open').click();
    await page.getByTestId('phone-cart').waitFor(LIVE_MS);
    expect(await page.getByTestId('phone-cart-code').textContent()).toContain(cart.cart_code);
    await page.getByTestId('phone-empty').waitFor();
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Trực tiếp');

    // The phone has the session's snapshot (so it knows which version it holds)…
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { liveTest: { messages: number } }).liveTest.messages,
        ),
      )
      .toBeGreaterThan(0);
    // …then the link drops; a scan happens while the phone is away; it catches up on return.
    await page.evaluate(() => {
      const { liveTest } = window as unknown as {
        liveTest: { offline: boolean; sockets: WebSocket[] };
      };
      liveTest.offline = true;
      liveTest.sockets.forEach((socket) => socket.close());
    });
    await expect
      .poll(() => page.getByTestId('live-status').textContent())
      .toBe('Mất kết nối, đang thử lại…');
    await sim.scan(ROBUSTA_250.barcode);
    await sim.weigh(ROBUSTA_250.grams);
    await expect
      .poll(async () => {
        const res = await server.request('GET', '/api/v1/sessions/current', { token: customer });
        return res.body.data.total_items;
      })
      .toBe(1);
    expect(await page.getByTestId('phone-item').count()).toBe(0);
    await page.evaluate(() => {
      (window as unknown as { liveTest: { offline: boolean } }).liveTest.offline = false;
    });
    await expect.poll(() => page.getByTestId('phone-item').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Trực tiếp');
    const urls = await page.evaluate(
      () => (window as unknown as { liveTest: { urls: string[] } }).liveTest.urls,
    );
    expect(urls.at(-1)).toMatch(/[?&]since=\d+/);
    await page.close();
  });
});
