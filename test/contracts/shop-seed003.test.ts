import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '#test/helpers/test-server';
import { dataOf, isNumber, newCustomer, type Customer } from './seed-client.ts';

// Seed 003 (/work/shared/seeds/003_4eb9c7252d82906f.txt) `POST /api/cart` and
// `POST /api/checkout`. Seed 003 gives no way to learn a variant's id (GET /api/products only
// counts variants), so the ids come from the terminal's product detail; they are sent as the
// strings seed 003 types them as.

interface Variant {
  id: string;
  size: string;
  price: number;
  stock: number;
}

let server: TestServer;
/** The variants of demo product "1". */
let variants: Variant[];
let first: Variant;
let second: Variant;
/** The variant with the least stock. */
let scarce: Variant;

beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  const detail = dataOf(await server.request('GET', '/store/products/1/detail'));
  variants = detail.variants.map(
    (v: { variant_id: number; size: string; price: number; stock: number }) => ({
      id: String(v.variant_id),
      size: v.size,
      price: v.price,
      stock: v.stock,
    }),
  );
  expect(variants.length).toBeGreaterThanOrEqual(2);
  [first, second] = variants as [Variant, Variant];
  scarce = variants.reduce((min, v) => (v.stock < min.stock ? v : min));
});
afterAll(() => server?.stop());

async function addToCart(customer: Customer, variant: Variant, quantity: number) {
  return server.request('POST', '/api/cart', {
    token: customer.token,
    body: { productId: '1', variantId: variant.id, quantity },
  });
}

const CART_TOTALS = ['subtotal', 'upsellTotal', 'shippingFee', 'total'];

describe('POST /api/cart', () => {
  it('answers the cart and its totals in the documented shape', async () => {
    const shopper = await newCustomer(server);
    const v = second;
    const res = await addToCart(shopper, v, 2);
    expect(res.status, res.text).toBe(200);
    expect(res.body.success).toBe(true);
    const { cart, totals } = res.body.data;

    expect(cart.items).toHaveLength(1);
    const [item] = cart.items;
    expect(item).toMatchObject({
      productId: '1',
      variantId: v.id,
      size: v.size,
      price: v.price,
      quantity: 2,
    });
    expect(typeof item.name).toBe('string');
    expect(typeof item.image).toBe('string');
    expect(cart.upsellServices).toEqual(
      expect.objectContaining({
        vacuumSealing: expect.any(Boolean),
        giftWrapping: expect.any(Boolean),
        expressShipping: expect.any(Boolean),
      }),
    );
    for (const key of CART_TOTALS) {
      expect(isNumber(cart[key]), `cart.${key}`).toBe(true);
      expect(totals[key], `totals.${key}`).toBe(cart[key]);
    }
    expect(cart.subtotal).toBe(2 * v.price);
    expect(cart.total).toBe(cart.subtotal + cart.upsellTotal + cart.shippingFee);
    // The seed's example: one line of quantity 2 → itemCount 2.
    expect(totals.itemCount).toBe(2);
  });

  it('adds a second variant next to the first; subtotal sums both lines', async () => {
    const shopper = await newCustomer(server);
    const [a, b] = [first, second];
    expect((await addToCart(shopper, a, 1)).status).toBe(200);
    const res = await addToCart(shopper, b, 1);
    expect(res.status, res.text).toBe(200);
    const { cart, totals } = res.body.data;
    expect(cart.items.map((i: { variantId: string }) => i.variantId).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(cart.subtotal).toBe(a.price + b.price);
    expect(totals.itemCount).toBe(2);
  });

  it('"Stock Validation: Check variant stock before adding to cart"', async () => {
    const shopper = await newCustomer(server);
    const res = await addToCart(shopper, scarce, scarce.stock + 1);
    expect(res.status, res.text).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.success).not.toBe(true);
  });

  it('refuses an unknown variant', async () => {
    const shopper = await newCustomer(server);
    const res = await addToCart(shopper, { id: '987654', size: '', price: 0, stock: 1 }, 1);
    expect(res.status, res.text).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.success).not.toBe(true);
  });
});

/** The seed's POST /api/checkout example body, pointed at a real variant. */
function checkoutBody(
  variant: Variant,
  overrides: Record<string, unknown> = {},
  item: { price?: number; quantity?: number } = {},
) {
  return {
    guestEmail: 'customer@email.com',
    items: [
      {
        productId: '1',
        variantId: variant.id,
        name: 'Gấu Bông Teddy',
        size: variant.size,
        price: variant.price,
        quantity: 1,
        image: '/images/teddy-1m2.jpg',
        ...item,
      },
    ],
    shippingAddress: {
      fullName: 'Nguyễn Văn A',
      phone: '0901234567',
      email: 'customer@email.com',
      address: '123 Đường ABC',
      ward: 'Phường 1',
      district: 'Quận 1',
      city: 'TP. Hồ Chí Minh',
      note: 'Giao vào giờ hành chính',
    },
    shippingMethod: 'standard',
    upsellServices: {
      vacuumSealing: true,
      isGiftWrapped: true,
      giftWrapFee: 30000,
      expressShipping: false,
    },
    paymentDetails: { method: 'cod' },
    ...overrides,
  };
}

describe('POST /api/checkout', () => {
  it('creates a pending order and answers the documented shape', async () => {
    const v = second;
    const res = await server.request('POST', '/api/checkout', { body: checkoutBody(v) });
    expect(res.status, res.text).toBe(200);
    expect(res.body.success).toBe(true);
    const { data } = res.body;
    expect(typeof data.orderId).toBe('string');
    expect(data.orderId).toMatch(/^ORD-/);
    expect(data.order.id).toBe(data.orderId);
    expect(data.order.status).toBe('pending');
    expect(data.order.itemCount).toBe(1);
    expect(data.order.paymentMethod).toBe('cod');
    expect(isNumber(data.order.total)).toBe(true);
    expect(data.order.total).toBeGreaterThanOrEqual(v.price);
    expect(Number.isNaN(Date.parse(data.order.estimatedDelivery))).toBe(false);
    expect(Date.parse(data.order.estimatedDelivery)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.message).toBe('Đơn hàng đã được tạo thành công');
  });

  it('"Price Validation: Server always recalculates totals": client prices are ignored', async () => {
    const v = first;
    const honest = await server.request('POST', '/api/checkout', { body: checkoutBody(v) });
    const body = checkoutBody(v, {}, { price: 1 });
    body.upsellServices.giftWrapFee = 0;
    const cheat = await server.request('POST', '/api/checkout', { body });
    expect(honest.status, honest.text).toBe(200);
    expect(cheat.status, cheat.text).toBe(200);
    expect(cheat.body.data.order.total).toBe(honest.body.data.order.total);
    expect(cheat.body.data.orderId).not.toBe(honest.body.data.orderId);
  });

  it('upsell services are charged: the total with them exceeds the total without', async () => {
    const v = first;
    const plain = await server.request('POST', '/api/checkout', {
      body: checkoutBody(v, {
        upsellServices: { vacuumSealing: false, isGiftWrapped: false, expressShipping: false },
      }),
    });
    const wrapped = await server.request('POST', '/api/checkout', { body: checkoutBody(v) });
    expect(plain.status, plain.text).toBe(200);
    expect(wrapped.status, wrapped.text).toBe(200);
    expect(wrapped.body.data.order.total).toBeGreaterThan(plain.body.data.order.total);
  });

  it('a signed-in customer can check out too', async () => {
    const shopper = await newCustomer(server);
    const v = first;
    const res = await server.request('POST', '/api/checkout', {
      token: shopper.token,
      body: checkoutBody(v, { guestEmail: shopper.email }),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.order.status).toBe('pending');
  });

  it('refuses more than the stock, an unknown variant and an empty order', async () => {
    const tooMany = checkoutBody(scarce, {}, { quantity: scarce.stock + 1 });
    const unknown = checkoutBody({ ...scarce, id: '987654' });
    const empty = checkoutBody(scarce, { items: [] });
    for (const body of [tooMany, unknown, empty]) {
      const res = await server.request('POST', '/api/checkout', { body });
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.success).not.toBe(true);
    }
  });
});
