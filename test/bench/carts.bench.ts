import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#main/backend/lib/paths';
import { createSimCart, type SimCart } from '#main/cart-sim/sim-cart';
import { connectTcp } from '#main/cart-sim/sim-transports';
import { procWindow, startChild, stopChild } from './bench-child.ts';
import { inPool, runLoad, type LoadCart, type LoadFigures, type Variant } from './cart-load.ts';

// Issue 4: N carts over TCP, two events a second each, while phones watch their sessions over
// WebSocket. Measures cart → phone latency, loss and duplicates, and the terminal's CPU and
// memory, against a bare ws broadcast server driven by the same load in the same run.
//
// The load (carts and phones) runs in this one process, on purpose: the machine this runs on
// may have two cores, one for the server, and worker threads would only fight it for the
// other. The load is light (a few thousand small messages a second); its own event-loop
// delay is printed, so a reader can see how little it adds to the latencies.

const CARTS = Number(process.env.BENCH_CARTS ?? 200);
const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 2;
const DRAIN_MS = 2000;
const P99_TARGET_MS = 20;
const PORTS = { http: 18_901, carts: 18_902, bareWs: 18_903, bareCarts: 18_904 };
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-pass' };
const root = appRoot();

interface Prepared {
  carts: LoadCart[];
  watcherUrls: string[];
  /** Cart messages the terminal never acknowledged (the real link only). */
  unacked(): number;
  close(): Promise<void>;
}

function demoVariants(): Variant[] {
  const catalog = JSON.parse(readFileSync(join(root, 'resources/demo/catalog.json'), 'utf8')) as {
    products: { variants: { barcode: string; weight_grams: number }[] }[];
  };
  return catalog.products.flatMap((p) =>
    p.variants.map((v) => ({ barcode: v.barcode, grams: v.weight_grams })),
  );
}

async function api<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
const watcherSessions = (n: number) => indexes(WATCHERS).map((j) => j % n);

/** Pairs the carts, connects their simulators, signs customers in and binds one to each cart. */
async function prepareTerminal(base: string): Promise<Prepared> {
  const login = (identifier: string, password: string) =>
    api<{ access_token: string }>(base, '/auth/login', { identifier, password }).then(
      (r) => r.access_token,
    );
  const admin = await login(ADMIN.email, ADMIN.password);
  const sims: SimCart[] = [];
  const sessions: { id: string; token: string }[] = [];
  await inPool(indexes(CARTS), 8, async (i) => {
    const { data: cart } = await api<{
      data: { cart_code: string; key: string; qr_payload: string };
    }>(base, '/api/v1/devices', { name: `Bench cart ${i + 1}` }, admin);
    const sim = createSimCart(await connectTcp('127.0.0.1', PORTS.carts), {
      cartId: cart.cart_code,
      key: cart.key,
      firmware: 'bench',
    });
    await sim.connect();
    sims[i] = sim;
    // argon2 makes registering and logging in the slow part: a small pool keeps it steady.
    const email = `shopper${i + 1}@bench.test`;
    await api(base, '/users/register', { name: `Shopper ${i + 1}`, email, password: 'bench-pass' });
    const token = await login(email, 'bench-pass');
    const { data } = await api<{ data: { id: string } }>(
      base,
      '/api/v1/sessions',
      { qr: cart.qr_payload },
      token,
    );
    sessions[i] = { id: data.id, token };
  });
  const live = `ws://127.0.0.1:${PORTS.http}/api/v1/live`;
  // Each send settles when the terminal acknowledges it; read after the drain, what is still
  // unsettled or failed never reached the terminal's application.
  let sent = 0;
  let acked = 0;
  const counted = (p: Promise<void>) => {
    sent++;
    p.then(
      () => acked++,
      () => undefined,
    );
  };
  return {
    carts: sims.map((sim) => ({
      scan: (barcode) => counted(sim.scan(barcode)),
      weigh: (delta, total) => counted(sim.weigh(delta, total)),
    })),
    watcherUrls: watcherSessions(CARTS).map(
      (i) => `${live}?token=${sessions[i]!.token}&session=${sessions[i]!.id}`,
    ),
    unacked: () => sent - acked,
    close: async () => void (await Promise.all(sims.map((s) => s.close()))),
  };
}

async function prepareBaseline(): Promise<Prepared> {
  const sockets: Socket[] = [];
  await inPool(indexes(CARTS), 16, async (i) => {
    sockets[i] = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port: PORTS.bareCarts }, () => resolve(s));
      s.setNoDelay(true);
      s.once('error', reject);
    });
  });
  const line = (s: Socket, m: object) => s.write(`${JSON.stringify(m)}\n`);
  return {
    carts: sockets.map((s, i) => ({
      scan: (barcode) => line(s, { type: 'scan', session: String(i), barcode }),
      weigh: (delta, total) => line(s, { type: 'weight', session: String(i), delta, total }),
    })),
    watcherUrls: watcherSessions(CARTS).map((i) => `ws://127.0.0.1:${PORTS.bareWs}/?session=${i}`),
    unacked: () => 0,
    close: async () => sockets.forEach((s) => s.destroy()),
  };
}

async function withChild<T>(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
  fn: (child: ChildProcess) => Promise<T>,
): Promise<T> {
  const child = await startChild(script, env, readyUrl);
  try {
    return await fn(child);
  } finally {
    await stopChild(child);
  }
}

async function measureServer(
  child: ChildProcess,
  preparing: Promise<Prepared>,
  variants: Variant[],
) {
  const prepared = await preparing;
  const window = procWindow(child.pid!);
  try {
    const figures = await runLoad({
      carts: prepared.carts,
      watcherUrls: prepared.watcherUrls,
      variants,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
      drainMs: DRAIN_MS,
      unacked: prepared.unacked,
      window,
    });
    return { ...figures, ...window.result, unacked: prepared.unacked() };
  } finally {
    await prepared.close();
  }
}

/** Nearest-rank percentile of sorted values. */
const pct = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const latency = (f: LoadFigures) =>
  `p50 ${ms(pct(f.latencies, 50))}, p99 ${ms(pct(f.latencies, 99))}, ` +
  `max ${ms(f.latencies.at(-1) ?? NaN)} (${f.latencies.length} deliveries)`;

export async function benchCarts(): Promise<Record<string, string>> {
  if (WATCHERS < 2 * CARTS) throw new Error('BENCH_WATCHERS must be at least 2 × BENCH_CARTS');
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-carts-bench-'));
  const variants = demoVariants();
  try {
    const terminal = await withChild(
      join(root, 'dist/main/backend/standalone.js'),
      {
        CARTSTATION_DATA_DIR: dataDir,
        CARTSTATION_DEMO: 'true',
        CARTSTATION_RATE_LIMIT: '0',
        CARTSTATION_LOGIN_RATE_LIMIT: '100000',
        CARTSTATION_CART_TCP_PORT: String(PORTS.carts),
        CARTSTATION_ADMIN_EMAIL: ADMIN.email,
        CARTSTATION_ADMIN_PASSWORD: ADMIN.password,
        // Weights follow scans by 0.5 s; a slow one must not open an exception mid-run.
        CARTSTATION_PLACE_WITHIN_SECONDS: '3600',
        HOST: '127.0.0.1',
        PORT: String(PORTS.http),
        LOG_LEVEL: 'warn',
      },
      `http://127.0.0.1:${PORTS.http}/health`,
      (app) => measureServer(app, prepareTerminal(`http://127.0.0.1:${PORTS.http}`), variants),
    );
    // Run after the terminal has stopped, so the two never share the machine.
    const baseline = await withChild(
      join(root, 'test/bench/bare-live-server.mjs'),
      { PORT: String(PORTS.bareWs), CART_TCP_PORT: String(PORTS.bareCarts) },
      `http://127.0.0.1:${PORTS.bareWs}/`,
      (bare) => measureServer(bare, prepareBaseline(), variants),
    );

    const p99 = pct(terminal.latencies, 99);
    const misses = [
      p99 >= P99_TARGET_MS ? `p99 ${ms(p99)}` : '',
      terminal.lost ? `${terminal.lost} lost` : '',
      terminal.duplicated ? `${terminal.duplicated} duplicated` : '',
      terminal.unexpected ? `${terminal.unexpected} unexpected` : '',
      terminal.unacked ? `${terminal.unacked} cart messages unacked` : '',
    ].filter(Boolean);
    const perSession = `${Math.floor(WATCHERS / CARTS)}–${Math.ceil(WATCHERS / CARTS)}`;
    return {
      carts: `${CARTS} over TCP, 2 events/s each (a scan, its weight 0.5 s later)`,
      watchers: `${WATCHERS} WebSocket clients, ${perSession} per session`,
      load: `${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured; latency over the measured part`,
      'events sent': `${terminal.scansSent} scans + ${terminal.weightsSent} weight changes`,
      'deliveries (event × watcher)': `${terminal.deliveries} of ${terminal.expectedDeliveries} expected`,
      'cart → phone latency': latency(terminal),
      'lost / duplicated / unexpected': `${terminal.lost} / ${terminal.duplicated} / ${terminal.unexpected}`,
      'exceptions opened / cart messages unacked': `${terminal.exceptionsOpened} / ${terminal.unacked}`,
      'server CPU (measured window)': `${terminal.cpuPercent.toFixed(0)} % of one core`,
      'server RSS (peak during load)': `${terminal.peakRssMiB.toFixed(1)} MiB`,
      'baseline: bare ws broadcast, same load': latency(baseline),
      'baseline: lost / duplicated, CPU, RSS':
        `${baseline.lost} / ${baseline.duplicated}, ${baseline.cpuPercent.toFixed(0)} % ` +
        `of one core, ${baseline.peakRssMiB.toFixed(1)} MiB`,
      'ratio p99 terminal / baseline': (p99 / pct(baseline.latencies, 99)).toFixed(2),
      'load generator event-loop delay p99 (terminal run / baseline run)': `${ms(terminal.loadLoopDelayP99)} / ${ms(baseline.loadLoopDelayP99)}`,
      [`target: p99 < ${P99_TARGET_MS} ms, nothing lost or duplicated`]: misses.length
        ? `MISSED (${misses.join(', ')})`
        : 'met',
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
