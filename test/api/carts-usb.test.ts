import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUsbBus } from '#main/backend/drivers/usb/usb-bus';
import { usbAvailability, type UsbBusLike } from '#main/backend/drivers/usb/usb.transport';
import { createSimCart, type SimCart } from '#main/cart-sim/sim-cart';
import { cartApi, type CartApi } from '#test/helpers/cart-api';
import { pairCart } from '#test/helpers/carts';
import { createFakeUsbBus, createFakeUsbCart, type FakeUsbCart } from '#test/helpers/fake-usb';
import { pollUntil } from '#test/helpers/poll';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';

/**
 * USB carts. This machine has no USB bus (no /sys/bus/usb), so the one thing faked here is the
 * WebUSB device and bus interface (UsbDeviceLike, UsbBusLike; see test/helpers/fake-usb.ts) —
 * the only mock in the cart tests. The USB transport, device manager, link, handshake and
 * sessions above it are the real ones, and the real `usb` module is tested as it behaves here.
 */

const ROBUSTA = { barcode: '8930001000018', grams: 260, price: 65_000 };
const SERIAL_NUMBER = 'SIM-USB-0001';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // already closed
    }
  }
});

async function start(usbBus?: UsbBusLike | null) {
  const server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' }, usbBus });
  cleanups.push(() => server.stop());
  return { server, admin: await server.login(ADMIN.email, ADMIN.password) };
}

describe('smart carts on USB (WebUSB test double)', () => {
  const usb = createFakeUsbBus();
  let server: TestServer;
  let admin: string;
  let api: CartApi;

  beforeAll(async () => {
    ({ server, admin } = await start(usb.bus));
    api = cartApi(server, admin);
  });

  /** Plugs in a fresh device (re-plugging makes a new USBDevice) with a sim cart behind it. */
  function plugIn(cart: { cart_code: string; key: string }): {
    usbCart: FakeUsbCart;
    sim: SimCart;
  } {
    const usbCart = createFakeUsbCart(SERIAL_NUMBER);
    const sim = createSimCart(usbCart.cartSide, { cartId: cart.cart_code, key: cart.key });
    cleanups.push(() => sim.close());
    usb.plug(usbCart);
    return { usbCart, sim };
  }

  it('reports the bus available and listens for carts being plugged in', async () => {
    const res = await server.request('GET', '/api/v1/devices/transports', { token: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.usb).toEqual({ available: true, detail: '0 USB devices' });
    expect(usb.listenerCount('connect')).toBe(1);
  });

  it('handshakes, streams scans to a bound session, goes offline unplugged, resumes re-plugged', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy USB');
    const first = plugIn(cart);
    await first.sim.connect(5000);
    expect((await first.sim.next('DISPLAY')).payload.qr).toBe(cart.qr_payload);
    expect(first.usbCart.opened).toBe(true);
    expect((await api.device(cart.id)).link).toMatchObject({
      online: true,
      transport: 'usb',
      address: `usb:1209:c001:${SERIAL_NUMBER}`,
    });

    const token = await api.customer('Anh Khoa');
    const session = await api.bind(token, cart);
    expect((await first.sim.next('SESSION_BOUND')).payload.customer_name).toBe('Anh Khoa');
    const phone = await api.phone(token);
    cleanups.push(() => phone.close());

    await first.sim.scan(ROBUSTA.barcode);
    await first.sim.weigh(ROBUSTA.grams, ROBUSTA.grams);
    const added = await phone.until((m) => m.event === 'item_added');
    expect(added.session).toBe(session.id);
    expect(added.data).toMatchObject({ quantity: 1, unit_price: ROBUSTA.price });
    const before = await pollUntil('the cart shows its item', () =>
      first.sim.received.findLast(
        (m) => m.name === 'CART_CONTENTS' && (m.payload.items as unknown[]).length === 1,
      ),
    );

    // Unplugged: the pending transferIn fails, which is all the terminal learns.
    usb.unplug(first.usbCart);
    const offline = await pollUntil('the terminal sees the cart go', async () => {
      const d = await api.device(cart.id);
      return d.link.online ? undefined : d;
    });
    expect(offline.link).toMatchObject({ transport: null, address: null });
    expect(offline.session).toMatchObject({ id: session.id, status: 'active' });
    expect(first.sim.dead).toBe(true);

    // Plugged back in: a new device object, a new link, a new handshake, the same session.
    const second = plugIn(cart);
    await second.sim.connect(5000);
    expect((await second.sim.next('SESSION_BOUND')).payload.customer_name).toBe('Anh Khoa');
    expect((await second.sim.next('CART_CONTENTS')).payload).toEqual(before.payload);
    expect((await api.device(cart.id)).link).toMatchObject({
      online: true,
      transport: 'usb',
    });
    await second.sim.scan(ROBUSTA.barcode);
    const again = await phone.until((m) => m.event === 'item_added' && m.data.quantity === 2);
    expect(again.session).toBe(session.id);
  });

  it('refuses a USB cart with the wrong key and survives a device that will not open', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy USB 2');
    const { sim } = plugIn({ ...cart, key: 'ab'.repeat(32) });
    await expect(sim.connect(5000)).rejects.toThrow('refused: bad key');
    expect((await api.device(cart.id)).link.online).toBe(false);

    const broken = createFakeUsbCart('SIM-USB-BROKEN');
    broken.unplug(); // gone before the terminal gets to open it
    usb.plug(broken);
    const health = await server.request('GET', '/api/v1/health');
    expect(health.status, health.text).toBe(200);
  });
});

describe('the real usb module on this machine', () => {
  // No USB subsystem here (containers, CI): the bus must say so, not throw or crash the app.
  const noUsbHere = process.platform === 'linux' && !existsSync('/sys/bus/usb/devices');

  it('reports USB unavailable, with the reason, without throwing', async () => {
    const bus = openUsbBus();
    const availability = await usbAvailability(bus);
    if (noUsbHere) {
      expect(availability).toEqual({
        available: false,
        detail: expect.stringMatching(/no USB subsystem/),
      });
    } else {
      expect(typeof availability.available).toBe('boolean');
    }
  });

  it('shows it in GET /api/v1/devices/transports, and the server keeps working', async () => {
    const { server, admin } = await start(); // no usbBus: the backend opens the real one
    const res = await server.request('GET', '/api/v1/devices/transports', { token: admin });
    expect(res.status, res.text).toBe(200);
    if (noUsbHere) {
      expect(res.body.data.usb).toEqual({
        available: false,
        detail: expect.stringMatching(/no USB subsystem/),
      });
    }
    const health = await server.request('GET', '/api/v1/health');
    expect(health.status, health.text).toBe(200);
    const devices = await server.request('GET', '/api/v1/devices', { token: admin });
    expect(devices.status, devices.text).toBe(200);
  });
});
