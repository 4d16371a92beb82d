import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrameDecoder } from '#main/backend/drivers/cart-link/frame.codec';
import { MessageType } from '#main/backend/drivers/cart-link/messages';
import { createSeededRandom } from '#main/backend/drivers/cart-link/seeded-random.fake';
import type { ByteTransport } from '#main/backend/drivers/transport';
import { createSimCart, type SimCart } from '#main/cart-sim/sim-cart';
import { openSerial } from '#main/cart-sim/sim-transports';
import { cartApi, type CartApi } from '#test/helpers/cart-api';
import { pairCart } from '#test/helpers/carts';
import { pollUntil, sleep } from '#test/helpers/poll';
import { createRawCart } from '#test/helpers/raw-cart';
import { socatLine, type SocatLine } from '#test/helpers/socat-line';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { flipOneBit, frameIn, tamperWrites } from '#test/helpers/wire-faults';

/**
 * Carts on real serial lines: socat joins two pseudo-terminals, the terminal keeps one end open
 * (CARTSTATION_SERIAL_PORTS) and a simulated cart opens the other with the same serialport
 * driver. Each scenario gets a line of its own, so one test's link state can't leak into the
 * next (on a serial line, nothing but silence tells the terminal that a cart went away).
 */

// Demo catalog: Cà phê Robusta 250g and Cà phê Arabica 250g.
const ROBUSTA = { barcode: '8930001000018', grams: 260, price: 65_000 };
const ARABICA = { barcode: '8930002000017', grams: 260, price: 95_000 };
const CONNECT_MS = 8000;

const LINE_NAMES = [
  'main',
  'noise',
  'raw',
  'shuffle',
  'yank',
  'badkey',
  'nocart',
  'unpaired',
  'weight',
] as const;
type LineName = (typeof LINE_NAMES)[number];

let dir: string;
let lines: Record<LineName, SocatLine>;
let server: TestServer;
let admin: string;
let api: CartApi;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cartstation-serial-'));
  lines = Object.fromEntries(LINE_NAMES.map((name) => [name, socatLine(dir, name)])) as Record<
    LineName,
    SocatLine
  >;
  // socat first: a line missing at start is retried with a growing backoff.
  await Promise.all(Object.values(lines).map((line) => line.start()));
  server = await startTestServer({
    env: {
      CARTSTATION_DEMO: 'true',
      CARTSTATION_SERIAL_PORTS: LINE_NAMES.map((name) => lines[name].term).join(','),
    },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
  api = cartApi(server, admin);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // already closed
    }
  }
  await server?.stop();
  await Promise.all(Object.values(lines ?? {}).map((line) => line.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const line = (name: LineName) => lines[name];

/** A sim cart on the cart's end of a line; `wrap` may tamper with what it writes. */
async function simOn(
  name: LineName,
  cart: { cart_code: string; key: string },
  wrap: (t: ByteTransport) => ByteTransport = (t) => t,
): Promise<SimCart> {
  const sim = createSimCart(wrap(await openSerial(line(name).cart)), {
    cartId: cart.cart_code,
    key: cart.key,
  });
  cleanups.push(() => sim.close());
  return sim;
}

async function phoneOf(token: string) {
  const phone = await api.phone(token);
  cleanups.push(() => phone.close());
  return phone;
}

/** How a connection attempt ended; a refused cart drops its link at once, as firmware does. */
async function refusalOf(sim: SimCart): Promise<string> {
  try {
    await sim.connect(CONNECT_MS);
    return 'welcomed';
  } catch (err) {
    return (err as Error).message;
  } finally {
    await sim.close();
  }
}

describe('smart carts on serial lines', () => {
  it('handshakes, shows its QR, binds a session and streams scans to the phone', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy cổng nối tiếp');
    const sim = await simOn('main', cart);
    await sim.connect(CONNECT_MS);
    expect((await sim.next('DISPLAY')).payload.qr).toBe(cart.qr_payload);
    expect((await api.device(cart.id)).link).toMatchObject({
      online: true,
      transport: 'serial',
      address: line('main').term,
    });

    const token = await api.customer('Chị Hoa');
    const session = await api.bind(token, cart);
    expect((await sim.next('SESSION_BOUND')).payload.customer_name).toBe('Chị Hoa');
    const phone = await phoneOf(token);

    const mark = sim.received.length;
    await sim.scan(ROBUSTA.barcode);
    const added = await phone.until((m) => m.event === 'item_added');
    expect(added.session).toBe(session.id);
    expect(added.data).toMatchObject({
      barcode: ROBUSTA.barcode,
      quantity: 1,
      unit_price: ROBUSTA.price,
    });
    const contents = await sim.next('CART_CONTENTS', 5000, mark);
    expect(contents.payload).toMatchObject({
      items: [{ quantity: 1, unit_price: ROBUSTA.price, subtotal: ROBUSTA.price }],
      total: ROBUSTA.price,
    });
  });

  it('(a) applies every scan exactly once through line noise and bit-flipped frames', async () => {
    const random = createSeededRandom(0xca27);
    let damagedCopies = 0;
    const cart = await pairCart(server, admin, 'Xe đẩy nhiễu');
    // Every frame the cart sends is shadowed by copies with one bit flipped, some before it
    // and some after: the CRC must reject them all, whatever field the flip lands in.
    const sim = await simOn('noise', cart, (t) =>
      tamperWrites(t, (bytes, write) => {
        const isFrame = frameIn(bytes) !== null;
        if (isFrame && random.chance(0.7)) {
          write(flipOneBit(bytes, random));
          damagedCopies++;
        }
        write(bytes);
        if (isFrame && random.chance(0.3)) {
          write(flipOneBit(bytes, random));
          damagedCopies++;
        }
      }),
    );
    await sim.connect(CONNECT_MS);
    const token = await api.customer('Anh Bình');
    const session = await api.bind(token, cart);
    const phone = await phoneOf(token);

    // Noise between messages: short bursts, sometimes closed by a delimiter and sometimes not
    // (then it runs into the next real frame and ruins it, and retransmission must repair it),
    // and once a burst longer than any frame, to overflow the terminal's frame buffer.
    const noise = () => {
      const burst = random.bytes(1 + random.int(48));
      return random.chance(0.5) ? Uint8Array.from([...burst, 0]) : burst;
    };
    const SCANS = 6;
    for (let i = 1; i <= SCANS; i++) {
      sim.noise(noise());
      if (i === 3) sim.noise(new Uint8Array(5000).fill(0x5a));
      await sim.scan(ROBUSTA.barcode);
      sim.noise(noise());
      await sim.weigh(ROBUSTA.grams, ROBUSTA.grams * i);
    }
    await phone.until((m) => m.event === 'item_added' && m.data.quantity === SCANS, 8000);
    // Anything applied twice would arrive with a late retransmission or copy: give it time.
    await sleep(500);

    expect(damagedCopies).toBeGreaterThan(SCANS);
    const added = phone.messages.filter((m) => m.event === 'item_added');
    expect(added.map((m) => m.data.quantity)).toEqual([1, 2, 3, 4, 5, 6]);
    const view = await api.session(token, session.id);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({ barcode: ROBUSTA.barcode, quantity: SCANS });
    expect(view.total).toBe(SCANS * ROBUSTA.price);
    // Each weight matched its scan once: a weight applied twice would be an unscanned item.
    expect(view.exceptions).toEqual([]);
  });

  it('(b) applies a duplicated frame once and an early frame in order (raw frames)', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy khung thô');
    const raw = createRawCart(await openSerial(line('raw').cart));
    cleanups.push(() => raw.close());
    await raw.handshake(cart.cart_code, cart.key);
    const token = await api.customer('Cô Lan');
    const session = await api.bind(token, cart);
    await raw.next('SESSION_BOUND');
    const phone = await phoneOf(token);

    // HELLO and PROOF took seq 1 and 2.
    const scanA = raw.frame(MessageType.ITEM_SCANNED, 3, { barcode: ROBUSTA.barcode });
    const scanB = raw.frame(MessageType.ITEM_SCANNED, 4, { barcode: ARABICA.barcode });

    // n + 1 before n, twice: acknowledged both times (docs/cart-protocol.md §3.4), but held
    // back until the gap before it fills.
    raw.write(scanB);
    raw.write(scanB);
    await raw.acked(4, 2);
    await sleep(300);
    expect(phone.messages.filter((m) => m.event === 'item_added')).toEqual([]);

    // Now n, twice, and a late replay of n + 1.
    raw.write(scanA);
    raw.write(scanA);
    raw.write(scanB);
    await raw.acked(3, 2);
    await raw.acked(4, 3);
    await phone.until((m) => m.event === 'item_added' && m.data.barcode === ARABICA.barcode);
    await sleep(300);

    const added = phone.messages.filter((m) => m.event === 'item_added');
    expect(added.map((m) => [m.data.barcode, m.data.quantity])).toEqual([
      [ROBUSTA.barcode, 1],
      [ARABICA.barcode, 1],
    ]);
    expect(added[1]!.version).toBeGreaterThan(added[0]!.version!);
    const view = await api.session(token, session.id);
    expect(
      view.items.map((i: { barcode: string; quantity: number }) => [i.barcode, i.quantity]),
    ).toEqual([
      [ROBUSTA.barcode, 1],
      [ARABICA.barcode, 1],
    ]);
    expect(view.total).toBe(ROBUSTA.price + ARABICA.price);
  });

  it('(b) applies scans once and in order when a sim cart’s frames are doubled and swapped', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy đảo khung');
    let swapping = false;
    let held: { bytes: Uint8Array; seq: number } | null = null;
    // Every frame goes out twice; while swapping, each pair of scans goes out as n + 1, n.
    const sim = await simOn('shuffle', cart, (t) =>
      tamperWrites(t, (bytes, write) => {
        const frame = frameIn(bytes);
        if (swapping && frame?.type === MessageType.ITEM_SCANNED) {
          if (!held) {
            held = { bytes, seq: frame.seq };
            return;
          }
          if (held.seq !== frame.seq) {
            write(bytes);
            write(bytes);
          }
          write(held.bytes);
          write(held.bytes);
          held = null;
          return;
        }
        write(bytes);
        if (frame) write(bytes);
      }),
    );
    await sim.connect(CONNECT_MS);
    const token = await api.customer('Chú Tư');
    const session = await api.bind(token, cart);
    const phone = await phoneOf(token);

    swapping = true;
    for (let round = 0; round < 2; round++) {
      // Both sent at once, as a cart does: in the window together.
      await Promise.all([sim.scan(ROBUSTA.barcode), sim.scan(ARABICA.barcode)]);
    }
    swapping = false;
    await phone.until(
      (m) =>
        m.event === 'item_added' && m.data.quantity === 2 && m.data.barcode === ARABICA.barcode,
    );
    await sleep(300);

    const added = phone.messages.filter((m) => m.event === 'item_added');
    expect(added.map((m) => [m.data.barcode, m.data.quantity])).toEqual([
      [ROBUSTA.barcode, 1],
      [ARABICA.barcode, 1],
      [ROBUSTA.barcode, 2],
      [ARABICA.barcode, 2],
    ]);
    const view = await api.session(token, session.id);
    expect(view.total).toBe(2 * (ROBUSTA.price + ARABICA.price));
  });

  it('(c) a line yanked mid-frame is reopened and the cart’s open session resumes', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy rút cáp');
    let cutNextScan = false;
    let cut = false;
    let tornWritten: () => void = () => undefined;
    const torn = new Promise<void>((resolve) => (tornWritten = resolve));
    const first = await simOn('yank', cart, (t) =>
      tamperWrites(t, (bytes, write) => {
        if (cut) return; // the cable is coming out: nothing more gets through
        if (cutNextScan && frameIn(bytes)?.type === MessageType.ITEM_SCANNED) {
          cut = true;
          write(bytes.subarray(0, bytes.length >> 1));
          tornWritten();
          return;
        }
        write(bytes);
      }),
    );
    await first.connect(CONNECT_MS);
    const token = await api.customer('Chị Ngọc');
    const session = await api.bind(token, cart);
    const phone = await phoneOf(token);
    for (let i = 1; i <= 2; i++) {
      await first.scan(ROBUSTA.barcode);
      await first.weigh(ROBUSTA.grams, ROBUSTA.grams * i);
    }
    await phone.until((m) => m.event === 'item_added' && m.data.quantity === 2);
    const before = await pollUntil('the cart shows two items', () =>
      first.received.findLast(
        (m) =>
          m.name === 'CART_CONTENTS' &&
          (m.payload.items as { quantity: number }[])[0]?.quantity === 2,
      ),
    );

    // Half of the third scan's frame is on the wire when the cable comes out.
    cutNextScan = true;
    const lostScan = first.scan(ROBUSTA.barcode).then(
      () => 'acknowledged',
      () => 'failed',
    );
    await torn;
    await sleep(100);
    await line('yank').yank();

    const offline = await pollUntil('the terminal sees the cart go', async () => {
      const d = await api.device(cart.id);
      return d.link.online ? undefined : d;
    });
    // The session belongs to the cart, not to the cable.
    expect(offline.session).toMatchObject({ id: session.id, status: 'active' });
    await pollUntil('the cart sees its line go', () => first.dead || undefined);
    expect(await lostScan).toBe('failed');

    // The cable goes back in: new ptys at the same paths. The terminal reopens its end on its
    // own (backoff), the cart reconnects with a new link and a new handshake.
    await line('yank').start();
    const second = await simOn('yank', cart);
    await second.connect(CONNECT_MS);
    expect((await second.next('SESSION_BOUND')).payload.customer_name).toBe('Chị Ngọc');
    // Same items as before the cable came out: half a frame changed nothing.
    expect((await second.next('CART_CONTENTS')).payload).toEqual(before.payload);
    expect((await api.device(cart.id)).link).toMatchObject({ online: true, transport: 'serial' });

    // The cart re-sends the scan CART_CONTENTS shows as missing; it lands in the same session.
    await second.scan(ROBUSTA.barcode);
    const third = await phone.until((m) => m.event === 'item_added' && m.data.quantity === 3);
    expect(third.session).toBe(session.id);
    const view = await api.session(token, session.id);
    expect(view.items[0]).toMatchObject({ barcode: ROBUSTA.barcode, quantity: 3 });
  });

  it('(d) refuses a wrong key and an unknown cart id; the line then takes the real cart', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy khóa sai');
    const wrongKey = await simOn('badkey', { ...cart, key: '00'.repeat(32) });
    expect(await refusalOf(wrongKey)).toBe('refused: bad key');
    const unknown = await simOn('nocart', { cart_code: 'CART-NOPE', key: cart.key });
    expect(await refusalOf(unknown)).toBe('refused: unknown cart');
    expect((await api.device(cart.id)).link.online).toBe(false);

    // A refused cart waits a second before trying again (docs/cart-protocol.md §6.2); by then
    // the terminal has reopened the line it closed after REFUSED.
    await sleep(1000);
    const real = await simOn('badkey', cart);
    await real.connect(CONNECT_MS);
    expect((await api.device(cart.id)).link).toMatchObject({
      online: true,
      address: line('badkey').term,
    });
  });

  it('(d) lets in a cart refused as unknown once staff have paired it', async () => {
    // A line nobody has spoken on stays silent: the terminal spends no sequence numbers (and
    // declares nothing dead) until a cart says HELLO, so a cart plugged in later starts clean.
    const listener = await openSerial(line('unpaired').cart);
    const heard: number[] = [];
    const decoder = createFrameDecoder(
      (frame) => heard.push(frame.type),
      () => undefined,
    );
    listener.onData((chunk) => decoder.push(chunk));
    await sleep(2500);
    expect(heard).toEqual([]);
    await listener.close();

    const cartCode = 'CART-NEW-1';
    const early = await simOn('unpaired', { cart_code: cartCode, key: '11'.repeat(32) });
    expect(await refusalOf(early)).toBe('refused: unknown cart');
    const paired = await server.request('POST', '/api/v1/devices', {
      token: admin,
      body: { name: 'Xe đẩy mới', cart_code: cartCode },
    });
    expect(paired.status, paired.text).toBe(201);

    // As the protocol asks: a second's wait, then a new link and a new handshake.
    await sleep(1000);
    const later = await simOn('unpaired', { cart_code: cartCode, key: paired.body.data.key });
    const outcome = await later.connect(CONNECT_MS).then(
      () => 'welcomed',
      (err: Error) => {
        const s = later.stats();
        return `${err.message} (cart link: ${s.framesReceived} frames in, ${s.messagesDelivered} delivered, ${s.outOfOrder} out of order, ${s.outOfWindow} out of window)`;
      },
    );
    expect(outcome).toBe('welcomed');
    expect((await api.device(paired.body.data.id)).link.online).toBe(true);
  });

  it('(e) weight mismatches open exceptions that block checkout until staff resolve them', async () => {
    const cart = await pairCart(server, admin, 'Xe đẩy cân');
    const sim = await simOn('weight', cart);
    await sim.connect(CONNECT_MS);
    const token = await api.customer('Bà Sáu');
    const session = await api.bind(token, cart);
    const phone = await phoneOf(token);

    await sim.scan(ROBUSTA.barcode);
    await sim.weigh(ROBUSTA.grams + 5, 265);
    await phone.until((m) => m.event === 'item_added');
    // Something put in without a scan…
    await sim.weigh(900, 1165);
    const unscanned = await phone.until(
      (m) => m.event === 'exception_opened' && m.data.kind === 'unscanned_item',
    );
    expect(unscanned.data.detail).toMatchObject({ measured_grams: 900 });
    // …and a scan followed by the weight of something else.
    await sim.scan(ROBUSTA.barcode);
    await sim.weigh(600, 1765);
    const wrong = await phone.until(
      (m) => m.event === 'exception_opened' && m.data.kind === 'wrong_item',
    );
    expect(wrong.data.detail).toMatchObject({
      barcode: ROBUSTA.barcode,
      expected_grams: ROBUSTA.grams,
      measured_grams: 600,
    });

    const checkout = () =>
      server.request('POST', `/api/v1/sessions/${session.id}/checkout`, { token });
    const resolve = (id: number, as: string) =>
      server.request('POST', `/api/v1/sessions/${session.id}/exceptions/${id}/resolve`, {
        token: as,
        body: { resolution: 'item_removed' },
      });
    expect((await checkout()).status).toBe(409);
    // Only staff resolve.
    expect((await resolve(unscanned.data.id, token)).status).toBe(403);
    expect((await resolve(unscanned.data.id, admin)).status).toBe(200);
    expect((await checkout()).status).toBe(409);
    const last = await resolve(wrong.data.id, admin);
    expect(last.status, last.text).toBe(200);
    expect(last.body.data.checkout_allowed).toBe(true);
    await phone.until((m) => m.event === 'exception_resolved' && m.data.id === wrong.data.id);

    const done = await checkout();
    expect(done.status, done.text).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'checkout', total: 2 * ROBUSTA.price });
    expect((await sim.next('LOCK')).payload.locked).toBe(true);
  });
});
