import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
});
afterAll(() => server.stop());

const address = {
  fullName: 'Nguyễn Văn A',
  phone: '0901234567',
  address: '123 Đường ABC',
  ward: 'Phường 1',
  district: 'Quận 1',
  city: 'TP. Hồ Chí Minh',
  note: 'Giao vào giờ hành chính',
};

// Demo product 1, variant 1: 65 000 đ.
const item = (extra = {}) => ({ productId: '1', variantId: '1', quantity: 2, ...extra });

describe('POST /api/checkout (seed 003)', () => {
  it('recomputes every price and fee, ignoring what the client sent', async () => {
    const res = await server.request('POST', '/api/checkout', {
      body: {
        guestEmail: 'customer@email.com',
        items: [item({ price: 1, name: 'cheap?' })],
        shippingAddress: address,
        shippingMethod: 'standard',
        upsellServices: {
          vacuumSealing: true,
          isGiftWrapped: true,
          giftWrapFee: 1,
          expressShipping: false,
        },
        paymentDetails: { method: 'cod' },
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      data: {
        orderId: expect.stringMatching(/^ORD-\d{10}-\d{4}$/),
        message: 'Đơn hàng đã được tạo thành công',
        order: {
          status: 'pending',
          subtotal: 130_000,
          upsellTotal: 50_000, // vacuum sealing 20 000 + gift wrap 30 000
          shippingFee: 30_000,
          total: 210_000,
          itemCount: 2,
          paymentMethod: 'cod',
        },
      },
    });
    expect(res.body.data.order.id).toBe(res.body.data.orderId);
  });

  it('refuses bad input with success:false and writes nothing', async () => {
    const before = countRows(server, 'orders');
    const cases: [object, string][] = [
      [
        { items: [item()], shippingAddress: address, paymentDetails: { method: 'cod' } },
        'guestEmail',
      ],
      [
        {
          guestEmail: 'a@b.vn',
          items: [item({ variantId: '999' })],
          shippingAddress: address,
          paymentDetails: { method: 'cod' },
        },
        'items.0.variantId',
      ],
      [
        {
          guestEmail: 'a@b.vn',
          items: [item()],
          shippingAddress: { ...address, phone: '123' },
          paymentDetails: { method: 'cod' },
        },
        'shippingAddress.phone',
      ],
      [
        {
          guestEmail: 'a@b.vn',
          items: [],
          shippingAddress: address,
          paymentDetails: { method: 'cod' },
        },
        'items',
      ],
      [
        {
          guestEmail: 'a@b.vn',
          items: [item({ quantity: 0 })],
          shippingAddress: address,
          paymentDetails: { method: 'cod' },
        },
        'items.0.quantity',
      ],
      [
        {
          guestEmail: 'a@b.vn',
          items: [item()],
          shippingAddress: address,
          paymentDetails: { method: 'bitcoin' },
        },
        'paymentDetails.method',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await server.request('POST', '/api/checkout', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ success: false, field });
    }
    const tooMany = await server.request('POST', '/api/checkout', {
      body: {
        guestEmail: 'a@b.vn',
        items: [item({ quantity: 999 })],
        shippingAddress: address,
        paymentDetails: { method: 'cod' },
      },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.success).toBe(false);
    expect(countRows(server, 'orders')).toBe(before);
  });
});
