import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#main/backend/lib/clock';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Seed 001 §3.2.7–3.2.12: rating a product, changing and deleting the rating, listing a
// product's ratings, their statistics, and the caller's own ratings — and the product counters
// (avg_rating, rating_count) staying exact under any mix of writes, concurrent ones included.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_UUID = '0190f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f';
const MSG = {
  noToken: 'Token không được xác thực',
  badToken: 'Token không thể xác thực',
  invalid: 'Đánh giá không hợp lệ',
  duplicate: 'Tài khoản đã đánh giá sản phẩm này',
  forbidden: 'Tài khoản không có quyền',
  ratingNotFound: 'Đánh giá không tìm thấy',
  productNotFound: 'Sản phẩm không tìm thấy',
};

const clock = fixedClock('2025-12-23T10:00:00.000Z');
/** Every write happens one second after the previous one, so orders by time are well defined. */
const tick = () => {
  clock.advance(1000);
  return clock.now().toISOString();
};

interface Account {
  email: string;
  token: string;
  uuid: string;
}
interface RatingView {
  id: string;
  product_id: string;
  user_id: string;
  stars: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

let server: TestServer;
const productId = new Map<string, string>();
const category = new Map<string, { id: string; name: string }>();
const users: Record<'alice' | 'bob' | 'carol' | 'dave' | 'erin' | 'admin', Account> = {} as never;
/** Twenty more customers, for the concurrency and distribution cases. */
let crowd: Account[] = [];

const pid = (name: string) => productId.get(name)!;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function account(email: string): Promise<Account> {
  const res = await server.request('POST', '/users/register', {
    body: { name: email.split('@')[0], email, password: 'secret-123' },
  });
  expect(res.status, res.text).toBe(201);
  const token = await server.login(email, 'secret-123');
  return { email, token, uuid: res.body.id };
}

function rate(who: Account, product: string, stars: unknown, comment?: unknown) {
  tick();
  return server.request('POST', `/products/${product}/ratings`, {
    body: { stars, ...(comment === undefined ? {} : { comment }) },
    token: who.token,
  });
}

function update(who: Account | null, product: string, rating: string, body: unknown) {
  tick();
  return server.request('PUT', `/products/${product}/ratings/${rating}`, {
    body,
    token: who?.token,
  });
}

function remove(who: Account | null, product: string, rating: string) {
  tick();
  return server.request('DELETE', `/products/${product}/ratings/${rating}`, {
    token: who?.token,
  });
}

async function rated(who: Account, product: string, stars: number, comment?: string) {
  const res = await rate(who, product, stars, comment);
  expect(res.status, res.text).toBe(201);
  return res.body as RatingView;
}

const detail = async (product: string) =>
  (await server.request('GET', `/products/${product}`)).body;
const statistics = async (product: string) =>
  (await server.request('GET', `/products/${product}/ratings/statistics`)).body;
async function allRatings(product: string): Promise<RatingView[]> {
  const res = await server.request('GET', `/products/${product}/ratings?limit=100`);
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}

/** Live rating rows in the store, straight from SQLite. */
function liveRows(product: string): number {
  return (
    server.backend.store.db.$client
      .prepare(
        `select count(*) as n from ratings r join products p on p.id = r.product_id
          where p.uuid = ? and r.deleted_at is null`,
      )
      .get(product) as { n: number }
  ).n;
}

/**
 * The counters seed 001 shows for a product must be exactly those of its surviving ratings,
 * wherever they are shown: detail, statistics, the listing.
 */
async function expectCountersMatch(product: string, expectedStars?: number[]) {
  const survivors = (await allRatings(product)).map((r) => r.stars);
  if (expectedStars) expect([...survivors].sort()).toEqual([...expectedStars].sort());
  const count = survivors.length;
  const avg = count === 0 ? 0 : round2(survivors.reduce((a, b) => a + b, 0) / count);
  expect(await detail(product)).toMatchObject({ avg_rating: avg, rating_count: count });
  const stats = await statistics(product);
  expect(stats.summary).toEqual({ avg_rating: avg, total_ratings: count });
  for (const s of [1, 2, 3, 4, 5]) {
    expect(stats.distribution[String(s)].count, `${s} stars`).toBe(
      survivors.filter((x) => x === s).length,
    );
  }
  const listing = await server.request('GET', '/products?limit=100');
  const entry = listing.body.data.find((p: { id: string }) => p.id === product);
  expect(entry).toMatchObject({ avg_rating: avg, rating_count: count });
  const search = await server.request(
    'GET',
    `/products/search?q=${encodeURIComponent(entry.name)}&limit=100`,
  );
  const found = search.body.data.find((p: { id: string }) => p.id === product);
  expect(found).toMatchObject({ avg_rating: avg, rating_count: count });
  expect(liveRows(product)).toBe(count);
}

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' }, clock });
  const all = await server.request('GET', '/products?limit=100');
  for (const p of all.body.data) {
    productId.set(p.name, p.id);
    category.set(p.name, p.category);
  }
  const named = await Promise.all(
    (['alice', 'bob', 'carol', 'dave', 'erin'] as const).map((n) => account(`${n}@example.com`)),
  );
  for (const [i, n] of (['alice', 'bob', 'carol', 'dave', 'erin'] as const).entries()) {
    users[n] = named[i]!;
  }
  crowd = await Promise.all(Array.from({ length: 20 }, (_, i) => account(`crowd${i}@example.com`)));
});
afterAll(() => server.stop());

describe('POST /products/{productId}/ratings', () => {
  it('creates a rating: 201 with the documented shape', async () => {
    const product = pid('Cà phê Arabica Cầu Đất');
    const rows = countRows(server, 'ratings');
    const res = await rate(users.alice, product, 5, 'Sản phẩm rất tốt, đóng gói cẩn thận');
    expect(res.status, res.text).toBe(201);
    for (const key of ['id', 'product_id', 'user_id', 'stars', 'comment', 'created_at']) {
      expect(res.body).toHaveProperty(key);
    }
    expect(res.body.id).toMatch(UUID);
    expect(res.body).toMatchObject({
      product_id: product,
      user_id: users.alice.uuid,
      stars: 5,
      comment: 'Sản phẩm rất tốt, đóng gói cẩn thận',
    });
    expect(Date.parse(res.body.created_at)).toBe(clock.now().getTime());
    expect(countRows(server, 'ratings')).toBe(rows + 1);
    expect(await detail(product)).toMatchObject({ avg_rating: 5, rating_count: 1 });
  });

  it('takes the local product id in the path and answers the product UUID', async () => {
    const res = await rate(users.bob, '1', 4);
    expect(res.status, res.text).toBe(201);
    const local = await server.request('GET', '/products/1');
    expect(res.body.product_id).toBe(local.body.id);
    expect(res.body.product_id).toMatch(UUID);
  });

  it('accepts a rating without a comment', async () => {
    const res = await rate(users.carol, pid('Trà ô long Lâm Đồng'), 3);
    expect(res.status, res.text).toBe(201);
    expect(res.body.comment).toBeNull();
  });

  it('answers 401 "Token không được xác thực" without a valid token, writing nothing', async () => {
    const product = pid('Gạo lứt đỏ Điện Biên');
    const rows = countRows(server, 'ratings');
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: `Basic ${users.alice.token}` },
      { authorization: `Bearer ${users.alice.token}x` },
    ];
    for (const headers of attempts) {
      const res = await server.request('POST', `/products/${product}/ratings`, {
        body: { stars: 5 },
        headers,
      });
      expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
      expect(res.body.detail).toBe(MSG.noToken);
    }
    expect(countRows(server, 'ratings')).toBe(rows);
  });

  it('answers 409 "Tài khoản đã đánh giá sản phẩm này" on a second rating', async () => {
    const product = pid('Cà phê Arabica Cầu Đất');
    const rows = countRows(server, 'ratings');
    for (const stars of [5, 1]) {
      const res = await rate(users.alice, product, stars);
      expectErrorBody(res, { status: 409, code: 'CONFLICT' });
      expect(res.body.detail).toBe(MSG.duplicate);
    }
    // Through the local id too: it is the same product.
    const local = await rate(users.bob, '1', 2);
    expect(local.status).toBe(409);
    expect(countRows(server, 'ratings')).toBe(rows);
    expect(await detail(product)).toMatchObject({ avg_rating: 5, rating_count: 1 });
  });

  it('answers 404 "Sản phẩm không tìm thấy" for an unknown product', async () => {
    const rows = countRows(server, 'ratings');
    for (const ref of [UNKNOWN_UUID, '999999', 'abc', '0']) {
      const res = await rate(users.alice, ref, 5);
      expectErrorBody(res, { status: 404, code: 'NOT_FOUND' });
      expect(res.body.detail).toBe(MSG.productNotFound);
    }
    expect(countRows(server, 'ratings')).toBe(rows);
  });

  it.each([
    ['0', { stars: 0 }],
    ['6', { stars: 6 }],
    ['2.5', { stars: 2.5 }],
    ["'5'", { stars: '5' }],
    ['-1', { stars: -1 }],
    ['null', { stars: null }],
    ['true', { stars: true }],
    ['[5]', { stars: [5] }],
    ['{}', { stars: {} }],
    ['missing', { comment: 'Không có sao' }],
    ['missing (empty body)', {}],
  ])('answers 400 "Đánh giá không hợp lệ" naming stars for stars %s', async (_label, body) => {
    const product = pid('Gạo lứt đỏ Điện Biên');
    const rows = countRows(server, 'ratings');
    tick();
    const res = await server.request('POST', `/products/${product}/ratings`, {
      body,
      token: users.alice.token,
    });
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'stars' });
    expect(res.body.detail).toMatch(new RegExp(`^${MSG.invalid}`));
    expect(countRows(server, 'ratings')).toBe(rows);
  });

  it('answers 400 naming comment when the comment is not text', async () => {
    const product = pid('Gạo lứt đỏ Điện Biên');
    const rows = countRows(server, 'ratings');
    for (const comment of [42, { text: 'x' }, ['x']]) {
      const res = await rate(users.alice, product, 4, comment);
      expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'comment' });
      expect(res.body.detail).toMatch(new RegExp(`^${MSG.invalid}`));
    }
    expect(countRows(server, 'ratings')).toBe(rows);
  });
});

describe('PUT /products/{productId}/ratings/{ratingId}', () => {
  const product = () => pid('Trà xanh Thái Nguyên');
  let rating: RatingView;

  beforeAll(async () => {
    rating = await rated(users.carol, product(), 3, 'Tạm được');
  });

  it('changes stars and comment: 200 with the documented shape', async () => {
    const res = await update(users.carol, product(), rating.id, {
      stars: 4,
      comment: 'Cập nhật đánh giá sau khi dùng lâu hơn',
    });
    expect(res.status, res.text).toBe(200);
    for (const key of [
      'id',
      'product_id',
      'user_id',
      'stars',
      'comment',
      'created_at',
      'updated_at',
    ]) {
      expect(res.body).toHaveProperty(key);
    }
    expect(res.body).toMatchObject({
      id: rating.id,
      product_id: product(),
      user_id: users.carol.uuid,
      stars: 4,
      comment: 'Cập nhật đánh giá sau khi dùng lâu hơn',
      created_at: rating.created_at,
    });
    expect(Date.parse(res.body.updated_at)).toBe(clock.now().getTime());
    expect(Date.parse(res.body.updated_at)).toBeGreaterThan(Date.parse(rating.created_at));
    expect(await detail(product())).toMatchObject({ avg_rating: 4, rating_count: 1 });
  });

  it('answers 403 "Tài khoản không có quyền" when another customer edits it', async () => {
    const res = await update(users.bob, product(), rating.id, { stars: 1, comment: 'Tệ' });
    expectErrorBody(res, { status: 403, code: 'FORBIDDEN' });
    expect(res.body.detail).toBe(MSG.forbidden);
    const [stored] = await allRatings(product());
    expect(stored).toMatchObject({ id: rating.id, stars: 4, user_id: users.carol.uuid });
    expect(await detail(product())).toMatchObject({ avg_rating: 4, rating_count: 1 });
  });

  it('answers 404 "Đánh giá không tìm thấy" for an unknown rating or one of another product', async () => {
    const elsewhere = (await allRatings(pid('Cà phê Arabica Cầu Đất')))[0]!;
    for (const ref of [UNKNOWN_UUID, '999999', 'abc', elsewhere.id]) {
      const res = await update(users.carol, product(), ref, { stars: 2 });
      expectErrorBody(res, { status: 404, code: 'NOT_FOUND' });
      expect(res.body.detail).toBe(MSG.ratingNotFound);
    }
    // Even its owner can't reach a rating through another product's path.
    const res = await update(users.alice, product(), elsewhere.id, { stars: 1 });
    expect(res.status).toBe(404);
    expect((await allRatings(pid('Cà phê Arabica Cầu Đất')))[0]!.stars).toBe(5);
  });

  it('answers 404 "Sản phẩm không tìm thấy" for an unknown product', async () => {
    const res = await update(users.carol, UNKNOWN_UUID, rating.id, { stars: 2 });
    expectErrorBody(res, { status: 404, code: 'NOT_FOUND' });
    expect(res.body.detail).toBe(MSG.productNotFound);
  });

  it('answers 401 "Token không thể xác thực" without a token', async () => {
    const res = await update(null, product(), rating.id, { stars: 2 });
    expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
    expect(res.body.detail).toBe(MSG.badToken);
  });

  it.each([[0], [6], [2.5], ['5'], [null]])(
    'answers 400 "Đánh giá không hợp lệ" naming stars for stars %j, changing nothing',
    async (stars) => {
      const res = await update(users.carol, product(), rating.id, { stars });
      expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'stars' });
      expect(res.body.detail).toMatch(new RegExp(`^${MSG.invalid}`));
      expect((await allRatings(product()))[0]!.stars).toBe(4);
    },
  );

  it('answers 400 naming stars when stars is missing', async () => {
    const res = await update(users.carol, product(), rating.id, { comment: 'Chỉ sửa bình luận' });
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'stars' });
  });
});

describe('DELETE /products/{productId}/ratings/{ratingId}', () => {
  const product = () => pid('Trà sen Tây Hồ');
  let mine: RatingView;

  beforeAll(async () => {
    mine = await rated(users.dave, product(), 2);
    await rated(users.erin, product(), 5);
  });

  it('answers 401 "Token không thể xác thực" without a token', async () => {
    const res = await remove(null, product(), mine.id);
    expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
    expect(res.body.detail).toBe(MSG.badToken);
  });

  it('answers 403 "Tài khoản không có quyền" for another customer', async () => {
    const res = await remove(users.erin, product(), mine.id);
    expectErrorBody(res, { status: 403, code: 'FORBIDDEN' });
    expect(res.body.detail).toBe(MSG.forbidden);
    expect(await detail(product())).toMatchObject({ avg_rating: 3.5, rating_count: 2 });
  });

  it('answers 404 for an unknown rating or product', async () => {
    const unknownRating = await remove(users.dave, product(), UNKNOWN_UUID);
    expectErrorBody(unknownRating, { status: 404, code: 'NOT_FOUND' });
    expect(unknownRating.body.detail).toBe(MSG.ratingNotFound);
    const unknownProduct = await remove(users.dave, UNKNOWN_UUID, mine.id);
    expectErrorBody(unknownProduct, { status: 404, code: 'NOT_FOUND' });
    expect(unknownProduct.body.detail).toBe(MSG.productNotFound);
  });

  it('deletes: 204 with no body, and the rating leaves every count', async () => {
    const res = await remove(users.dave, product(), mine.id);
    expect(res.status, res.text).toBe(204);
    expect(res.text).toBe('');
    expect((await allRatings(product())).map((r) => r.id)).not.toContain(mine.id);
    await expectCountersMatch(product(), [5]);
    expect(await detail(product())).toMatchObject({ avg_rating: 5, rating_count: 1 });
  });

  it('answers 404 "Đánh giá không tìm thấy" for a deleted rating, to DELETE and PUT', async () => {
    const again = await remove(users.dave, product(), mine.id);
    expectErrorBody(again, { status: 404, code: 'NOT_FOUND' });
    expect(again.body.detail).toBe(MSG.ratingNotFound);
    const edit = await update(users.dave, product(), mine.id, { stars: 4 });
    expect(edit.status).toBe(404);
    expect(edit.body.detail).toBe(MSG.ratingNotFound);
    await expectCountersMatch(product(), [5]);
  });
});

describe('GET /products/{productId}/ratings', () => {
  const product = () => pid('Nước tương đậu nành');
  const STARS = [5, 4, 4, 2, 1, 5];
  let created: RatingView[];

  beforeAll(async () => {
    created = [];
    for (const [i, s] of STARS.entries())
      created.push(await rated(crowd[i]!, product(), s, `#${i}`));
  });

  it('answers the documented shape, newest first, filter.stars null', async () => {
    const res = await server.request('GET', `/products/${product()}/ratings`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'filter', 'pagination']);
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: 6, total_pages: 1 });
    expect(res.body.filter).toEqual({ stars: null });
    for (const r of res.body.data as RatingView[]) {
      expect(Object.keys(r).sort()).toEqual(
        ['comment', 'created_at', 'id', 'product_id', 'stars', 'updated_at', 'user_id'].sort(),
      );
      expect(r.product_id).toBe(product());
      expect(r.user_id).toMatch(UUID);
    }
    expect((res.body.data as RatingView[]).map((r) => r.id)).toEqual(
      [...created].reverse().map((r) => r.id),
    );
  });

  it('filters by stars and says so in filter', async () => {
    const res = await server.request('GET', `/products/${product()}/ratings?stars=4`);
    expect(res.status).toBe(200);
    expect((res.body.data as RatingView[]).map((r) => r.stars)).toEqual([4, 4]);
    expect(res.body.pagination).toMatchObject({ total: 2, total_pages: 1 });
    expect(res.body.filter).toEqual({ stars: 4 });
    const none = await server.request('GET', `/products/${product()}/ratings?stars=3`);
    expect(none.body).toMatchObject({
      data: [],
      pagination: { total: 0 },
      filter: { stars: 3 },
    });
  });

  it('sorts newest, oldest, highest and lowest', async () => {
    const list = async (query: string) =>
      (await server.request('GET', `/products/${product()}/ratings?${query}`)).body
        .data as RatingView[];
    expect((await list('sort=newest')).map((r) => r.id)).toEqual(
      [...created].reverse().map((r) => r.id),
    );
    expect((await list('sort=oldest')).map((r) => r.id)).toEqual(created.map((r) => r.id));
    expect((await list('sort=highest')).map((r) => r.stars)).toEqual([5, 5, 4, 4, 2, 1]);
    expect((await list('sort=lowest')).map((r) => r.stars)).toEqual([1, 2, 4, 4, 5, 5]);
    expect((await list('sort=oldest&stars=5')).map((r) => r.id)).toEqual([
      created[0]!.id,
      created[5]!.id,
    ]);
  });

  it('pages: limit 4 gives 4 then 2, each rating once', async () => {
    const one = await server.request('GET', `/products/${product()}/ratings?limit=4`);
    const two = await server.request('GET', `/products/${product()}/ratings?limit=4&page=2`);
    expect(one.body.pagination).toEqual({ page: 1, limit: 4, total: 6, total_pages: 2 });
    expect(two.body.pagination).toEqual({ page: 2, limit: 4, total: 6, total_pages: 2 });
    const ids = [...one.body.data, ...two.body.data].map((r: RatingView) => r.id);
    expect(new Set(ids)).toEqual(new Set(created.map((r) => r.id)));
  });

  it.each([
    ['stars=0', 'stars'],
    ['stars=6', 'stars'],
    ['stars=abc', 'stars'],
    ['stars=2.5', 'stars'],
    ['sort=best', 'sort'],
    ['sort=', 'sort'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
  ])('answers 400 naming the field for ?%s', async (query, field) => {
    const res = await server.request('GET', `/products/${product()}/ratings?${query}`);
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field });
  });

  it('answers "Sản phẩm không tìm thấy" for an unknown product', async () => {
    for (const ref of [UNKNOWN_UUID, '999999', 'abc']) {
      const res = await server.request('GET', `/products/${ref}/ratings`);
      expect([400, 404]).toContain(res.status);
      expectErrorBody(res, { status: res.status, code: res.body?.code });
      expect(res.body.detail).toBe(MSG.productNotFound);
    }
  });
});

describe('GET /products/{productId}/ratings/statistics', () => {
  const product = () => pid('Muối tôm Tây Ninh');

  beforeAll(async () => {
    for (const [i, s] of [5, 5, 5, 4, 4, 3, 1].entries()) await rated(crowd[6 + i]!, product(), s);
  });

  it('answers the documented shape with exact counts and two-decimal percentages', async () => {
    const res = await server.request('GET', `/products/${product()}/ratings/statistics`);
    expect(res.status).toBe(200);
    const bucket = (stars: number, count: number, percentage: number) => ({
      stars,
      count,
      percentage,
    });
    const chart = [
      bucket(5, 3, 42.86),
      bucket(4, 2, 28.57),
      bucket(3, 1, 14.29),
      bucket(2, 0, 0),
      bucket(1, 1, 14.29),
    ];
    expect(res.body).toEqual({
      product_id: product(),
      summary: { avg_rating: 3.86, total_ratings: 7 },
      distribution: Object.fromEntries(
        chart.map((b) => [String(b.stars), { count: b.count, percentage: b.percentage }]),
      ),
      distribution_chart: chart,
    });
  });

  it('answers the same for the local product id', async () => {
    const local = await server.request('GET', '/products/16/ratings/statistics');
    expect(local.status).toBe(200);
    expect(local.body.product_id).toBe(product());
  });

  it('answers zeros for a product nobody has rated', async () => {
    const res = await server.request(
      'GET',
      `/products/${pid('Gạo lứt đỏ Điện Biên')}/ratings/statistics`,
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ avg_rating: 0, total_ratings: 0 });
    expect(res.body.distribution_chart.map((b: { stars: number }) => b.stars)).toEqual([
      5, 4, 3, 2, 1,
    ]);
    for (const key of ['5', '4', '3', '2', '1']) {
      expect(res.body.distribution[key]).toEqual({ count: 0, percentage: 0 });
    }
  });

  it('answers 400 "Sản phẩm không tìm thấy" for an unknown product', async () => {
    for (const ref of [UNKNOWN_UUID, '999999', 'abc']) {
      const res = await server.request('GET', `/products/${ref}/ratings/statistics`);
      expectErrorBody(res, { status: 400, code: res.body?.code });
      expect(res.body.detail).toBe(MSG.productNotFound);
    }
  });
});

describe('GET /ratings/me', () => {
  const MINE: [name: string, stars: number][] = [
    ['Yến mạch cán dẹt', 5],
    ['Bột ngũ cốc dinh dưỡng', 4],
    ['Sữa tươi thanh trùng', 4],
  ];
  let created: RatingView[];

  beforeAll(async () => {
    created = [];
    for (const [name, stars] of MINE) created.push(await rated(users.dave, pid(name), stars, name));
  });

  it('answers the documented shape, newest first, with the summary', async () => {
    const res = await server.request('GET', '/ratings/me', { token: users.dave.token });
    expect(res.status, res.text).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'pagination', 'summary']);
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: 3, total_pages: 1 });
    expect(res.body.summary).toEqual({ total_ratings: 3, avg_stars_given: 4.33 });
    const data = res.body.data;
    expect(data.map((r: { id: string }) => r.id)).toEqual([...created].reverse().map((r) => r.id));
    for (const [i, [name, stars]] of [...MINE].reverse().entries()) {
      const r = data[i];
      expect(Object.keys(r).sort()).toEqual(
        ['comment', 'created_at', 'id', 'product', 'stars', 'updated_at'].sort(),
      );
      expect(r.product).toEqual({ id: pid(name), name, category: category.get(name) });
      expect(r.product.category.id).toMatch(UUID);
      expect(r).toMatchObject({ stars, comment: name });
    }
  });

  it('sorts oldest, highest and lowest, and pages', async () => {
    const list = async (query: string) =>
      (await server.request('GET', `/ratings/me?${query}`, { token: users.dave.token })).body;
    expect((await list('sort=oldest')).data.map((r: RatingView) => r.id)).toEqual(
      created.map((r) => r.id),
    );
    expect((await list('sort=highest')).data.map((r: RatingView) => r.stars)).toEqual([5, 4, 4]);
    expect((await list('sort=lowest')).data.map((r: RatingView) => r.stars)).toEqual([4, 4, 5]);
    const page2 = await list('limit=2&page=2');
    expect(page2.pagination).toEqual({ page: 2, limit: 2, total: 3, total_pages: 2 });
    expect(page2.data).toHaveLength(1);
    expect(page2.summary).toEqual({ total_ratings: 3, avg_stars_given: 4.33 });
  });

  it('forgets a deleted rating', async () => {
    const last = created[2]!;
    expect((await remove(users.dave, last.product_id, last.id)).status).toBe(204);
    const res = await server.request('GET', '/ratings/me', { token: users.dave.token });
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([
      created[1]!.id,
      created[0]!.id,
    ]);
    expect(res.body.summary).toEqual({ total_ratings: 2, avg_stars_given: 4.5 });
  });

  it('answers an empty list to a customer who rated nothing', async () => {
    const fresh = await account('fresh@example.com');
    const res = await server.request('GET', '/ratings/me', { token: fresh.token });
    expect(res.body).toEqual({
      data: [],
      pagination: { page: 1, limit: 20, total: 0, total_pages: 0 },
      summary: { total_ratings: 0, avg_stars_given: 0 },
    });
  });

  it('answers 401 "Token không thể xác thực" without a token', async () => {
    for (const token of [undefined, 'garbage']) {
      const res = await server.request('GET', '/ratings/me', { token });
      expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
      expect(res.body.detail).toBe(MSG.badToken);
    }
  });

  it.each([
    ['sort=best', 'sort'],
    ['page=0', 'page'],
    ['limit=101', 'limit'],
  ])('answers 400 naming the field for ?%s', async (query, field) => {
    const res = await server.request('GET', `/ratings/me?${query}`, { token: users.dave.token });
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field });
  });
});

describe('integrity of avg_rating and rating_count', () => {
  it('match the surviving ratings after a long mix of creates, updates and deletes', async () => {
    const products = [pid('Tiêu đen Phú Quốc'), pid('Bánh pía Sóc Trăng')];
    const people = [users.alice, users.bob, users.carol, users.erin, ...crowd.slice(13, 17)];
    // A seeded generator: the same script every run, and a failure can be replayed.
    let seed = 20251223;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    const model = new Map<string, { id: string; stars: number; owner: Account; product: string }>();
    const done = { created: 0, updated: 0, deleted: 0, refused: 0 };
    const stars = () => 1 + Math.floor(random() * 5);

    for (let step = 0; step < 120; step++) {
      const who = pick(people);
      const product = pick(products);
      const key = `${who.email}|${product}`;
      const existing = model.get(key);
      const context = `step ${step}: ${who.email} on ${product}`;
      if (!existing) {
        const s = stars();
        const res = await rate(who, product, s);
        expect(res.status, `${context}: ${res.text}`).toBe(201);
        model.set(key, { id: res.body.id, stars: s, owner: who, product });
        done.created++;
      } else if (random() < 0.5) {
        const s = stars();
        const res = await update(who, product, existing.id, { stars: s, comment: `bước ${step}` });
        expect(res.status, `${context}: ${res.text}`).toBe(200);
        existing.stars = s;
        done.updated++;
      } else {
        const res = await remove(who, product, existing.id);
        expect(res.status, `${context}: ${res.text}`).toBe(204);
        model.delete(key);
        done.deleted++;
      }
      // Refused writes along the way must not move any counter.
      if (step % 10 === 5) {
        if (model.has(key)) {
          expect((await rate(who, product, 1)).status, context).toBe(409);
          done.refused++;
        }
        const others = [...model.values()].filter((r) => r.owner !== who);
        if (others.length > 0) {
          const victim = pick(others);
          const edit = await update(who, victim.product, victim.id, { stars: 1 });
          expect(edit.status, context).toBe(403);
          expect((await remove(who, victim.product, victim.id)).status, context).toBe(403);
          done.refused += 2;
        }
      }
    }
    // The script really mixes all three kinds of write, and refusals.
    expect(
      Math.min(done.created, done.updated, done.deleted, done.refused),
      JSON.stringify(done),
    ).toBeGreaterThanOrEqual(10);
    for (const product of products) {
      const expected = [...model.entries()]
        .filter(([key]) => key.endsWith(`|${product}`))
        .map(([, r]) => r.stars);
      await expectCountersMatch(product, expected);
      const ids = (await allRatings(product)).map((r) => r.id).sort();
      expect(ids).toEqual(
        [...model.entries()]
          .filter(([key]) => key.endsWith(`|${product}`))
          .map(([, r]) => r.id)
          .sort(),
      );
    }
  });

  it('20 concurrent ratings by the same customer: one 201, nineteen 409, rating_count 1', async () => {
    const product = pid('Khô gà lá chanh');
    tick();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.request('POST', `/products/${product}/ratings`, {
          body: { stars: (i % 5) + 1, comment: `lần ${i}` },
          token: users.erin.token,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.detail).toBe(MSG.duplicate);
    }
    const winner = responses.find((r) => r.status === 201)!.body as RatingView;
    expect(await detail(product)).toMatchObject({ avg_rating: winner.stars, rating_count: 1 });
    await expectCountersMatch(product, [winner.stars]);
  });

  it('20 concurrent ratings by 20 customers: rating_count 20 and the exact average', async () => {
    const product = pid('Bánh tráng trộn');
    const STARS = [5, 4, 3, 5, 2, 1, 4, 5, 5, 3, 4, 2, 5, 4, 3, 5, 1, 4, 5, 4];
    tick();
    const responses = await Promise.all(
      crowd.map((who, i) =>
        server.request('POST', `/products/${product}/ratings`, {
          body: { stars: STARS[i] },
          token: who.token,
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const avg = round2(STARS.reduce((a, b) => a + b, 0) / STARS.length);
    expect(await detail(product)).toMatchObject({ avg_rating: avg, rating_count: 20 });
    await expectCountersMatch(product, STARS);
  });

  it('concurrent updates and deletes by those 20 customers keep the counters exact', async () => {
    const product = pid('Bánh tráng trộn');
    const mine = await allRatings(product);
    const byUser = new Map(mine.map((r) => [r.user_id, r]));
    tick();
    const responses = await Promise.all(
      crowd.map((who, i) => {
        const r = byUser.get(who.uuid)!;
        return i % 2 === 0
          ? server.request('PUT', `/products/${product}/ratings/${r.id}`, {
              body: { stars: 1 + (i % 5) },
              token: who.token,
            })
          : server.request('DELETE', `/products/${product}/ratings/${r.id}`, {
              token: who.token,
            });
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(crowd.map((_, i) => (i % 2 === 0 ? 200 : 204)));
    await expectCountersMatch(
      product,
      crowd.flatMap((_, i) => (i % 2 === 0 ? [1 + (i % 5)] : [])),
    );
  });

  it('deleting one rating ten times at once counts it once', async () => {
    const product = pid('Thanh long ruột đỏ');
    const r = await rated(users.bob, product, 2);
    await rated(users.alice, product, 4);
    tick();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        server.request('DELETE', `/products/${product}/ratings/${r.id}`, {
          token: users.bob.token,
        }),
      ),
    );
    const statuses = responses.map((x) => x.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(9);
    await expectCountersMatch(product, [4]);
  });

  it('updating one rating ten times at once leaves the last value counted once', async () => {
    const product = pid('Cà chua bi');
    const r = await rated(users.carol, product, 3);
    tick();
    const responses = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((stars) =>
        server.request('PUT', `/products/${product}/ratings/${r.id}`, {
          body: { stars },
          token: users.carol.token,
        }),
      ),
    );
    expect(responses.map((x) => x.status)).toEqual(Array(10).fill(200));
    const [final] = await allRatings(product);
    await expectCountersMatch(product, [final!.stars]);
  });

  it('lets a customer rate again after deleting the rating', async () => {
    const product = pid('Khoai lang mật');
    const first = await rated(users.alice, product, 1);
    expect((await remove(users.alice, product, first.id)).status).toBe(204);
    await expectCountersMatch(product, []);
    const again = await rate(users.alice, product, 5, 'Lần này ngon hơn');
    expect(again.status, again.text).toBe(201);
    expect(again.body.id).not.toBe(first.id);
    await expectCountersMatch(product, [5]);
    expect((await allRatings(product)).map((r) => r.id)).toEqual([again.body.id]);
    // …and only once again.
    expect((await rate(users.alice, product, 4)).status).toBe(409);
  });
});
