import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  token = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server.stop());

const variant = (sku: string, extra = {}) => ({ sku, price: 50_000, stock: 10, ...extra });

async function create(name: string, variants: object[]) {
  const res = await server.request('POST', '/admin/products', {
    token,
    body: { name, category_id: 1, variants },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.data.id as number;
}

const detail = async (id: number) =>
  (await server.request('GET', `/admin/products/${id}`, { token })).body.data;

describe('PATCH /admin/products variants', () => {
  it('keeps the fields a listed variant leaves out', async () => {
    const id = await create('Bánh mì que', [
      variant('BMQ-1', {
        condition: 'Used',
        maintenance_stock: 2,
        cost: 30_000,
        weight_grams: 200,
      }),
    ]);
    const [v] = (await detail(id)).variants;
    const res = await server.request('PATCH', `/admin/products/${id}`, {
      token,
      body: { variants: [{ id: v.id, sku: 'BMQ-1', price: 55_000, stock: 12 }] },
    });
    expect(res.status, res.text).toBe(200);
    const [after] = (await detail(id)).variants;
    expect(after).toMatchObject({
      price: 55_000,
      stock: 12,
      condition: 'Used',
      maintenance_stock: 2,
      cost: 30_000,
      weight_grams: 200,
    });
  });

  it('brings back a retired variant when its SKU is listed again', async () => {
    const id = await create('Bánh quy bơ', [variant('BQB-1'), variant('BQB-2', { price: 70_000 })]);
    const [first, second] = (await detail(id)).variants;
    const retire = await server.request('PATCH', `/admin/products/${id}`, {
      token,
      body: { variants: [{ id: first.id, sku: 'BQB-1', price: 50_000, stock: 10 }] },
    });
    expect(retire.status).toBe(200);
    expect((await detail(id)).variants).toHaveLength(1);
    expect((await detail(id)).list_price).toBe(50_000);

    const revive = await server.request('PATCH', `/admin/products/${id}`, {
      token,
      body: {
        variants: [
          { id: first.id, sku: 'BQB-1', price: 50_000, stock: 10 },
          { sku: 'BQB-2', price: 40_000, stock: 3 },
        ],
      },
    });
    expect(revive.status, revive.text).toBe(200);
    const variants = (await detail(id)).variants;
    expect(variants.map((v: { id: number }) => v.id).sort()).toEqual([first.id, second.id].sort());
    // List prices follow the cheapest live variant.
    const list = await server.request('GET', `/store/products/${id}/detail`);
    expect(list.body.data.price).toBe(40_000);

    // Another product still can't take a SKU that belongs to this one.
    const other = await server.request('POST', '/admin/products', {
      token,
      body: { name: 'Bánh khác', category_id: 1, variants: [variant('BQB-2')] },
    });
    expect(other.status).toBe(400);
    expect(other.body.field).toBe('variants.0.sku');
  });
});
