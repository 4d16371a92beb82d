import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSimCart, liveClient, pairCart } from '#test/helpers/carts';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let admin: string;
let customer: string;

beforeAll(async () => {
  server = await startTestServer({
    env: {
      CARTSTATION_DEMO: 'true',
      CARTSTATION_CART_TCP_PORT: '0',
      CARTSTATION_PLACE_WITHIN_SECONDS: '2',
    },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
  await server.request('POST', '/users/register', {
    body: { name: 'Chị Mai', email: 'mai@example.com', password: 'mai-123456' },
  });
  customer = await server.login('mai@example.com', 'mai-123456');
});
afterAll(() => server.stop());

// Demo variant CS-001-1: Cà phê Robusta 250g, 65 000 đ, 260 g, barcode below.
const ROBUSTA = { barcode: '8930001000018', grams: 260, price: 65_000 };

describe('smart-cart session over TCP', () => {
  it('binds by QR, streams scans to the phone, checks weights, and gates checkout', async () => {
    const cart = await pairCart(server, admin);
    const sim = await connectSimCart(server, cart);
    // The cart is told to show its QR code on connect.
    const display = await sim.next('DISPLAY');
    expect(display.payload.qr).toBe(cart.qr_payload);

    const bound = await server.request('POST', '/api/v1/sessions', {
      token: customer,
      body: { qr: cart.qr_payload },
    });
    expect(bound.status, bound.text).toBe(201);
    const session = bound.body.data;
    expect(session).toMatchObject({
      status: 'active',
      cart_code: cart.cart_code,
      customer_name: 'Chị Mai',
    });
    expect((await sim.next('SESSION_BOUND')).payload.customer_name).toBe('Chị Mai');

    const phone = await liveClient(server, { token: customer });
    const snapshot = await phone.until((m) => m.type === 'snapshot');
    expect(snapshot.data.id).toBe(session.id);

    await sim.scan(ROBUSTA.barcode);
    const added = await phone.until((m) => m.event === 'item_added');
    expect(added.data).toMatchObject({ quantity: 1, unit_price: ROBUSTA.price });
    expect(added.version).toBeGreaterThan(snapshot.version!);
    await sim.weigh(ROBUSTA.grams + 5);

    // An item put in without a scan opens an exception and blocks checkout.
    await sim.weigh(900);
    const opened = await phone.until((m) => m.event === 'exception_opened');
    expect(opened.data.kind).toBe('unscanned_item');
    const blocked = await server.request('POST', `/api/v1/sessions/${session.id}/checkout`, {
      token: customer,
    });
    expect(blocked.status).toBe(409);

    const resolved = await server.request(
      'POST',
      `/api/v1/sessions/${session.id}/exceptions/${opened.data.id}/resolve`,
      { token: admin, body: { resolution: 'item_removed' } },
    );
    expect(resolved.status, resolved.text).toBe(200);
    const checkout = await server.request('POST', `/api/v1/sessions/${session.id}/checkout`, {
      token: customer,
    });
    expect(checkout.status, checkout.text).toBe(200);
    expect(checkout.body.data).toMatchObject({
      status: 'checkout',
      total: ROBUSTA.price,
      total_items: 1,
    });
    expect((await sim.next('LOCK')).payload.locked).toBe(true);

    // Versions never repeat or go back.
    const versions = phone.messages.filter((m) => m.type === 'event').map((m) => m.version!);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    phone.close();
    await sim.close();
  });

  it('refuses a cart that cannot prove its key, and a replayed QR code', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy 2');
    await expect(connectSimCart(server, { ...cart, key: '00'.repeat(32) })).rejects.toThrow(
      /bad key/,
    );
    await expect(connectSimCart(server, { ...cart, cart_code: 'CART-NOPE' })).rejects.toThrow(
      /unknown cart/,
    );

    const first = await server.request('POST', '/api/v1/sessions', {
      token: admin,
      body: { qr: cart.qr_payload },
    });
    expect(first.status, first.text).toBe(201);
    const sessionsBefore = countRows(server, 'shopping_sessions');
    await server.request('POST', '/users/register', {
      body: { name: 'Anh Nam', email: 'nam@example.com', password: 'nam-123456' },
    });
    const other = await server.login('nam@example.com', 'nam-123456');
    const replay = await server.request('POST', '/api/v1/sessions', {
      token: other,
      body: { qr: cart.qr_payload },
    });
    expect(replay.status).toBe(400);
    expect(replay.body.field).toBe('qr');
    expect(countRows(server, 'shopping_sessions')).toBe(sessionsBefore);
    const garbage = await server.request('POST', '/api/v1/sessions', {
      token: other,
      body: { qr: 'hello' },
    });
    expect(garbage.status).toBe(400);
  });

  it('reports a scanned item that never reached the scale', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy 3');
    const sim = await connectSimCart(server, cart);
    await server.request('POST', '/users/register', {
      body: { name: 'Cô Lan', email: 'lan3@example.com', password: 'lan-123456' },
    });
    const token = await server.login('lan3@example.com', 'lan-123456');
    const bound = await server.request('POST', '/api/v1/sessions', {
      token,
      body: { qr: cart.qr_payload },
    });
    const phone = await liveClient(server, { token });
    await sim.scan(ROBUSTA.barcode);
    const ex = await phone.until((m) => m.event === 'exception_opened', 6000);
    expect(ex.data).toMatchObject({ kind: 'scanned_not_placed' });
    // Reconnecting with the version it saw, the phone gets only what came after.
    const seen = ex.version!;
    phone.close();
    const again = await liveClient(server, {
      token,
      session: bound.body.data.id,
      since: String(seen),
    });
    await sim.scan(ROBUSTA.barcode);
    const next = await again.until((m) => m.event === 'item_added');
    expect(next.version).toBe(seen + 1);
    expect(again.messages.some((m) => m.type === 'snapshot')).toBe(false);
    again.close();
    await sim.close();
  });
});
