import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
});
afterAll(() => server.stop());

describe('POST /api/cart (seed 003)', () => {
  it('keeps a guest cart by sessionId with price snapshots and totals', async () => {
    const sessionId = 'guest-session-0001';
    const first = await server.request('POST', '/api/cart', {
      body: { productId: '1', variantId: '1', quantity: 2, sessionId },
    });
    expect(first.status, first.text).toBe(200);
    const again = await server.request('POST', '/api/cart', {
      body: { productId: '1', variantId: 'v1', quantity: 1, sessionId },
    });
    expect(again.body).toMatchObject({
      success: true,
      data: {
        cart: {
          sessionId,
          items: [
            {
              productId: '1',
              variantId: '1',
              name: 'Cà phê Robusta Buôn Ma Thuột',
              size: '250g',
              price: 65_000,
              quantity: 3,
            },
          ],
          subtotal: 195_000,
          shippingFee: 30_000,
          total: 225_000,
        },
        totals: {
          subtotal: 195_000,
          upsellTotal: 0,
          shippingFee: 30_000,
          total: 225_000,
          itemCount: 3,
        },
      },
    });
    // Another guest has another cart.
    const other = await server.request('POST', '/api/cart', {
      body: { productId: '2', variantId: '4', quantity: 1, sessionId: 'guest-session-0002' },
    });
    expect(other.body.data.totals.itemCount).toBe(1);
  });

  it('takes seed 003\'s own variant id form ("v1-2") and answers in it', async () => {
    const res = await server.request('POST', '/api/cart', {
      body: { productId: '1', variantId: 'v1-2', quantity: 2, sessionId: 'guest-session-v12' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.cart.items).toEqual([
      expect.objectContaining({ productId: '1', variantId: 'v1-2', quantity: 2 }),
    ]);
    // Another product's variant under product 1's name is not product 1's variant.
    const wrong = await server.request('POST', '/api/cart', {
      body: { productId: '2', variantId: 'v1-2', quantity: 1, sessionId: 'guest-session-v12' },
    });
    expect(wrong.status).toBe(404);
  });

  it('checks stock and input, writing nothing when refused', async () => {
    const before = countRows(server, 'cart_items');
    const cases: [object, number, string | undefined][] = [
      [
        { productId: '1', variantId: '999', quantity: 1, sessionId: 'guest-session-0003' },
        404,
        undefined,
      ],
      [
        { productId: '1', variantId: '1', quantity: 500, sessionId: 'guest-session-0003' },
        400,
        'quantity',
      ],
      [
        { productId: '1', variantId: '1', quantity: 0, sessionId: 'guest-session-0003' },
        400,
        'quantity',
      ],
      [
        { productId: 1, variantId: '1', quantity: 1, sessionId: 'guest-session-0003' },
        400,
        'productId',
      ],
    ];
    for (const [body, status, field] of cases) {
      const res = await server.request('POST', '/api/cart', { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.success).toBe(false);
      if (field) expect(res.body.field).toBe(field);
    }
    expect(countRows(server, 'cart_items')).toBe(before);
  });
});
