import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#main/backend/lib/paths';
import { buildCatalog, RARE_WORD } from './catalog-fixture.ts';
import { measure } from './http-load.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const root = appRoot();

async function startProcess(args: string[], env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill();
  throw new Error(`process on port ${port} did not start`);
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);

export async function benchCatalog(): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-catalog-bench-'));
  const out: Record<string, string> = {};
  try {
    const fixture = buildCatalog(dataDir, PRODUCTS);
    out['catalog size'] = `${PRODUCTS} products, ${PRODUCTS * 2} variants`;
    out['time to build the catalog (rows)'] = `${fixture.buildSeconds.toFixed(1)} s`;
    out['time to build the search index'] = `${fixture.indexSeconds.toFixed(1)} s`;
    out['database size'] = `${(fixture.databaseBytes / 1024 / 1024).toFixed(1)} MiB`;

    const bare = await startProcess(
      [join(root, 'test/bench/bare-server.mjs')],
      { DB_FILE: join(dataDir, 'cartstation.db') },
      18_801,
    );
    const app = await startProcess(
      [join(root, 'dist/main/backend/standalone.js')],
      { CARTSTATION_DATA_DIR: dataDir, CARTSTATION_DEMO: 'false', CARTSTATION_RATE_LIMIT: '0' },
      18_802,
    );
    try {
      const anyProduct = (await (await fetch('http://127.0.0.1:18802/products?page=7')).json()) as {
        data: { id: string }[];
      };
      const productId = anyProduct.data[0]!.id;
      const base = 'http://127.0.0.1:18802';
      const cases: [string, string, string][] = [
        ['GET /products?page=1', `${base}/products?page=1`, 'http://127.0.0.1:18801/bare?page=1'],
        [
          'GET /products?page=2000',
          `${base}/products?page=2000`,
          'http://127.0.0.1:18801/bare?page=2000',
        ],
        ['GET /products/search?q=ca phe', `${base}/products/search?q=ca%20phe`, ''],
        [
          `GET /products/search?q=${RARE_WORD} (rare)`,
          `${base}/products/search?q=${encodeURIComponent('sau rieng')}`,
          '',
        ],
        ['GET /products/{id}', `${base}/products/${productId}`, ''],
        [
          'GET /api/products (category, price, tags, sort)',
          `${base}/api/products?category=ca-phe&minPrice=100000&maxPrice=400000&tags=${encodeURIComponent('Bán chạy')}&sort=price_asc&page=3`,
          '',
        ],
      ];
      const bareFigures = await measure('http://127.0.0.1:18801/bare?page=1');
      out['baseline: bare Fastify + one indexed query, page of 20'] =
        `${fmt(bareFigures.maxRps)} req/s max; at 1000/s p50 ${fmt(bareFigures.p50AtRate)} ms, p99 ${fmt(bareFigures.p99AtRate)} ms`;
      const bareDeep = await measure('http://127.0.0.1:18801/bare?page=2000');
      out['baseline: bare Fastify, OFFSET page 2000'] = `${fmt(bareDeep.maxRps)} req/s max`;
      for (const [name, url] of cases) {
        const f = await measure(url);
        out[name] =
          `${fmt(f.maxRps)} req/s max (${(f.maxRps / bareFigures.maxRps).toFixed(2)}× bare); ` +
          `at 1000/s p50 ${fmt(f.p50AtRate)} ms, p99 ${fmt(f.p99AtRate)} ms` +
          (f.errors ? `; ${f.errors} errors` : '');
      }
    } finally {
      await stop(app);
      await stop(bare);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
