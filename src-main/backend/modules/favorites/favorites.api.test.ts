import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let token: string;
let products: { id: string; name: string }[];

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  await server.request('POST', '/users/register', {
    body: { name: 'Lan', email: 'lan@example.com', password: 'lan-123456' },
  });
  token = await server.login('lan@example.com', 'lan-123456');
  products = (await server.request('GET', '/products?limit=3&sort=name')).body.data;
});
afterAll(() => server.stop());

describe('/api/v1/favorites', () => {
  it('adds by UUID or id, lists newest first, and removes', async () => {
    const first = await server.request('POST', '/api/v1/favorites', {
      token,
      body: { product_id: products[0]!.id },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'success', code: 201, data: { added: true } });
    const numericId = first.body.data.product_id as number;

    const again = await server.request('POST', '/api/v1/favorites', {
      token,
      body: { product_id: numericId },
    });
    expect(again.body.data.added).toBe(false);
    await server.request('POST', '/api/v1/favorites', {
      token,
      body: { product_id: products[1]!.id },
    });

    const list = await server.request('GET', '/api/v1/favorites', { token });
    expect(list.status).toBe(200);
    expect(list.body.pagination).toEqual({
      total_items: 2,
      total_pages: 1,
      current_page: 1,
      limit: 20,
    });
    expect(list.body.data.map((f: { name: string }) => f.name)).toEqual([
      products[1]!.name,
      products[0]!.name,
    ]);

    const removed = await server.request('DELETE', `/api/v1/favorites/${numericId}`, { token });
    expect(removed.status).toBe(200);
    const gone = await server.request('DELETE', `/api/v1/favorites/${numericId}`, { token });
    expect(gone.status).toBe(404);
    expect((await server.request('GET', '/api/v1/favorites', { token })).body.data).toHaveLength(1);
  });

  it('refuses anonymous callers, unknown products and wrong types without writing', async () => {
    const before = countRows(server, 'favorites');
    expect((await server.request('GET', '/api/v1/favorites')).status).toBe(401);
    const unknown = await server.request('POST', '/api/v1/favorites', {
      token,
      body: { product_id: 999_999 },
    });
    expect(unknown.status).toBe(404);
    const wrongType = await server.request('POST', '/api/v1/favorites', {
      token,
      body: { product_id: true },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.field).toBe('product_id');
    const missing = await server.request('POST', '/api/v1/favorites', { token, body: {} });
    expect(missing.status).toBe(400);
    expect(countRows(server, 'favorites')).toBe(before);
  });
});
