import { deliver } from '#test/fakes/loopback-server';
import type { PayosGatewayFake } from '#test/fakes/payos-gateway.fake';
import { inPool } from './cart-load.ts';
import type { Shop } from './checkout-load.ts';

// The two shops the checkout benchmark drives: the terminal over its HTTP API, and the bare
// baseline.

interface Answer<T> {
  status: number;
  text: string;
  body: T;
}

async function call<T = unknown>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  token?: string,
): Promise<Answer<T>> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000), // a stuck request ends the flow, not the run
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : {}) as T };
}

function expect<T>(a: Answer<T>, what: string, ...statuses: number[]): T {
  if (!statuses.includes(a.status)) throw new Error(`${what}: ${a.status} ${a.text.slice(0, 200)}`);
  return a.body;
}

type IdAnswer = { data: { id: number } };

export interface TerminalSetup {
  admin: { email: string; password: string };
  /** At most this many customers, registered until `seconds` have passed. */
  customers: number;
  seconds: number;
  /** The two products, given how many customers were registered. */
  products(n: number): Record<'plenty' | 'scarce', { sku: string; price: number; stock: number }>;
}

export type PreparedTerminal = Awaited<ReturnType<typeof prepareTerminal>>;

/** Customers with an address, and the two products; before the clock starts. */
export async function prepareTerminal(base: string, o: TerminalSetup) {
  const deadline = performance.now() + o.seconds * 1000;
  const login = async (identifier: string, password: string) =>
    expect(
      await call<{ access_token: string }>('POST', `${base}/auth/login`, { identifier, password }),
      'login',
      200,
    ).access_token;
  const admin = await login(o.admin.email, o.admin.password);
  const product = async (sku: string, price: number, stock: number) =>
    expect(
      await call<IdAnswer>(
        'POST',
        `${base}/admin/products`,
        { name: `Bench ${sku}`, category_id: 1, variants: [{ sku, price, stock }] },
        admin,
      ),
      'create product',
      200,
      201,
    ).data.id;
  const customers: { token: string; addressId: number }[] = [];
  // argon2 makes registering and logging in the slow part: a small pool keeps it steady.
  // Customers are taken in order, so those registered by the deadline are 0 … n − 1.
  await inPool(
    Array.from({ length: o.customers }, (_, i) => i),
    4,
    async (i) => {
      if (performance.now() > deadline) return;
      const email = `buyer${i}@bench.test`;
      const password = 'bench-pass-1';
      const reg = await call('POST', `${base}/users/register`, {
        name: `Buyer ${i}`,
        email,
        password,
      });
      expect(reg, 'register', 201);
      const token = await login(email, password);
      const address = { address_line1: `${i} Lê Lợi`, city: 'Huế', phone_number: '0912345678' };
      const made = await call<IdAnswer>('POST', `${base}/user/addresses`, address, token);
      customers[i] = { token, addressId: expect(made, 'address', 200, 201).data.id };
    },
  );
  const wanted = o.products(customers.length);
  const products = {
    plenty: await product(wanted.plenty.sku, wanted.plenty.price, wanted.plenty.stock),
    scarce: await product(wanted.scarce.sku, wanted.scarce.price, wanted.scarce.stock),
  };
  return { products, customers };
}

/** The terminal's own API, and payOS (the fake) sending each order's webhook. */
export function terminalShop(
  base: string,
  gateway: PayosGatewayFake,
  prepared: PreparedTerminal,
): Shop {
  const { products, customers } = prepared;
  const webhookUrl = `${base}/api/v1/payments/payos/webhook`;
  return {
    async add(i, which) {
      const body = { product_id: products[which], quantity: 1, transaction_type: 'buy' };
      const a = await call('POST', `${base}/store/cart/items`, body, customers[i]!.token);
      if (a.status === 400 && which === 'scarce' && /stock/i.test(a.text)) return 'out-of-stock';
      expect(a, 'add to cart', 200, 201);
      return 'ok';
    },
    async checkout(i) {
      const { token, addressId } = customers[i]!;
      const body = { address_id: addressId, payment_method: 'cod' };
      const a = await call<{ data: { buy_order_id: number } }>(
        'POST',
        `${base}/store/order/checkout`,
        body,
        token,
      );
      if (a.status === 409) return 'conflict';
      return expect(a, 'checkout', 200).data.buy_order_id;
    },
    async startPayment(i, orderId) {
      const a = await call<{ data: { gateway_order_code: number; amount: number } }>(
        'POST',
        `${base}/api/v1/orders/${orderId}/payments`,
        { method: 'payos' },
        customers[i]!.token,
      );
      const { data } = expect(a, 'start payment', 201);
      return { code: data.gateway_order_code, amount: data.amount };
    },
    async confirm(code) {
      const hook = await gateway.pay(code);
      if (hook.status !== 200) throw new Error(`webhook: ${hook.status} ${String(hook.body)}`);
      // The same signed body, byte for byte: what payOS sends when it retries.
      return async () => {
        const again = await deliver(webhookUrl, { method: 'POST', json: hook.sent });
        if (again.status !== 200) throw new Error(`duplicate webhook: ${again.status}`);
      };
    },
    async payments(i, orderId) {
      const url = `${base}/api/v1/orders/${orderId}/payments`;
      const a = await call('GET', url, undefined, customers[i]!.token);
      return JSON.stringify(expect(a, 'payments', 200));
    },
  };
}

/** bare-checkout-server.mjs: the same four requests; the load posts the webhooks itself. */
export function bareShop(base: string): Shop {
  let reference = 0;
  return {
    async add(i, which) {
      const body = { user: i, variant: which === 'plenty' ? 1 : 2, quantity: 1 };
      const a = await call('POST', `${base}/cart`, body);
      if (a.status === 400) return 'out-of-stock';
      expect(a, 'add to cart', 201);
      return 'ok';
    },
    async checkout(i) {
      const a = await call<{ order_id: number }>('POST', `${base}/checkout`, { user: i });
      if (a.status === 409) return 'conflict';
      return expect(a, 'checkout', 200).order_id;
    },
    async startPayment(_i, orderId) {
      const a = await call<{ code: number; amount: number }>(
        'POST',
        `${base}/orders/${orderId}/payments`,
        {},
      );
      return expect(a, 'start payment', 201);
    },
    async confirm(code, amount) {
      const body = { code, amount, reference: `FT${++reference}` };
      expect(await call('POST', `${base}/webhook`, body), 'webhook', 200);
      return async () => void expect(await call('POST', `${base}/webhook`, body), 'again', 200);
    },
    async payments(_i, orderId) {
      return (await call('GET', `${base}/orders/${orderId}/payments`)).text;
    },
  };
}
