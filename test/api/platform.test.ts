import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// What every terminal serves besides the domain routes: health, OpenAPI, docs, metrics,
// security headers, CORS for the store's LAN, the staff status page, and the demo store.

let server: TestServer;
let adminToken: string;
let customerToken: string;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.login(ADMIN.email, ADMIN.password);
  const reg = await server.request('POST', '/users/register', {
    body: { name: 'Khách Nền Tảng', email: 'platform@example.com', password: 'platform-pw' },
  });
  expect(reg.status).toBe(201);
  customerToken = await server.login('platform@example.com', 'platform-pw');
});
afterAll(() => server.stop());

const HEALTH = {
  status: 'ok',
  version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  uptime_seconds: expect.any(Number),
  database: { reachable: true },
  migrations: { applied: expect.any(Number), expected: expect.any(Number), current: true },
};

describe('health', () => {
  it('GET /health answers 200 with database and migration status', async () => {
    const res = await server.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(HEALTH);
    expect(res.body.migrations.applied).toBe(res.body.migrations.expected);
    expect(res.body.migrations.applied).toBeGreaterThan(0);
    expect(res.body.version).toBe(server.backend.version);
  });

  it('GET /api/v1/health answers the same in the { status, code, data } envelope', async () => {
    const res = await server.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'success', code: 200, data: HEALTH });
  });
});

describe('route schemas', () => {
  it('all compile (in the background after start), so none can fail on first use', async () => {
    await expect(server.backend.schemasCompiled()).resolves.toBeUndefined();
  });
});

describe('OpenAPI and docs', () => {
  it('GET /openapi.json is OpenAPI 3.1 and lists the documented routes', async () => {
    const res = await server.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    expect(res.body.info.version).toBe(server.backend.version);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/users/register',
      '/users/login',
      '/users/me',
      '/users/{userId}/role',
      '/auth/login',
      '/health',
      '/api/v1/health',
      '/api/v1/status',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths).not.toContain('/metrics');
    expect(paths).not.toContain('/openapi.json');
    expect(res.body.paths['/users/{userId}/role'].patch).toBeDefined();
    expect(res.body.paths['/users/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('GET /docs serves the Swagger UI as HTML (following redirects)', async () => {
    const res = await fetch(`${server.url}/docs`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/swagger/i);
  });
});

describe('metrics', () => {
  it('GET /metrics is Prometheus text with a latency histogram labelled by route pattern', async () => {
    expect((await server.request('GET', '/users/me', { token: customerToken })).status).toBe(200);
    await server.request('PATCH', '/users/01900000-0000-7000-8000-000000000abc/role', {
      token: adminToken,
      body: { role: 'admin' },
    });
    await server.request('GET', '/no-such-page-12345');

    const res = await server.request('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^# HELP cartstation_http_request_duration_seconds /m);
    expect(res.text).toMatch(/^# TYPE cartstation_http_request_duration_seconds histogram$/m);
    expect(res.text).toMatch(
      /^cartstation_http_request_duration_seconds_bucket\{[^}]*route="\/users\/me"[^}]*status_code="200"[^}]*\} [1-9]/m,
    );
    expect(res.text).toMatch(/route="\/users\/:userId\/role"/);
    // Raw URLs never become labels: ids in paths would explode the label set.
    expect(res.text).not.toContain('01900000-0000-7000-8000-000000000abc');
    expect(res.text).not.toContain('no-such-page-12345');
    expect(res.text).toMatch(/^cartstation_process_cpu_user_seconds_total /m);
  });
});

describe('security headers', () => {
  it.each([
    ['GET', '/health'],
    ['GET', '/users/me'],
    ['GET', '/no-such-route'],
    ['GET', '/openapi.json'],
  ])('%s %s carries nosniff, a CSP and framing protection', async (method, path) => {
    const res = await server.request(method, path);
    const h = res.headers;
    expect(h.get('x-content-type-options')).toBe('nosniff');
    const csp = h.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(h.get('x-frame-options') !== null || /frame-ancestors/.test(csp)).toBe(true);
    expect(h.get('x-powered-by')).toBeNull();
    // The console runs on plain HTTP on the LAN: HSTS would lock browsers out of it.
    expect(h.get('strict-transport-security')).toBeNull();
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/users/me`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });

  it.each([
    'http://192.168.1.20:5173',
    'http://localhost:5173',
    'http://127.0.0.1:8080',
    'http://10.0.0.5',
    'http://172.16.4.2:8080',
    'https://192.168.0.10',
    'http://cart-01.local',
  ])('allows the LAN origin %s (preflight and request)', async (origin) => {
    const pre = await preflight(origin);
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect((pre.headers.get('access-control-allow-headers') ?? '').toLowerCase()).toContain(
      'authorization',
    );

    const res = await server.request('GET', '/users/me', {
      token: customerToken,
      headers: { origin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('vary') ?? '').toMatch(/origin/i);
  });

  it.each([
    'https://evil.example.com',
    'http://192.168.1.20.evil.example.com',
    'http://localhost.evil.example.com',
    'http://172.32.0.1',
    'http://8.8.8.8',
    'null',
    'file://',
    'ftp://192.168.1.20',
  ])('refuses the origin %s (no Access-Control-Allow-Origin)', async (origin) => {
    const pre = await preflight(origin);
    expect(pre.status).toBeLessThan(500);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();

    const res = await server.request('GET', '/users/me', {
      token: customerToken,
      headers: { origin },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('GET /api/v1/status', () => {
  it('answers 401 without a token', async () => {
    expectErrorBody(await server.request('GET', '/api/v1/status'), {
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('answers 403 to a customer', async () => {
    const res = await server.request('GET', '/api/v1/status', { token: customerToken });
    expectErrorBody(res, { status: 403, code: 'FORBIDDEN' });
  });

  it('answers 200 to the admin with version, health and counts', async () => {
    const res = await server.request('GET', '/api/v1/status', { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'success', code: 200 });
    const data = res.body.data;
    expect(data).toMatchObject({
      version: server.backend.version,
      started_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      health: HEALTH,
      counts: {
        users: countRows(server, 'users'),
        staff: 1,
        products: 0,
        variants: 0,
        categories: 0,
      },
    });
    expect(data.database_bytes).toBeGreaterThan(0);
  });

  it('answers 200 to other staff roles, read from the account at each request', async () => {
    const db = server.backend.store.db.$client;
    db.prepare(`update users set role = 'order_staff' where email = 'platform@example.com'`).run();
    try {
      const res = await server.request('GET', '/api/v1/status', { token: customerToken });
      expect(res.status).toBe(200);
      expect(res.body.data.counts.staff).toBe(2);
    } finally {
      db.prepare(`update users set role = 'customer' where email = 'platform@example.com'`).run();
    }
    expect((await server.request('GET', '/api/v1/status', { token: customerToken })).status).toBe(
      403,
    );
  });
});

describe('the demo store (CARTSTATION_DEMO=true)', () => {
  let demo: TestServer;
  let dataDir: string;
  const sql = <T>(query: string) => demo.backend.store.db.$client.prepare(query).all() as T[];

  beforeAll(async () => {
    // Our own data directory, so the store can be reopened by a second server below.
    dataDir = mkdtempSync(join(tmpdir(), 'cartstation-demo-'));
    demo = await startTestServer({ env: { CARTSTATION_DEMO: 'true' }, dataDir });
  });
  afterAll(async () => {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds at least 30 products in at least 4 categories', () => {
    expect(countRows(demo, 'products')).toBeGreaterThanOrEqual(30);
    expect(countRows(demo, 'categories')).toBeGreaterThanOrEqual(4);
    const orphans = sql(
      `select p.id from products p left join categories c on c.id = p.category_id where c.id is null`,
    );
    expect(orphans).toEqual([]);
  });

  it('gives every product at least one variant with a valid price and stock', () => {
    const bare = sql<{ name: string }>(
      `select name from products p where not exists (select 1 from product_variants v where v.product_id = p.id)`,
    );
    expect(bare).toEqual([]);
    const bad = sql(`select sku from product_variants where price <= 0 or stock < 0`);
    expect(bad).toEqual([]);
    const ranges = sql<{ name: string }>(
      `select name from products p where min_price != (select min(price) from product_variants where product_id = p.id)
                                      or max_price != (select max(price) from product_variants where product_id = p.id)`,
    );
    expect(ranges).toEqual([]);
  });

  it('names products in Vietnamese, with diacritics, in NFC form', () => {
    const names = sql<{ name: string }>('select name from products').map((r) => r.name);
    const accented = names.filter((n) =>
      /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(n),
    );
    expect(accented.length).toBeGreaterThanOrEqual(Math.ceil(names.length * 0.8));
    expect(names.some((n) => /[àáảãạăâđêôơư]/i.test(n))).toBe(true);
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
  });

  it('serves every product image under /media/demo/ as image/svg+xml', async () => {
    const images = sql<{ url: string }>('select url from product_images');
    expect(images.length).toBeGreaterThanOrEqual(countRows(demo, 'products'));
    for (const { url } of images) {
      expect(url).toMatch(/^\/media\/demo\/[a-z0-9-]+\.svg$/);
      const res = await fetch(demo.url + url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/^image\/svg\+xml/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toMatch(/<svg[\s>]/);
    }
  });

  it.each([
    '/media/demo/..%2f..%2f..%2fpackage.json',
    '/media/demo/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/media/demo/..%5c..%5c..%5cpackage.json',
    '/media/demo/no-such-image.svg',
  ])('does not serve %s', async (path) => {
    const res = await fetch(demo.url + path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toContain('"name": "cartstation"');
  });

  it('reports the catalog in /api/v1/status and does not seed it twice', async () => {
    const token = await demo.login(ADMIN.email, ADMIN.password);
    const counts = { products: 0, variants: 0, categories: 0 };
    const res = await demo.request('GET', '/api/v1/status', { token });
    expect(res.body.data.counts).toMatchObject({
      products: countRows(demo, 'products'),
      variants: countRows(demo, 'product_variants'),
      categories: countRows(demo, 'categories'),
    });
    Object.assign(counts, res.body.data.counts);

    await demo.stop();
    demo = await startTestServer({ env: { CARTSTATION_DEMO: 'true' }, dataDir });
    expect(countRows(demo, 'products')).toBe(counts.products);
    expect(countRows(demo, 'product_variants')).toBe(counts.variants);
    expect(countRows(demo, 'categories')).toBe(counts.categories);
  });
});
