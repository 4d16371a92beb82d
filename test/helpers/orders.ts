import type { TestServer } from './test-server.ts';

/** Registers a customer, signs in and adds their (default) address. */
export async function registerWithAddress(
  server: TestServer,
  who: { name: string; email: string; password: string; street: string },
) {
  const reg = await server.request('POST', '/users/register', {
    body: { name: who.name, email: who.email, password: who.password },
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const token = await server.login(who.email, who.password);
  const address = await server.request('POST', '/user/addresses', {
    token,
    body: { address_line1: who.street, city: 'Huế', phone_number: '0912345678' },
  });
  if (address.status >= 300) throw new Error(`address failed: ${address.status} ${address.text}`);
  return { token, addressId: address.body.data.id as number };
}

/** Customer number `n` with a default address; returns their token and address id. */
export const customerWithAddress = (server: TestServer, n: number | string) =>
  registerWithAddress(server, {
    name: `Khách ${n}`,
    email: `buyer-${n}@example.com`,
    password: 'buyer-123456',
    street: `${n} Lê Lợi`,
  });

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
