import { expect } from 'vitest';
import { registerWithAddress } from './orders.ts';
import { ADMIN, type TestServer } from './test-server.ts';

export interface Shopper {
  email: string;
  password: string;
  addressId: number;
  /** A fresh access token (tokens last a day, and these tests move the clock by days). */
  token(): Promise<string>;
}

/** The calls the order tests keep making: customers, products, orders, staff tokens. */
export function orderApi(server: TestServer) {
  let made = 0;
  const admin = () => server.login(ADMIN.email, ADMIN.password);

  return {
    admin,

    async customer(name: string): Promise<Shopper & { id: number }> {
      const email = `order-customer-${++made}@example.com`;
      const password = 'khach-123456';
      const { addressId } = await registerWithAddress(server, {
        name,
        email,
        password,
        street: `${made} Lê Lợi`,
      });
      const token = () => server.login(email, password);
      const id = server.backend.store.db.$client
        .prepare('select id from users where email = ?')
        .pluck()
        .get(email) as number;
      return { id, email, password, addressId, token };
    },

    /** A product with one variant; `rent` makes it rentable at that price per day. */
    async product(
      name: string,
      o: { price: number; stock: number; rent?: number; deposit?: number },
    ): Promise<{ productId: number; sku: string }> {
      const sku = `SKU-${name.replaceAll(' ', '-')}`;
      const rent = o.rent ? { is_rentable: true, rent_price: o.rent, deposit: o.deposit ?? 0 } : {};
      const res = await server.request('POST', '/admin/products', {
        token: await admin(),
        body: {
          name,
          category_id: 1,
          variants: [{ sku, price: o.price, stock: o.stock, ...rent }],
        },
      });
      expect(res.status, res.text).toBeLessThan(300);
      return { productId: res.body.data.id, sku };
    },

    /** Puts the lines in the customer's cart and checks out; returns the order ids. */
    async order(
      who: Shopper,
      lines: { productId: number; quantity: number; rentalDays?: number }[],
    ): Promise<{ sale: number | null; rental: number | null }> {
      const token = await who.token();
      for (const l of lines) {
        const res = await server.request('POST', '/store/cart/items', {
          token,
          body: {
            product_id: l.productId,
            quantity: l.quantity,
            transaction_type: l.rentalDays ? 'rent' : 'buy',
            ...(l.rentalDays ? { rental_days: l.rentalDays } : {}),
          },
        });
        expect(res.status, res.text).toBeLessThan(300);
      }
      const placed = await server.request('POST', '/store/order/checkout', {
        token,
        body: { address_id: who.addressId, payment_method: 'cod' },
      });
      expect(placed.status, placed.text).toBe(200);
      return { sale: placed.body.data.buy_order_id, rental: placed.body.data.rent_order_id };
    },

    stockOf: (sku: string) =>
      server.backend.store.db.$client
        .prepare('select stock from product_variants where sku = ?')
        .pluck()
        .get(sku) as number,

    /** The order row as stored. */
    row: (id: number) =>
      server.backend.store.db.$client
        .prepare('select * from orders where id = ?')
        .get(id) as Record<string, unknown>,

    events: (id: number) =>
      server.backend.store.db.$client
        .prepare('select * from order_events where order_id = ? order by id')
        .all(id) as Record<string, unknown>[],

    async detail(id: number, type: 'sale' | 'rental') {
      const res = await server.request('GET', `/admin/orders/${id}?type=${type}`, {
        token: await admin(),
      });
      expect(res.status, res.text).toBe(200);
      return res.body.data;
    },

    async setStatus(id: number, type: 'sale' | 'rental', status: string) {
      return server.request('PATCH', `/admin/orders/${id}/status?type=${type}`, {
        token: await admin(),
        body: { status },
      });
    },
  };
}
