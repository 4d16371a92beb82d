import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#main/backend/lib/paths';
import { startPayosGatewayFake } from '#test/fakes/payos-gateway.fake';
import { procWindow, startChild, stopChild } from './bench-child.ts';
import { readLedger, type LedgerFigures } from './checkout-ledger.ts';
import {
  pct,
  runCheckouts,
  type CheckoutFigures,
  type CheckoutLoadOptions,
} from './checkout-load.ts';
import { bareShop, prepareTerminal, terminalShop } from './checkout-shops.ts';

// Issue 5: concurrent checkouts, each paid through payOS and confirmed by its signed webhook,
// all over loopback HTTP against the built terminal. Some customers also want a product with
// less stock than they ask for, so some checkouts must lose (409) and none may oversell; the
// SQLite file is read after the server stops to check exactly that. A bare Fastify + SQLite
// shop runs the same flow afterwards, alone on the machine, as the baseline.
//
// The load and the payOS fake share this process (one core); the terminal has the other.
// Both servers start cold (no warm-up), so the comparison is like for like.

const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS ?? 400);
const WORKERS = Number(process.env.BENCH_CHECKOUT_WORKERS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Registering is argon2-bound: on a busy machine, fewer customers rather than more time. */
const SETUP_SECONDS = 40;
const PORTS = { terminal: 18_951, bare: 18_952 };
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-pass' };
const KEYS = { clientId: 'bench-client', apiKey: 'bench-api-key', checksumKey: 'bench-checksum' };
const root = appRoot();

/**
 * The middle half of the n customers also want the scarce product, stocked for n / 4: demand
 * exceeds stock for the second half of that stretch. A contiguous stretch, so that when the
 * stock runs out every worker is racing for the last units, not one in two.
 */
const products = (n: number) => ({
  plenty: { sku: 'BENCH-PLENTY', price: 65_000, stock: 100_000 },
  scarce: { sku: 'BENCH-SCARCE', price: 120_000, stock: Math.floor(n / 4) },
});
const loadFor = (n: number): CheckoutLoadOptions => ({
  checkouts: n,
  workers: WORKERS,
  seconds: SECONDS,
  wantsScarce: (i) => i >= n / 4 && i < (3 * n) / 4,
  duplicate: (i) => i % 5 === 0,
});

async function runTerminal(dataDir: string) {
  const gateway = await startPayosGatewayFake(KEYS);
  const base = `http://127.0.0.1:${PORTS.terminal}`;
  gateway.setWebhookUrl(`${base}/api/v1/payments/payos/webhook`);
  try {
    const child = await startChild(
      join(root, 'dist/main/backend/standalone.js'),
      {
        CARTSTATION_DATA_DIR: dataDir,
        CARTSTATION_DEMO: 'true',
        CARTSTATION_RATE_LIMIT: '0',
        CARTSTATION_LOGIN_RATE_LIMIT: '100000',
        CARTSTATION_RECONCILE_SECONDS: '0', // only webhooks confirm payments here
        CARTSTATION_ADMIN_EMAIL: ADMIN.email,
        CARTSTATION_ADMIN_PASSWORD: ADMIN.password,
        CARTSTATION_PAYOS_CLIENT_ID: KEYS.clientId,
        CARTSTATION_PAYOS_API_KEY: KEYS.apiKey,
        CARTSTATION_PAYOS_CHECKSUM_KEY: KEYS.checksumKey,
        CARTSTATION_PAYOS_BASE_URL: gateway.baseUrl,
        CARTSTATION_PAYOS_CHECKOUT_URL: gateway.checkoutBaseUrl,
        HOST: '127.0.0.1',
        PORT: String(PORTS.terminal),
        LOG_LEVEL: 'warn',
      },
      `${base}/health`,
    );
    try {
      const t = performance.now();
      const setup = { admin: ADMIN, customers: CHECKOUTS, seconds: SETUP_SECONDS, products };
      const prepared = await prepareTerminal(base, setup);
      const setupSeconds = (performance.now() - t) / 1000;
      const n = prepared.customers.length;
      const server = procWindow(child.pid!);
      const loader = procWindow(process.pid);
      server.open();
      loader.open();
      const figures = await runCheckouts(terminalShop(base, gateway, prepared), loadFor(n));
      server.close();
      loader.close();
      return { n, setupSeconds, figures, server: server.result, loader: loader.result };
    } finally {
      await stopChild(child);
    }
  } finally {
    await gateway.close();
  }
}

async function runBaseline(n: number): Promise<CheckoutFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-checkout-bare-'));
  try {
    const stock = products(n);
    const child = await startChild(
      join(root, 'test/bench/bare-checkout-server.mjs'),
      {
        DB_FILE: join(dir, 'bare.db'),
        PORT: String(PORTS.bare),
        PLENTY_STOCK: String(stock.plenty.stock),
        SCARCE_STOCK: String(stock.scarce.stock),
      },
      `http://127.0.0.1:${PORTS.bare}/`,
    );
    try {
      return await runCheckouts(bareShop(`http://127.0.0.1:${PORTS.bare}`), loadFor(n));
    } finally {
      await stopChild(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const spread = (s: Float64Array) => `p50 ${ms(pct(s, 50))}, p99 ${ms(pct(s, 99))}`;
const rate = (f: CheckoutFigures) => f.paid / f.seconds;
const count = (f: CheckoutFigures) => `${f.paid} paid of ${f.started} in ${f.seconds.toFixed(1)} s`;

function consistency(n: number, ledger: LedgerFigures, f: CheckoutFigures) {
  const { plenty, scarce } = products(n);
  const wanted = Array.from({ length: f.started }, (_, i) => i).filter(loadFor(n).wantsScarce);
  const stocks = Object.values(ledger.stock);
  return {
    'scarce product': `stock ${scarce.stock}, wanted by ${wanted.length} customers`,
    'oversold units': String(Math.max(0, ...Object.values(ledger.oversold))),
    'scarce product: sold / initial stock / stock now': `${scarce.stock + ledger.oversold[scarce.sku]!} / ${scarce.stock} / ${ledger.stock[scarce.sku]}`,
    'products with negative stock': String(stocks.filter((s) => s < 0).length),
    'stock unaccounted for (initial − now − sold), plenty / scarce': `${ledger.unaccounted[plenty.sku]} / ${ledger.unaccounted[scarce.sku]}`,
    'double-paid orders': String(ledger.doublePaidOrders),
    'webhooked orders not paid': String(ledger.webhookedNotPaid),
    'paid orders: in the database / confirmed over HTTP': `${ledger.paidOrdersInDb} / ${f.paid}`,
    'duplicate webhooks: sent / customer view changed / applied twice': `${f.duplicatedOrders.length} / ${f.duplicatesChanged} / ${ledger.duplicatesApplied}`,
  };
}

export async function benchCheckout(): Promise<Record<string, string>> {
  const load1 = loadavg()[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-checkout-bench-'));
  try {
    const t = await runTerminal(dataDir);
    const { n, figures: f } = t;
    // The server has stopped: the file holds everything it committed.
    const { plenty, scarce } = products(n);
    const ledger = readLedger(
      join(dataDir, 'cartstation.db'),
      [plenty, scarce].map((p) => ({ sku: p.sku, initialStock: p.stock })),
      f.paidOrders,
      f.duplicatedOrders,
    );
    const bare = await runBaseline(n);
    return {
      flow: `${n} customers, ${WORKERS} at a time: add → checkout → payOS link → signed webhook`,
      'machine load average (1 min) before the run': `${load1.toFixed(2)} on 2 cores`,
      'setup (not timed): customers registered, signed in, with an address': `${n} in ${t.setupSeconds.toFixed(1)} s`,
      'checkouts/s (paid flows)': `${rate(f).toFixed(1)} (${count(f)})`,
      'flow latency (add → webhook answered)': `${spread(f.flow)}, max ${ms(f.flow.at(-1) ?? NaN)}`,
      'checkout request alone': spread(f.checkout),
      'add to cart (1–2 lines)': spread(f.add),
      'payment link (terminal → payOS fake)': spread(f.payment),
      'webhook (payOS fake → terminal, answered)': `${spread(f.webhook)}, max ${ms(f.webhook.at(-1) ?? NaN)}`,
      '409 at checkout (lost the race for the last units)': String(f.conflicts),
      'scarce line refused at add (sold out; bought the rest)': String(f.refusedAtAdd),
      errors: f.errors ? `${f.errors} (first: ${f.firstError})` : '0',
      'terminal CPU / RSS (timed window)': `${t.server.cpuPercent.toFixed(0)} % of one core / ${t.server.peakRssMiB.toFixed(0)} MiB peak`,
      'load + payOS fake CPU (this process)': `${t.loader.cpuPercent.toFixed(0)} % of one core`,
      ...consistency(n, ledger, f),
      'baseline: bare Fastify + SQLite, same flow and load': `${rate(bare).toFixed(1)} checkouts/s (${count(bare)}; ${bare.conflicts} × 409, ${bare.errors} errors)`,
      'baseline: flow / checkout / webhook': `${spread(bare.flow)} / ${spread(bare.checkout)} / ${spread(bare.webhook)}`,
      'ratio checkouts/s terminal / baseline': (rate(f) / rate(bare)).toFixed(2),
      'ratio flow p50 terminal / baseline': (pct(f.flow, 50) / pct(bare.flow, 50)).toFixed(1),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
