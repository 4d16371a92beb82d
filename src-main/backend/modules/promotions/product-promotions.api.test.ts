import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server.stop());

const db = () => server.backend.store.db.$client;
let seq = 0;

async function category(): Promise<number> {
  const res = await server.request('POST', '/admin/categories', {
    token: admin,
    body: { name: `Nhóm khuyến mãi ${++seq}` },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.data.id;
}

async function product(categoryId: number, price: number, extra = {}) {
  const name = `Hàng giảm giá ${++seq}`;
  const res = await server.request('POST', '/admin/products', {
    token: admin,
    body: {
      name,
      category_id: categoryId,
      variants: [{ sku: `PROMO-${seq}`, price, stock: 100, ...extra }],
    },
  });
  expect(res.status, res.text).toBe(200);
  const id = res.body.data.id as number;
  const variantId = db()
    .prepare('select id from product_variants where product_id = ?')
    .pluck()
    .get(id) as number;
  return { id, variantId };
}

const promo = (extra: object) => ({
  name: 'Giảm giá sản phẩm',
  code: `AUTO${++seq}`,
  scope: 'all',
  start_date: '2026-01-01T00:00:00',
  end_date: '2099-12-31T23:59:59',
  status: true,
  discount_config: { type: 'percentage', value: 10 },
  ...extra,
});

async function createPromo(extra: object): Promise<{ id: number; code: string }> {
  const body = promo(extra);
  const res = await server.request('POST', '/admin/promotions', { token: admin, body });
  expect(res.status, res.text).toBe(200);
  return { id: res.body.data.id, code: body.code };
}

const usedCount = (id: number) =>
  db().prepare('select used_count from promotions where id = ?').pluck().get(id);

/** A signed-in customer with an address and these lines in the cart. */
async function customer(lines: object[]) {
  const email = `promo${++seq}@example.com`;
  await server.request('POST', '/users/register', {
    body: { name: `Khách ${seq}`, email, password: 'promo-123456' },
  });
  const token = await server.login(email, 'promo-123456');
  const address = await server.request('POST', '/user/addresses', {
    token,
    body: { address_line1: '5 Hùng Vương', city: 'Huế', phone_number: '0912345678' },
  });
  for (const body of lines) {
    const add = await server.request('POST', '/store/cart/items', { token, body });
    expect(add.status, add.text).toBe(200);
  }
  const checkout = (voucher?: string) =>
    server.request('POST', '/store/order/checkout', {
      token,
      body: {
        address_id: address.body.data.id,
        payment_method: 'cod',
        ...(voucher ? { voucher_code: voucher } : {}),
      },
    });
  return { token, checkout };
}

const buy = (productId: number, quantity = 1) => ({
  product_id: productId,
  quantity,
  transaction_type: 'buy',
});

describe('promotion targets on /admin/promotions', () => {
  it('stores product and category targets with the promotion and returns them', async () => {
    const cat = await category();
    const a = await product(cat, 10_000);
    const b = await product(cat, 20_000);
    const { id } = await createPromo({ product_ids: [b.id, a.id, a.id], category_ids: [cat] });
    const one = await server.request('GET', `/admin/promotions/${id}`, { token: admin });
    expect(one.body.data).toMatchObject({ product_ids: [a.id, b.id], category_ids: [cat] });
    const list = await server.request('GET', '/admin/promotions?limit=100', { token: admin });
    expect(list.body.data.find((p: { id: number }) => p.id === id)).toMatchObject({
      product_ids: [a.id, b.id],
      category_ids: [cat],
    });

    // Patching other fields keeps the targets; sending a list replaces it.
    await server.request('PATCH', `/admin/promotions/${id}`, {
      token: admin,
      body: { name: 'Đổi tên' },
    });
    expect(
      (await server.request('GET', `/admin/promotions/${id}`, { token: admin })).body.data,
    ).toMatchObject({ name: 'Đổi tên', product_ids: [a.id, b.id], category_ids: [cat] });
    const patch = await server.request('PATCH', `/admin/promotions/${id}`, {
      token: admin,
      body: { product_ids: [], category_ids: [] },
    });
    expect(patch.status, patch.text).toBe(200);
    expect(
      (await server.request('GET', `/admin/promotions/${id}`, { token: admin })).body.data,
    ).toMatchObject({ product_ids: [], category_ids: [] });
    expect(
      db().prepare('select count(*) from promotion_targets where promotion_id = ?').pluck().get(id),
    ).toBe(0);

    // Both empty: a plain voucher; an unused promotion deletes with its targets.
    const voucher = await createPromo({ product_ids: [], category_ids: [] });
    const del = await server.request('DELETE', `/admin/promotions/${voucher.id}`, {
      token: admin,
    });
    expect(del.body.message).toBe('Promotion permanently deleted');
    const targeted = await createPromo({ product_ids: [a.id] });
    await server.request('DELETE', `/admin/promotions/${targeted.id}`, { token: admin });
    expect(countRows(server, 'promotion_targets')).toBe(0);
  });

  it('refuses unknown products and categories, naming the field and writing nothing', async () => {
    const cat = await category();
    const a = await product(cat, 10_000);
    const promotions = countRows(server, 'promotions');
    const targets = countRows(server, 'promotion_targets');
    for (const [extra, field, detail] of [
      [{ product_ids: [a.id, 999_999] }, 'product_ids', 'No such product: 999999'],
      [{ category_ids: [cat, 888_888] }, 'category_ids', 'No such category: 888888'],
      [{ product_ids: [0] }, 'product_ids.0', undefined],
      [{ category_ids: ['x'] }, 'category_ids.0', undefined],
      [{ product_ids: 5 }, 'product_ids', undefined],
    ] as const) {
      const res = await server.request('POST', '/admin/promotions', {
        token: admin,
        body: promo(extra),
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.field).toBe(field);
      if (detail) expect(res.body.detail).toBe(detail);
    }
    const { id } = await createPromo({ product_ids: [a.id] });
    const res = await server.request('PATCH', `/admin/promotions/${id}`, {
      token: admin,
      body: { category_ids: [777_777] },
    });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('category_ids');
    expect(countRows(server, 'promotions')).toBe(promotions + 1);
    expect(countRows(server, 'promotion_targets')).toBe(targets + 1);
    // A targeted product that never sold is still only deactivated: the target stays valid.
    const del = await server.request('DELETE', `/admin/products/${a.id}`, { token: admin });
    expect(del.status, del.text).toBe(200);
    expect(del.body.message).toMatch(/deactivated/);
  });

  it('keeps automatic promotions out of /store/vouchers and refuses their code as a voucher', async () => {
    const cat = await category();
    const a = await product(cat, 100_000);
    const auto = await createPromo({ product_ids: [a.id] });
    const vouchers = await server.request('GET', '/store/vouchers');
    expect(vouchers.body.data.map((v: { code: string }) => v.code)).not.toContain(auto.code);
    const c = await customer([buy(a.id)]);
    const res = await c.checkout(auto.code);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('Invalid or expired voucher');
    expect(usedCount(auto.id)).toBe(0);
  });
});

describe('product promotions in carts and checkouts', () => {
  it('cuts by product or category, best single promotion per line, within dates, scope and status', async () => {
    const cat = await category();
    const other = await category();
    const a = await product(cat, 100_000, {
      is_rentable: true,
      rent_price: 20_000,
      deposit: 200_000,
    });
    const b = await product(cat, 200_000);
    const c = await product(other, 50_000);
    const pA = await createPromo({ product_ids: [a.id] }); // 10 %
    const pCat = await createPromo({
      category_ids: [cat],
      scope: 'buy',
      discount_config: { type: 'amount', value: 15_000 },
    });
    const pRent = await createPromo({
      product_ids: [a.id],
      scope: 'rent',
      discount_config: { type: 'amount', value: 5_000 },
    });
    const later = await createPromo({
      product_ids: [c.id],
      start_date: '2098-01-01T00:00:00',
      discount_config: { type: 'percentage', value: 50 },
    });
    const over = await createPromo({
      product_ids: [c.id],
      start_date: '2020-01-01T00:00:00',
      end_date: '2021-01-01T00:00:00',
      discount_config: { type: 'percentage', value: 50 },
    });
    const off = await createPromo({
      product_ids: [b.id],
      status: false,
      discount_config: { type: 'percentage', value: 50 },
    });

    const buyer = await customer([
      buy(a.id, 2),
      buy(b.id),
      buy(c.id),
      { product_id: a.id, quantity: 1, transaction_type: 'rent', rental_days: 3 },
    ]);
    const cart = await server.request('GET', '/store/cart', { token: buyer.token });
    expect(cart.status, cart.text).toBe(200);
    const line = (productId: number, type: string) =>
      cart.body.data.items.find(
        (i: { product_id: number; transaction_type: string }) =>
          i.product_id === productId && i.transaction_type === type,
      );
    // a × 2: 10 % = 20 000 loses to 15 000 × 2 = 30 000 from the category.
    expect(line(a.id, 'buy')).toMatchObject({
      unit_price: 100_000,
      original_subtotal: 200_000,
      discount: 30_000,
      subtotal: 170_000,
      promotion: { id: pCat.id, code: pCat.code },
    });
    expect(line(b.id, 'buy')).toMatchObject({ discount: 15_000, subtotal: 185_000 });
    expect(line(c.id, 'buy')).toMatchObject({ discount: 0, subtotal: 50_000, promotion: null });
    // Rent 20 000 × 3 days: 10 % = 6 000 loses to 5 000 a day = 15 000; the category is buy-only.
    expect(line(a.id, 'rent')).toMatchObject({
      original_subtotal: 60_000,
      discount: 15_000,
      subtotal: 45_000,
      promotion: { id: pRent.id },
    });
    expect(cart.body.data).toMatchObject({
      total_buy_amount: 405_000,
      total_rent_amount: 45_000,
      grand_total: 450_000,
      discount_amount: 60_000,
    });

    const res = await buyer.checkout();
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.total_amount).toBe(405_000 + 45_000 + 200_000);
    const order = (number: string) =>
      db()
        .prepare(
          'select id, subtotal, discount, deposit, total, voucher_code from orders where number = ?',
        )
        .get(number) as Record<string, number>;
    const sale = order(res.body.data.buy_order_number);
    expect(sale).toMatchObject({ subtotal: 450_000, discount: 45_000, total: 405_000 });
    const rental = order(res.body.data.rent_order_number);
    expect(rental).toMatchObject({
      subtotal: 60_000,
      discount: 15_000,
      deposit: 200_000,
      total: 245_000,
    });
    const lines = db()
      .prepare('select unit_price, line_total from order_lines where order_id = ? order by id')
      .all(sale.id);
    expect(lines).toEqual([
      { unit_price: 100_000, line_total: 170_000 },
      { unit_price: 200_000, line_total: 185_000 },
      { unit_price: 50_000, line_total: 50_000 },
    ]);
    // One use per checkout of each promotion that cut a line, none for the others.
    expect([pA, pCat, pRent, later, over, off].map((p) => usedCount(p.id))).toEqual([
      0, 1, 1, 0, 0, 0,
    ]);
  });

  it('applies a voucher to the discounted subtotal and checks its minimum there', async () => {
    const cat = await category();
    const e = await product(cat, 100_000);
    const auto = await createPromo({
      product_ids: [e.id],
      discount_config: { type: 'percentage', value: 20 },
    });
    const voucher = await createPromo({
      scope: 'buy',
      min_order_amount: 90_000,
      discount_config: { type: 'percentage', value: 10 },
    });
    // 100 000 less 20 % is 80 000: under the voucher's 90 000 minimum.
    const small = await customer([buy(e.id)]);
    const refused = await small.checkout(voucher.code);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('Order needs minimum 90000');
    // The refused checkout gave the promotion's use back.
    expect(usedCount(auto.id)).toBe(0);
    const fine = await small.checkout();
    expect(fine.body.data.total_amount).toBe(80_000);

    // 200 000 → 160 000 after the promotion, less 10 % = 16 000 (not 20 000) of voucher.
    const big = await customer([buy(e.id, 2)]);
    const res = await big.checkout(voucher.code);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.total_amount).toBe(144_000);
    expect(
      db()
        .prepare('select subtotal, discount, total, voucher_code from orders where number = ?')
        .get(res.body.data.buy_order_number),
    ).toEqual({ subtotal: 200_000, discount: 56_000, total: 144_000, voucher_code: voucher.code });
    expect([usedCount(auto.id), usedCount(voucher.id)]).toEqual([2, 1]);
  });

  it('never uses a limited promotion more than allowed, however many check out at once', async () => {
    const cat = await category();
    const f = await product(cat, 100_000);
    const limited = await createPromo({
      product_ids: [f.id],
      quantity: 3,
      discount_config: { type: 'percentage', value: 50 },
    });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => customer([buy(f.id)])));
    const shown = await server.request('GET', '/store/cart', { token: buyers[0]!.token });
    expect(shown.body.data.grand_total).toBe(50_000);
    const results = await Promise.all(buyers.map((b) => b.checkout()));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const totals = results.map((r) => r.body.data.total_amount).sort((x, y) => x - y);
    // The first three get the promotion; the rest pay the catalog price.
    expect(totals).toEqual([50_000, 50_000, 50_000, 100_000, 100_000, 100_000, 100_000, 100_000]);
    expect(usedCount(limited.id)).toBe(3);
    const after = await customer([buy(f.id)]);
    const cart = await server.request('GET', '/store/cart', { token: after.token });
    expect(cart.body.data).toMatchObject({ grand_total: 100_000, discount_amount: 0 });

    // Sold, so deleting only deactivates it: a deleted product is no target for a promotion.
    const del = await server.request('DELETE', `/admin/products/${f.id}`, { token: admin });
    expect(del.body.message, del.text).toMatch(/deactivated/);
    const res = await server.request('POST', '/admin/promotions', {
      token: admin,
      body: promo({ product_ids: [f.id] }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'product_ids', detail: `No such product: ${f.id}` });
  });

  it('prices seed 003 carts and checkouts too, rank-only promotions for signed-in customers', async () => {
    const cat = await category();
    const g = await product(cat, 100_000);
    await createPromo({ product_ids: [g.id] }); // 10 % for everyone
    await createPromo({
      category_ids: [cat],
      target_ranks: ['Member'],
      discount_config: { type: 'percentage', value: 30 },
    });
    const item = { productId: String(g.id), variantId: `v${g.variantId}`, quantity: 2 };
    const guest = await server.request('POST', '/api/cart', {
      body: { ...item, sessionId: 'promo-guest-0001' },
    });
    expect(guest.status, guest.text).toBe(200);
    expect(guest.body.data.cart.items[0]).toMatchObject({ price: 100_000, discount: 20_000 });
    expect(guest.body.data.totals).toMatchObject({
      subtotal: 180_000,
      discount: 20_000,
      shippingFee: 30_000,
      total: 210_000,
    });

    const member = await customer([]);
    const mine = await server.request('POST', '/api/cart', { token: member.token, body: item });
    expect(mine.body.data.totals).toMatchObject({ subtotal: 140_000, discount: 60_000 });

    const address = {
      fullName: 'Nguyễn Văn A',
      phone: '0901234567',
      address: '1 Lê Lợi',
      city: 'Huế',
    };
    const res = await server.request('POST', '/api/checkout', {
      body: {
        guestEmail: 'promo-guest@example.com',
        items: [{ ...item, price: 1 }],
        shippingAddress: address,
        paymentDetails: { method: 'cod' },
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.order).toMatchObject({
      subtotal: 180_000,
      discount: 20_000,
      shippingFee: 30_000,
      total: 210_000,
    });
    expect(
      db()
        .prepare(
          `select o.subtotal, o.discount, o.total, l.unit_price, l.line_total
           from orders o join order_lines l on l.order_id = o.id where o.number = ?`,
        )
        .get(res.body.data.orderId),
    ).toEqual({
      subtotal: 200_000,
      discount: 20_000,
      total: 210_000,
      unit_price: 100_000,
      line_total: 180_000,
    });
    const signedIn = await server.request('POST', '/api/checkout', {
      token: member.token,
      body: { items: [item], shippingAddress: address, paymentDetails: { method: 'cod' } },
    });
    expect(signedIn.body.data.order).toMatchObject({ subtotal: 140_000, total: 170_000 });
  });
});
