import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';

// The load of the smart-cart benchmark, for any terminal that speaks the live-event shape:
// carts scanning and weighing on a fixed schedule, phones watching their sessions, and the
// bookkeeping that turns both sides into latency, loss and duplicate figures.

/** One cart as the load sees it; sending must not wait for the terminal. */
export interface LoadCart {
  scan(barcode: string): void;
  weigh(deltaGrams: number, totalGrams: number): void;
}

export interface Variant {
  barcode: string;
  grams: number;
}

export interface LoadOptions {
  /** carts[i] shops in session i; watcherUrls[j] watches session j % carts.length. */
  carts: LoadCart[];
  watcherUrls: string[];
  variants: Variant[];
  warmupSeconds: number;
  seconds: number;
  /** Wait this long after the last send for deliveries (and acks) still on their way. */
  drainMs: number;
  /** Cart messages the terminal has not acknowledged yet (0 where carts get no acks). */
  unacked(): number;
  /** Called when the measured window opens and closes (for the server's CPU and memory). */
  window: { open(): void; close(): void };
}

export interface LoadFigures {
  scansSent: number;
  weightsSent: number;
  measuredScans: number;
  expectedDeliveries: number;
  deliveries: number;
  /** Cart event → phone, milliseconds, sorted; events sent in the measured window only. */
  latencies: Float64Array;
  lost: number;
  duplicated: number;
  /** Item events no cart sent (a wrong quantity, a stranger's barcode). */
  unexpected: number;
  exceptionsOpened: number;
  /** The load process's own event-loop delay, p99: what it adds to every figure. */
  loadLoopDelayP99: number;
}

interface Sent {
  at: number;
  measured: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LiveMessage {
  type: string;
  version?: number;
  event?: string;
  data?: { barcode?: string; quantity?: number };
}

/** Opens a watcher and resolves once its first message (the snapshot) says it is subscribed. */
function openWatcher(url: string, onMessage: (m: LiveMessage, at: number) => void) {
  return new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => reject(new Error(`no snapshot from ${url}`)), 15_000);
    socket.on('error', reject);
    socket.on('close', (code) => reject(new Error(`watcher closed (${code})`)));
    socket.on('message', (raw) => {
      // Taken before parsing: the phone has the event once its bytes are here.
      const at = performance.now();
      const m = JSON.parse(String(raw)) as LiveMessage;
      if (m.type === 'snapshot') {
        clearTimeout(timer);
        resolve(socket);
      } else onMessage(m, at);
    });
  });
}

async function inPool<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export async function runLoad(o: LoadOptions): Promise<LoadFigures> {
  const n = o.carts.length;
  // An item event is known by session, barcode and the quantity it brought the line to.
  const sent = new Map<string, Sent>();
  const watchersOf = new Array<number>(n).fill(0);
  const latencies: number[] = [];
  let deliveries = 0;
  let duplicated = 0;
  let unexpected = 0;
  let exceptionsOpened = 0;

  const sockets: WebSocket[] = [];
  await inPool(o.watcherUrls, 50, async (url, j) => {
    const session = j % n;
    const versions = new Set<number>();
    watchersOf[session]!++;
    const socket = await openWatcher(url, (m, at) => {
      if (m.type !== 'event' || m.version === undefined) return;
      if (versions.has(m.version)) return void duplicated++;
      versions.add(m.version);
      if (m.event === 'exception_opened') exceptionsOpened++;
      if (m.event !== 'item_added') return;
      const s = sent.get(`${session}|${m.data?.barcode}|${m.data?.quantity}`);
      if (!s) return void unexpected++;
      deliveries++;
      if (s.measured) latencies.push(at - s.at);
    });
    sockets.push(socket);
  });

  const loopSampleMs = 5;
  const loop = monitorEventLoopDelay({ resolution: loopSampleMs });
  const start = performance.now() + 200;
  const measureFrom = start + o.warmupSeconds * 1000;
  const end = measureFrom + o.seconds * 1000;
  let scansSent = 0;
  let weightsSent = 0;
  let measuredScans = 0;
  let expectedDeliveries = 0;

  // Each cart scans, then half a second later its scale takes the item; carts are spread
  // evenly over the second so the terminal sees a steady stream, not 200 events at once.
  const carts = o.carts.map((cart, i) => {
    const quantities = new Map<string, number>();
    let total = 0;
    let tick = 0;
    let variant = o.variants[0]!;
    const phase = (i / n) * 1000;
    return new Promise<void>((done) => {
      const step = () => {
        const due = start + phase + tick * 500;
        // A scan's weight always follows, so every cart ends with its scale matching its scans.
        if (due >= end && tick % 2 === 0) return done();
        setTimeout(
          () => {
            if (tick % 2 === 0) {
              variant = o.variants[(i + tick / 2) % o.variants.length]!;
              const quantity = (quantities.get(variant.barcode) ?? 0) + 1;
              quantities.set(variant.barcode, quantity);
              const at = performance.now();
              const measured = at >= measureFrom;
              sent.set(`${i}|${variant.barcode}|${quantity}`, { at, measured });
              cart.scan(variant.barcode);
              scansSent++;
              if (measured) measuredScans++;
              expectedDeliveries += watchersOf[i]!;
            } else {
              total += variant.grams;
              cart.weigh(variant.grams, total);
              weightsSent++;
            }
            tick++;
            step();
          },
          Math.max(0, due - performance.now()),
        );
      };
      step();
    });
  });

  await sleep(measureFrom - performance.now());
  o.window.open();
  loop.enable();
  await Promise.all(carts);
  loop.disable();
  o.window.close();
  const drainUntil = performance.now() + o.drainMs;
  const draining = () => deliveries < expectedDeliveries || o.unacked() > 0;
  while (draining() && performance.now() < drainUntil) await sleep(20);
  for (const s of sockets) s.terminate();

  return {
    scansSent,
    weightsSent,
    measuredScans,
    expectedDeliveries,
    deliveries,
    latencies: Float64Array.from(latencies).sort(),
    lost: expectedDeliveries - deliveries,
    duplicated,
    unexpected,
    exceptionsOpened,
    // The histogram holds whole sampling intervals: what exceeds the interval is the delay.
    loadLoopDelayP99: Math.max(0, loop.percentile(99) / 1e6 - loopSampleMs),
  };
}

export { inPool };
