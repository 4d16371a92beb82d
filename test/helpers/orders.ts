import type { TestServer } from './test-server.ts';

/** Registers a customer with a default address; returns their token and address id. */
export async function customerWithAddress(server: TestServer, n: number | string) {
  const email = `buyer-${n}@example.com`;
  await server.request('POST', '/users/register', {
    body: { name: `Khách ${n}`, email, password: 'buyer-123456' },
  });
  const token = await server.login(email, 'buyer-123456');
  const address = await server.request('POST', '/user/addresses', {
    token,
    body: { address_line1: `${n} Lê Lợi`, city: 'Huế', phone_number: '0912345678' },
  });
  return { token, addressId: address.body.data.id as number };
}

/**
 * A sale order placed through seed 002's cart and checkout (demo product 1: 65 000 đ each);
 * returns its local id and number.
 */
export async function placeSaleOrder(
  server: TestServer,
  buyer: { token: string; addressId: number },
  quantity = 1,
) {
  const added = await server.request('POST', '/store/cart/items', {
    token: buyer.token,
    body: { product_id: 1, quantity, transaction_type: 'buy' },
  });
  if (added.status !== 200 && added.status !== 201) throw new Error(added.text);
  const res = await server.request('POST', '/store/order/checkout', {
    token: buyer.token,
    body: { address_id: buyer.addressId, payment_method: 'cod' },
  });
  if (res.status !== 200) throw new Error(`checkout failed: ${res.status} ${res.text}`);
  return {
    id: res.body.data.buy_order_id as number,
    number: res.body.data.buy_order_number as string,
  };
}
