import { expect } from 'vitest';
import type { TestServer } from '#test/helpers/test-server';

export interface PlacedOrders {
  customerToken: string;
  sale: { id: number; number: string };
  rental: { id: number; number: string };
}

/**
 * A customer who checks out one cart: 3 × the demo's Robusta coffee bought (a sale order,
 * 195 000 ₫) and one bike rented for 3 days (a rental order). Everything through the API.
 */
export async function placeOrders(
  server: TestServer,
  adminToken: string,
  customer: { name: string; email: string; password: string },
): Promise<PlacedOrders> {
  const reg = await server.request('POST', '/users/register', { body: customer });
  expect(reg.status, reg.text).toBe(201);
  const token = await server.login(customer.email, customer.password);
  const address = await server.request('POST', '/user/addresses', {
    token,
    body: { address_line1: '9 Hùng Vương', city: 'Huế', phone_number: '0912345678' },
  });
  expect(address.status, address.text).toBeLessThan(300);

  const bike = await server.request('POST', '/admin/products', {
    token: adminToken,
    body: {
      name: `Xe đạp thuê ${customer.email}`,
      category_id: 1,
      variants: [
        {
          sku: `BIKE-${customer.email}`,
          price: 3_000_000,
          stock: 5,
          is_rentable: true,
          rent_price: 50_000,
          deposit: 1_000_000,
        },
      ],
    },
  });
  expect(bike.status, bike.text).toBeLessThan(300);

  const lines = [
    { product_id: 1, quantity: 3, transaction_type: 'buy' },
    { product_id: bike.body.data.id, quantity: 1, transaction_type: 'rent', rental_days: 3 },
  ];
  for (const body of lines) {
    const added = await server.request('POST', '/store/cart/items', { token, body });
    expect(added.status, added.text).toBe(200);
  }
  const placed = await server.request('POST', '/store/order/checkout', {
    token,
    body: { address_id: address.body.data.id, payment_method: 'cod' },
  });
  expect(placed.status, placed.text).toBe(200);
  const d = placed.body.data;
  return {
    customerToken: token,
    sale: { id: d.buy_order_id, number: d.buy_order_number },
    rental: { id: d.rent_order_id, number: d.rent_order_number },
  };
}

export async function orderDetail(
  server: TestServer,
  adminToken: string,
  id: number,
  type: 'sale' | 'rental',
) {
  const res = await server.request('GET', `/admin/orders/${id}?type=${type}`, {
    token: adminToken,
  });
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}
