import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import {
  ISO_DATETIME,
  addAddress,
  addToCart,
  checkout,
  createBike,
  dataOf,
  expectError,
  expectMessage,
  expectPage,
  expectSuccess,
  isNumber,
  newCustomer,
  priceOf,
  type Customer,
} from './seed-client.ts';

// Seed 002 `/admin/orders*` and `/admin/customers/{customer_id}/orders`. The orders are placed
// through the seed's own cart and checkout. The list tests run first: the later describes
// place more orders.

interface Row {
  id: string;
  db_id: number;
  type: string;
  customer_name: string;
  created_at: string;
  status: string;
  status_label: string;
  total_amount: number;
}

let server: TestServer;
let admin: string;
let bikeId: number;
let coffeePrice: number;
let arabicaPrice: number;
let an: Customer;
let binh: Customer;
/** An's orders: two sales (1 × product 1; 2 × product 2) and one rental. */
const anOrders: { saleA: number; saleB: number; rental: number; saleANumber: string } = {
  saleA: 0,
  saleB: 0,
  rental: 0,
  saleANumber: '',
};
let binhSale: number;
let binhAddress: number;

const SALE_STATUSES = [
  'Pending',
  'Confirmed',
  'Shipped',
  'Delivered',
  'Cancelled',
  'Cancel Requested',
];

async function page(path: string) {
  const res = await server.request('GET', path, { token: admin });
  return { res, rows: res.body.data as Row[] };
}

async function detail(id: number, type: 'sale' | 'rental') {
  return dataOf(await server.request('GET', `/admin/orders/${id}?type=${type}`, { token: admin }));
}

beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
  bikeId = await createBike(server, admin);
  coffeePrice = await priceOf(server, 1);
  arabicaPrice = await priceOf(server, 2);

  an = await newCustomer(server, 'Nguyễn Văn An');
  const anAddress = await addAddress(server, an);
  await addToCart(server, an, { product_id: 1, quantity: 1, transaction_type: 'buy' });
  await addToCart(server, an, {
    product_id: bikeId,
    quantity: 1,
    transaction_type: 'rent',
    rental_days: 2,
  });
  const first = await checkout(server, an, anAddress);
  anOrders.saleA = first.buy_order_id!;
  anOrders.saleANumber = first.buy_order_number!;
  anOrders.rental = first.rent_order_id!;
  await addToCart(server, an, { product_id: 2, quantity: 2, transaction_type: 'buy' });
  anOrders.saleB = (await checkout(server, an, anAddress)).buy_order_id!;

  binh = await newCustomer(server, 'Trần Thị Bình');
  binhAddress = await addAddress(server, binh);
  await addToCart(server, binh, { product_id: 1, quantity: 3, transaction_type: 'buy' });
  binhSale = (await checkout(server, binh, binhAddress)).buy_order_id!;
});
afterAll(() => server?.stop());

function expectRow(row: Row) {
  expect(typeof row.id).toBe('string');
  expect(isNumber(row.db_id)).toBe(true);
  expect(['sale', 'rental']).toContain(row.type);
  expect(typeof row.customer_name).toBe('string');
  expect(row.created_at).toMatch(ISO_DATETIME);
  expect(typeof row.status).toBe('string');
  expect(typeof row.status_label).toBe('string');
  expect(isNumber(row.total_amount)).toBe(true);
}

describe('admin order routes: access', () => {
  const routes = (): [string, string, object?][] => [
    ['GET', '/admin/orders'],
    ['GET', `/admin/orders/${binhSale}?type=sale`],
    ['PATCH', `/admin/orders/${binhSale}/status?type=sale`, { status: 'Confirmed' }],
    ['POST', `/admin/orders/${binhSale}/request-review?type=sale`, { decision: 'accept' }],
    [
      'POST',
      `/admin/orders/${anOrders.rental}/rental-preparation`,
      { order_item_id: 1, inventory_asset_id: 'ASSET-001', description: 'Xe mới' },
    ],
    ['GET', `/admin/customers/${binh.id}/orders`],
  ];

  it('401 without a token', async () => {
    for (const [method, path, body] of routes()) {
      expectError(await server.request(method, path, { body }), 401);
    }
  });

  it('403 for a customer', async () => {
    for (const [method, path, body] of routes()) {
      expectError(await server.request(method, path, { body, token: binh.token }), 403);
    }
    expect((await detail(binhSale, 'sale')).status).toBe('Pending');
  });
});

describe('GET /admin/orders', () => {
  it('pages every order (sales and rentals) with the documented row fields', async () => {
    const { res, rows } = await page('/admin/orders');
    expectPage(res, { current_page: 1, limit: 10, total_items: 4 });
    rows.forEach(expectRow);
    const byDbId = (type: string, id: number) =>
      rows.find((r) => r.type === type && r.db_id === id);
    expect(byDbId('sale', anOrders.saleA)).toMatchObject({
      id: anOrders.saleANumber,
      customer_name: an.name,
      total_amount: coffeePrice,
    });
    expect(byDbId('sale', anOrders.saleB)).toMatchObject({ total_amount: 2 * arabicaPrice });
    expect(byDbId('sale', binhSale)).toMatchObject({
      customer_name: binh.name,
      total_amount: 3 * coffeePrice,
    });
    expect(byDbId('rental', anOrders.rental)).toMatchObject({ customer_name: an.name });
    for (const row of rows.filter((r) => r.type === 'sale')) {
      expect(SALE_STATUSES).toContain(row.status);
    }
  });

  it('type=sale, type=rental and type=all filter the list', async () => {
    const sales = await page('/admin/orders?type=sale');
    expectPage(sales.res, { current_page: 1, limit: 10, total_items: 3 });
    expect(sales.rows.every((r) => r.type === 'sale')).toBe(true);
    const rentals = await page('/admin/orders?type=rental');
    expectPage(rentals.res, { current_page: 1, limit: 10, total_items: 1 });
    expect(rentals.rows).toMatchObject([{ type: 'rental', db_id: anOrders.rental }]);
    const all = await page('/admin/orders?type=all');
    expectPage(all.res, { current_page: 1, limit: 10, total_items: 4 });
  });

  it('page and limit walk the list without overlap', async () => {
    const one = await page('/admin/orders?page=1&limit=3');
    expectPage(one.res, { current_page: 1, limit: 3, total_items: 4 });
    expect(one.rows).toHaveLength(3);
    expect(one.res.body.pagination.total_pages).toBe(2);
    const two = await page('/admin/orders?page=2&limit=3');
    expectPage(two.res, { current_page: 2, limit: 3, total_items: 4 });
    expect(two.rows).toHaveLength(1);
    const keys = [...one.rows, ...two.rows].map((r) => `${r.type}:${r.db_id}`);
    expect(new Set(keys).size).toBe(4);
  });

  it('search finds orders by customer name and by order id', async () => {
    const byName = await page(`/admin/orders?search=${encodeURIComponent(binh.name)}`);
    expectPage(byName.res, { current_page: 1, limit: 10, total_items: 1 });
    expect(byName.rows).toMatchObject([{ type: 'sale', db_id: binhSale }]);
    const byNumber = await page(`/admin/orders?search=${encodeURIComponent(anOrders.saleANumber)}`);
    expect(byNumber.rows.map((r) => r.db_id)).toContain(anOrders.saleA);
    expect(byNumber.rows.every((r) => r.customer_name === an.name)).toBe(true);
  });
});

describe('GET /admin/customers/{customer_id}/orders', () => {
  it("pages only that customer's orders, with type, page and limit", async () => {
    const mine = await page(`/admin/customers/${an.id}/orders`);
    expectPage(mine.res, { current_page: 1, limit: 10, total_items: 3 });
    mine.rows.forEach(expectRow);
    expect(mine.rows.every((r) => r.customer_name === an.name)).toBe(true);

    const sales = await page(`/admin/customers/${an.id}/orders?type=sale`);
    expectPage(sales.res, { current_page: 1, limit: 10, total_items: 2 });
    expect(sales.rows.map((r) => r.db_id).sort()).toEqual([anOrders.saleA, anOrders.saleB].sort());
    const rentals = await page(`/admin/customers/${an.id}/orders?type=rental`);
    expectPage(rentals.res, { current_page: 1, limit: 10, total_items: 1 });
    expect(rentals.rows).toMatchObject([{ type: 'rental', db_id: anOrders.rental }]);

    const second = await page(`/admin/customers/${an.id}/orders?page=2&limit=2`);
    expectPage(second.res, { current_page: 2, limit: 2, total_items: 3 });
    expect(second.rows).toHaveLength(1);

    const binhs = await page(`/admin/customers/${binh.id}/orders`);
    expectPage(binhs.res, { current_page: 1, limit: 10, total_items: 1 });
    expect(binhs.rows).toMatchObject([{ db_id: binhSale, total_amount: 3 * coffeePrice }]);
  });
});

describe('GET /admin/orders/{order_id}', () => {
  it('answers a sale with the documented fields, lines and totals', async () => {
    const data = await detail(anOrders.saleB, 'sale');
    expect(typeof data.id).toBe('string');
    expect(data.type).toBe('sale');
    expect(data.status).toBe('Pending');
    expect(data.created_at).toMatch(ISO_DATETIME);
    expect(data.customer).toMatchObject({ id: an.id, name: an.name, email: an.email });
    expect(Object.keys(data.customer)).toEqual(
      expect.arrayContaining(['id', 'name', 'phone', 'email', 'avatar']),
    );
    expect(data.items).toHaveLength(1);
    expect(data.items[0]).toMatchObject({
      product_id: 2,
      quantity: 2,
      unit_price: arabicaPrice,
      total_line: 2 * arabicaPrice,
    });
    expect(typeof data.items[0].product_name).toBe('string');
    expect(['string', 'object']).toContain(typeof data.items[0].product_image);
    expect(data.subtotal).toBe(2 * arabicaPrice);
    for (const key of ['freight', 'tax_amt', 'total_due'])
      expect(isNumber(data[key]), key).toBe(true);
    expect(data.total_due).toBe(data.subtotal + data.freight + data.tax_amt);
    expect(data.rental_start).toBeNull();
    expect(data.rental_end).toBeNull();
    for (const key of ['can_cancel', 'can_confirm', 'can_ship', 'can_complete']) {
      expect(typeof data.actions[key], key).toBe('boolean');
    }
  });

  it('answers a rental with type=rental', async () => {
    const data = await detail(anOrders.rental, 'rental');
    expect(data.type).toBe('rental');
    expect(data.customer).toMatchObject({ id: an.id, name: an.name });
    expect(data.items).toMatchObject([{ product_id: bikeId, quantity: 1 }]);
    for (const key of ['subtotal', 'freight', 'tax_amt', 'total_due']) {
      expect(isNumber(data[key]), key).toBe(true);
    }
    for (const key of ['rental_start', 'rental_end']) {
      expect(data[key] === null || ISO_DATETIME.test(data[key]), key).toBe(true);
    }
  });

  it('400 without the required type; 404 for an unknown order', async () => {
    const noType = await server.request('GET', `/admin/orders/${binhSale}`, { token: admin });
    expectError(noType, 400);
    const unknown = await server.request('GET', '/admin/orders/987654?type=sale', { token: admin });
    expectError(unknown, 404);
  });
});

describe('PATCH /admin/orders/{order_id}/status', () => {
  it('"Order status updated to {status}"; the detail and the list follow', async () => {
    const buyer = await newCustomer(server);
    await addToCart(server, buyer, { product_id: 1, quantity: 1, transaction_type: 'buy' });
    const id = (await checkout(server, buyer, await addAddress(server, buyer))).buy_order_id!;
    for (const status of ['Confirmed', 'Shipped']) {
      const res = await server.request('PATCH', `/admin/orders/${id}/status?type=sale`, {
        token: admin,
        body: { status, note: 'Optional note' },
      });
      expectMessage(res, `Order status updated to ${status}`);
      expect((await detail(id, 'sale')).status).toBe(status);
    }
    const listed = await page(`/admin/customers/${buyer.id}/orders`);
    expect(listed.rows).toMatchObject([{ db_id: id, status: 'Shipped' }]);
  });

  it('400 without the required type', async () => {
    const res = await server.request('PATCH', `/admin/orders/${binhSale}/status`, {
      token: admin,
      body: { status: 'Confirmed' },
    });
    expectError(res, 400);
    expect((await detail(binhSale, 'sale')).status).toBe('Pending');
  });
});

describe('POST /admin/orders/{order_id}/request-review', () => {
  // Seed 002 has no route for a customer to ask for a cancellation; the terminal's
  // `POST /api/v1/orders/{id}/cancel-request` opens the request the admin then reviews.
  async function saleWithCancelRequest() {
    const buyer = await newCustomer(server);
    await addToCart(server, buyer, { product_id: 1, quantity: 1, transaction_type: 'buy' });
    const id = (await checkout(server, buyer, await addAddress(server, buyer))).buy_order_id!;
    const asked = await server.request('POST', `/api/v1/orders/${id}/cancel-request`, {
      token: buyer.token,
      body: { reason: 'Đổi ý' },
    });
    expect(asked.status, asked.text).toBe(200);
    expect((await detail(id, 'sale')).status).toBe('Cancel Requested');
    return id;
  }

  it('accepting a cancel request: "Sales order request accepted", the order is Cancelled', async () => {
    const id = await saleWithCancelRequest();
    const res = await server.request('POST', `/admin/orders/${id}/request-review?type=sale`, {
      token: admin,
      body: { decision: 'accept', reason: 'Optional reason' },
    });
    expectMessage(res, 'Sales order request accepted');
    expect((await detail(id, 'sale')).status).toBe('Cancelled');
  });

  it('declining a cancel request leaves the order uncancelled', async () => {
    const id = await saleWithCancelRequest();
    const res = await server.request('POST', `/admin/orders/${id}/request-review?type=sale`, {
      token: admin,
      body: { decision: 'decline' },
    });
    expectSuccess(res);
    expect(['Cancelled', 'Cancel Requested']).not.toContain((await detail(id, 'sale')).status);
  });
});

describe('POST /admin/orders/{order_id}/rental-preparation', () => {
  async function rentalOrder() {
    const renter = await newCustomer(server);
    await addToCart(server, renter, {
      product_id: bikeId,
      quantity: 1,
      transaction_type: 'rent',
      rental_days: 3,
    });
    const id = (await checkout(server, renter, await addAddress(server, renter))).rent_order_id!;
    expect(isNumber(id)).toBe(true);
    return id;
  }

  it('"Rental item prepared and assigned successfully" once the rental is Confirmed', async () => {
    const id = await rentalOrder();
    const before = await detail(id, 'rental');
    if (before.status !== 'Confirmed') {
      const confirmed = await server.request('PATCH', `/admin/orders/${id}/status?type=rental`, {
        token: admin,
        body: { status: 'Confirmed' },
      });
      expectMessage(confirmed, 'Order status updated to Confirmed');
    }
    // Seed 002 shows no id on the detail's items; the terminal's `items[].id` is the
    // order_item_id.
    const res = await server.request('POST', `/admin/orders/${id}/rental-preparation`, {
      token: admin,
      body: {
        order_item_id: before.items[0].id,
        inventory_asset_id: 'ASSET-001',
        description: 'Xe mới, tình trạng tốt',
        evidence_photos: ['https://example.com/photo1.jpg'],
      },
    });
    expectMessage(res, 'Rental item prepared and assigned successfully');
  });

  it('400 "Cannot update preparation details when order is \'{status}\'…" for a Cancelled rental', async () => {
    const id = await rentalOrder();
    const { items } = await detail(id, 'rental');
    expectMessage(
      await server.request('PATCH', `/admin/orders/${id}/status?type=rental`, {
        token: admin,
        body: { status: 'Cancelled' },
      }),
      'Order status updated to Cancelled',
    );
    const res = await server.request('POST', `/admin/orders/${id}/rental-preparation`, {
      token: admin,
      body: { order_item_id: items[0].id, inventory_asset_id: 'ASSET-002', description: 'Xe cũ' },
    });
    expectError(
      res,
      400,
      "Cannot update preparation details when order is 'Cancelled'. Request must be Confirmed or Preparing.",
    );
  });
});
