import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Seed 001 §3.2.1–3.2.6: the `/products*` read contracts, over the demo catalog. Paths,
// parameter and field names, statuses and messages are the seed's; ids are UUIDs (the local
// integer id is accepted in paths too).

interface DemoCatalog {
  categories: { name: string; slug: string }[];
  products: { name: string; category: string; description: string }[];
}
const demo = JSON.parse(
  readFileSync(new URL('../../resources/demo/catalog.json', import.meta.url), 'utf8'),
) as DemoCatalog;
const CATEGORY_NAME = new Map(demo.categories.map((c) => [c.slug, c.name]));
const DEMO = new Map(
  demo.products.map((p) => [p.name, { ...p, categoryName: CATEGORY_NAME.get(p.category)! }]),
);
const TOTAL = demo.products.length;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const NOT_FOUND = 'Sản phẩm không tìm thấy';
const UNKNOWN_UUID = '0190f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f';

interface Summary {
  id: string;
  name: string;
  category: { id: string; name: string };
  avg_rating: number;
  rating_count: number;
  created_at: string;
}
interface Linked {
  id: string;
  name: string;
  type: string;
  avg_rating: number;
  rating_count: number;
}

let server: TestServer;
/** Every demo product's listing entry, by name. */
let byName: Map<string, Summary>;
/** Category UUID by demo slug. */
let categoryUuid: Map<string, string>;

const get = (path: string) => server.request('GET', path);
const idOf = (name: string) => byName.get(name)!.id;

/** The fields seed 001 documents for a list entry, with their types and catalog values. */
function expectSummary(p: Summary) {
  const context = JSON.stringify(p);
  for (const key of ['id', 'name', 'category', 'avg_rating', 'rating_count', 'created_at']) {
    expect(p, context).toHaveProperty(key);
  }
  expect(p.id, context).toMatch(UUID);
  const known = DEMO.get(p.name);
  expect(known, context).toBeDefined();
  expect(Object.keys(p.category).sort(), context).toEqual(['id', 'name']);
  expect(p.category.id, context).toMatch(UUID);
  expect(p.category.name, context).toBe(known!.categoryName);
  expect(typeof p.avg_rating, context).toBe('number');
  expect(p.avg_rating, context).toBeGreaterThanOrEqual(0);
  expect(p.avg_rating, context).toBeLessThanOrEqual(5);
  expect(Number.isInteger(p.rating_count), context).toBe(true);
  expect(p.created_at, context).toMatch(ISO);
}

function expectLinked(p: Linked, type: string) {
  const context = JSON.stringify(p);
  for (const key of ['id', 'name', 'type', 'avg_rating', 'rating_count']) {
    expect(p, context).toHaveProperty(key);
  }
  expect(p.id, context).toMatch(UUID);
  expect(DEMO.has(p.name), context).toBe(true);
  expect(p.type, context).toBe(type);
  expect(typeof p.avg_rating, context).toBe('number');
  expect(Number.isInteger(p.rating_count), context).toBe(true);
}

/** Walks every page of a listing and returns the ids in order, checking each page's counters. */
async function walk(path: string, limit: number): Promise<string[]> {
  const sep = path.includes('?') ? '&' : '?';
  const first = await get(`${path}${sep}page=1&limit=${limit}`);
  expect(first.status, first.text).toBe(200);
  const { total, total_pages } = first.body.pagination;
  expect(total_pages).toBe(Math.ceil(total / limit));
  const ids: string[] = [];
  for (let page = 1; page <= total_pages; page++) {
    const res = page === 1 ? first : await get(`${path}${sep}page=${page}&limit=${limit}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.pagination).toMatchObject({ page, limit, total, total_pages });
    expect(res.body.data.length).toBe(page < total_pages ? limit : total - limit * (page - 1));
    ids.push(...(res.body.data as Summary[]).map((p) => p.id));
  }
  return ids;
}

/** Ratings behind the sort=rating and popular expectations: stars per product, one per user. */
const RATED: Record<string, number[]> = {
  'Kẹo dừa Bến Tre': [5, 5],
  'Mứt gừng': [5],
  'Gạo ST25 Sóc Trăng': [5, 4, 4, 4],
  'Trà sen Tây Hồ': [4, 5, 3],
  'Rau muống': [2],
};

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  // The demo seed stamps every product with the same instant; spread creation times over a
  // shuffled order (11 and 34 are coprime) so that sort=newest has something to prove. This runs
  // before the first request, so no listing has been computed yet.
  const setCreated = server.backend.store.db.$client.prepare(
    'update products set created_at = ? where id = ?',
  );
  const base = Date.parse('2025-12-01T00:00:00.000Z');
  for (let id = 1; id <= TOTAL; id++) {
    setCreated.run(new Date(base + ((id * 11) % TOTAL) * 3_600_000).toISOString(), id);
  }

  const all = await get('/products?limit=100');
  byName = new Map((all.body.data as Summary[]).map((p) => [p.name, p]));
  categoryUuid = new Map(
    demo.products.map((p) => [p.category, byName.get(p.name)!.category.id] as const),
  );

  const raters = await Promise.all(
    [0, 1, 2, 3].map(async (i) => {
      const email = `rater${i}@example.com`;
      const res = await server.request('POST', '/users/register', {
        body: { name: `Khách ${i}`, email, password: 'secret-123' },
      });
      expect(res.status, res.text).toBe(201);
      return server.login(email, 'secret-123');
    }),
  );
  for (const [name, stars] of Object.entries(RATED)) {
    for (const [i, s] of stars.entries()) {
      const res = await server.request('POST', `/products/${idOf(name)}/ratings`, {
        body: { stars: s },
        token: raters[i],
      });
      expect(res.status, res.text).toBe(201);
    }
  }
});
afterAll(() => server.stop());

describe('GET /products', () => {
  it('answers the documented shape, with page 1 and limit 20 by default', async () => {
    const res = await get('/products');
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: TOTAL, total_pages: 2 });
    expect(res.body.data).toHaveLength(20);
    for (const p of res.body.data) expectSummary(p);
  });

  it('shows each product with its category, ratings and UUID', async () => {
    const res = await get('/products?limit=100');
    expect(res.body.data).toHaveLength(TOTAL);
    expect(new Set((res.body.data as Summary[]).map((p) => p.name))).toEqual(new Set(DEMO.keys()));
    for (const p of res.body.data) expectSummary(p);
    for (const [name, stars] of Object.entries(RATED)) {
      const p = (res.body.data as Summary[]).find((x) => x.name === name)!;
      expect(p.rating_count, name).toBe(stars.length);
      expect(p.avg_rating, name).toBe(
        Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 100) / 100,
      );
    }
  });

  it('accepts limit up to 100 and answers one product for limit 1', async () => {
    const max = await get('/products?limit=100');
    expect(max.status).toBe(200);
    expect(max.body.pagination).toEqual({ page: 1, limit: 100, total: TOTAL, total_pages: 1 });
    const one = await get('/products?limit=1&page=3');
    expect(one.body.data).toHaveLength(1);
    expect(one.body.pagination).toEqual({ page: 3, limit: 1, total: TOTAL, total_pages: TOTAL });
  });

  it('answers an empty page past the end, still with the totals', async () => {
    const res = await get('/products?page=6&limit=7');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [],
      pagination: { page: 6, limit: 7, total: TOTAL, total_pages: 5 },
    });
  });

  it('filters by category_id given as the category UUID', async () => {
    for (const c of demo.categories) {
      const expected = demo.products.filter((p) => p.category === c.slug).map((p) => p.name);
      const res = await get(`/products?category_id=${categoryUuid.get(c.slug)}&limit=100`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.pagination.total, c.name).toBe(expected.length);
      expect((res.body.data as Summary[]).map((p) => p.name).sort(), c.name).toEqual(
        expected.sort(),
      );
      for (const p of res.body.data as Summary[]) {
        expect(p.category).toEqual({ id: categoryUuid.get(c.slug), name: c.name });
      }
    }
  });

  it('pages a category filter too', async () => {
    const coffee = categoryUuid.get('ca-phe-tra')!;
    const ids = await walk(`/products?category_id=${coffee}`, 4);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('sort=newest lists the most recently created first', async () => {
    const res = await get('/products?sort=newest&limit=100');
    expect(res.status).toBe(200);
    const stamps = (res.body.data as Summary[]).map((p) => Date.parse(p.created_at));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(new Set(stamps).size).toBe(TOTAL);
  });

  it('sort=rating lists the best average first, unrated products last', async () => {
    const res = await get('/products?sort=rating&limit=100');
    expect(res.status).toBe(200);
    const data = res.body.data as Summary[];
    const averages = data.map((p) => p.avg_rating);
    expect(averages).toEqual([...averages].sort((a, b) => b - a));
    expect(new Set(data.slice(0, 2).map((p) => p.name))).toEqual(
      new Set(['Kẹo dừa Bến Tre', 'Mứt gừng']),
    );
    expect(data.slice(2, 5).map((p) => [p.name, p.avg_rating])).toEqual([
      ['Gạo ST25 Sóc Trăng', 4.25],
      ['Trà sen Tây Hồ', 4],
      ['Rau muống', 2],
    ]);
    expect(data.slice(5).every((p) => p.rating_count === 0)).toBe(true);
  });

  it('sort=name lists products in Vietnamese alphabetical order', async () => {
    const res = await get('/products?sort=name&limit=100');
    expect(res.status).toBe(200);
    const names = (res.body.data as Summary[]).map((p) => p.name);
    expect(names).toHaveLength(TOTAL);
    // The Vietnamese alphabet: a ă â b c d đ e ê … o ô ơ … u ư …, tone marks second. So
    // "Đường mía" follows the d-words and comes before "Gạo", and "Khoai" (o) before "Khô" (ô).
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names.indexOf('Đường mía Biên Hòa')).toBeLessThan(names.indexOf('Gạo ST25 Sóc Trăng'));
  });

  it.each([['newest'], ['name'], ['rating'], [null]])(
    'pages sort=%s with limit 7: every product exactly once, none skipped',
    async (sort) => {
      const ids = await walk(sort ? `/products?sort=${sort}` : '/products', 7);
      expect(ids).toHaveLength(TOTAL);
      expect(new Set(ids)).toEqual(new Set([...byName.values()].map((p) => p.id)));
    },
  );

  it('pages in the same order as one big page', async () => {
    for (const sort of ['newest', 'name', 'rating']) {
      const whole = await get(`/products?sort=${sort}&limit=100`);
      const paged = await walk(`/products?sort=${sort}`, 7);
      expect(paged, sort).toEqual((whole.body.data as Summary[]).map((p) => p.id));
    }
  });
});

describe('GET /products/search', () => {
  it('answers the documented shape, echoing q in pagination', async () => {
    const res = await get(`/products/search?q=${encodeURIComponent('Cà PHÊ')}`);
    expect(res.status).toBe(200);
    const { pagination } = res.body;
    expect(Object.keys(pagination).sort()).toEqual(['limit', 'page', 'q', 'total', 'total_pages']);
    expect(pagination).toMatchObject({ q: 'Cà PHÊ', page: 1, limit: 20 });
    expect(pagination.total).toBeGreaterThanOrEqual(3);
    expect(pagination.total_pages).toBe(Math.ceil(pagination.total / 20));
    for (const p of res.body.data) expectSummary(p);
    expect(new Set((res.body.data as Summary[]).slice(0, 3).map((p) => p.name))).toEqual(
      new Set([
        'Cà phê Arabica Cầu Đất',
        'Cà phê hòa tan 3 trong 1',
        'Cà phê Robusta Buôn Ma Thuột',
      ]),
    );
  });

  it.each([
    ['ca phe', 'Cà phê Robusta Buôn Ma Thuột'],
    ['duong', 'Đường mía Biên Hòa'],
    ['duong', 'Đường thốt nốt An Giang'],
    ['ca ph', 'Cà phê Arabica Cầu Đất'],
    ['robsta', 'Cà phê Robusta Buôn Ma Thuột'],
    ['CÀ CHUA', 'Cà chua bi'],
  ])('%j finds %s', async (q, name) => {
    const res = await get(`/products/search?q=${encodeURIComponent(q)}&limit=100`);
    expect(res.status).toBe(200);
    expect((res.body.data as Summary[]).map((p) => p.name)).toContain(name);
  });

  it('ranks a name match before a description match', async () => {
    const res = await get(`/products/search?q=${encodeURIComponent('tây ninh')}`);
    const names = (res.body.data as Summary[]).map((p) => p.name);
    expect(names[0]).toBe('Muối tôm Tây Ninh');
    expect(names).toContain('Bánh tráng trộn'); // "Tây Ninh" only in its description
  });

  it('gives the same answer for decomposed (NFD) and composed (NFC) Vietnamese', async () => {
    const q = 'Đường thốt nốt';
    const nfc = await get(`/products/search?q=${encodeURIComponent(q.normalize('NFC'))}`);
    const nfd = await get(`/products/search?q=${encodeURIComponent(q.normalize('NFD'))}`);
    expect(nfd.status).toBe(200);
    expect(nfd.body.data).toEqual(nfc.body.data);
    expect(nfc.body.data[0].name).toBe('Đường thốt nốt An Giang');
  });

  it('filters by category_id', async () => {
    const drinks = categoryUuid.get('do-uong')!;
    const res = await get(`/products/search?q=${encodeURIComponent('trà')}&category_id=${drinks}`);
    expect(res.status).toBe(200);
    expect((res.body.data as Summary[]).map((p) => p.name)).toEqual(['Trà đá chanh đóng chai']);
    expect(res.body.pagination).toMatchObject({ total: 1, total_pages: 1 });
  });

  it('pages a broad search with limit 7: every match exactly once', async () => {
    // Every demo SKU starts with "CS-", so this query matches the whole catalog.
    const ids = await walk('/products/search?q=cs', 7);
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
  });

  it('answers an empty page past the end of the results', async () => {
    const res = await get('/products/search?q=robusta&page=2');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.pagination).toEqual({
      q: 'robusta',
      page: 2,
      limit: 20,
      total: 1,
      total_pages: 1,
    });
  });

  it.each([
    '"',
    '*',
    'NEAR(',
    '-',
    '(',
    ')',
    "'",
    '""',
    '"*"',
    'NEAR()',
    '(-)',
    "'; --",
    '^',
    ':',
    '🛒',
    '\u0301',
  ])(
    'treats the FTS syntax %j as plain text: an empty result or a 400 naming q, never a 500',
    async (q) => {
      const res = await get(`/products/search?q=${encodeURIComponent(q)}`);
      if (res.status === 400) {
        expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'q' });
      } else {
        expect(res.status, res.text).toBe(200);
        expect(res.body.data).toEqual([]);
        expect(res.body.pagination).toEqual({ q, page: 1, limit: 20, total: 0, total_pages: 0 });
      }
    },
  );

  it.each([
    ['"cà phê"', 'cà phê'],
    ['cà phê*', 'cà phê'],
    ['"cà phê', 'cà phê'],
    ['(trà)', 'trà'],
    ['-trà', 'trà'],
    ['trà -xanh', 'trà xanh'],
    ['trà NOT xanh', 'trà not xanh'],
    ['trà OR gạo', 'trà or gạo'],
    ['NEAR(trà xanh)', 'near trà xanh'],
    ["trà' OR '1'='1", 'trà or 1 1'],
    ['name:trà', 'name trà'],
    ['{name}: trà', 'name trà'],
    ['trà^', 'trà'],
  ])('answers %j exactly as the plain words %j', async (q, plain) => {
    const withSyntax = await get(`/products/search?q=${encodeURIComponent(q)}&limit=100`);
    const words = await get(`/products/search?q=${encodeURIComponent(plain)}&limit=100`);
    expect(withSyntax.status, withSyntax.text).toBe(200);
    expect((withSyntax.body.data as Summary[]).map((p) => p.name)).toEqual(
      (words.body.data as Summary[]).map((p) => p.name),
    );
    expect(withSyntax.body.pagination.q).toBe(q);
  });

  it('refuses a 2 000-character q naming q, or answers it without a match', async () => {
    for (const q of ['x'.repeat(2000), 'cà phê '.repeat(286)]) {
      const res = await get(`/products/search?q=${encodeURIComponent(q)}`);
      if (res.status === 400) {
        expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'q' });
      } else {
        expect(res.status, res.text.slice(0, 300)).toBe(200);
        expect(res.body.pagination.q).toBe(q);
      }
    }
  });
});

describe('GET /products/{productId}', () => {
  it('answers the documented shape, by UUID', async () => {
    const id = idOf('Cà phê Robusta Buôn Ma Thuột');
    const res = await get(`/products/${id}`);
    expect(res.status).toBe(200);
    for (const key of [
      'id',
      'name',
      'description',
      'category',
      'avg_rating',
      'rating_count',
      'created_at',
      'updated_at',
    ]) {
      expect(res.body).toHaveProperty(key);
    }
    expect(res.body).toMatchObject({
      id,
      name: 'Cà phê Robusta Buôn Ma Thuột',
      description: 'Cà phê Robusta rang mộc từ Tây Nguyên, vị đậm, hậu ngọt',
      category: { id: categoryUuid.get('ca-phe-tra'), name: 'Cà phê & Trà' },
      avg_rating: 0,
      rating_count: 0,
    });
    expect(Object.keys(res.body.category).sort()).toEqual(['id', 'name']);
    expect(res.body.created_at).toMatch(ISO);
    expect(res.body.updated_at).toMatch(ISO);
  });

  it('answers the same product for its local integer id and for its UUID in any case', async () => {
    const local = await get('/products/1');
    expect(local.status).toBe(200);
    expect(local.body.id).toMatch(UUID);
    const byUuid = await get(`/products/${local.body.id}`);
    expect(byUuid.body).toEqual(local.body);
    const upper = await get(`/products/${String(local.body.id).toUpperCase()}`);
    expect(upper.status).toBe(200);
    expect(upper.body.id).toBe(local.body.id);
  });

  it('shows the rating average and count', async () => {
    const res = await get(`/products/${idOf('Gạo ST25 Sóc Trăng')}`);
    expect(res.body).toMatchObject({ avg_rating: 4.25, rating_count: 4 });
  });

  it.each([
    UNKNOWN_UUID,
    '00000000-0000-0000-0000-000000000000',
    '999999',
    '0',
    '-1',
    '1.5',
    'abc',
    '1 OR 1=1',
    "1' --",
    '%2A',
    'null',
  ])('answers 400 "Sản phẩm không tìm thấy" for the unknown id %j', async (ref) => {
    const res = await get(`/products/${encodeURIComponent(ref)}`);
    expectErrorBody(res, { status: 400, code: res.body?.code });
    expect(res.body.detail).toBe(NOT_FOUND);
  });

  it('refuses an over-long id or a broken percent-encoding with a 4xx error body', async () => {
    for (const path of [`/products/${'9'.repeat(100)}`, '/products/%E0%A4%A']) {
      const res = await get(path);
      expect(res.status, `${path}: ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path}: ${res.text}`).toBeLessThan(500);
      expectErrorBody(res, { status: res.status, code: res.body?.code });
    }
  });
});

describe('GET /products/{productId}/similar', () => {
  const robusta = () => idOf('Cà phê Robusta Buôn Ma Thuột');
  const coffeeAndTea = demo.products.filter((p) => p.category === 'ca-phe-tra').map((p) => p.name);

  it('answers 5 products of the same category by default, never the product itself', async () => {
    const res = await get(`/products/${robusta()}/similar`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    const data = res.body.data as Summary[];
    expect(data).toHaveLength(5);
    for (const p of data) {
      for (const key of ['id', 'name', 'category', 'avg_rating', 'rating_count']) {
        expect(p).toHaveProperty(key);
      }
      expect(p.id).toMatch(UUID);
      expect(p.category).toEqual({ id: categoryUuid.get('ca-phe-tra'), name: 'Cà phê & Trà' });
      expect(p.id).not.toBe(robusta());
    }
    expect(new Set(data.map((p) => p.id)).size).toBe(5);
  });

  it('answers at most limit products, up to 20', async () => {
    const two = await get(`/products/${robusta()}/similar?limit=2`);
    expect(two.body.data).toHaveLength(2);
    const all = await get(`/products/${robusta()}/similar?limit=20`);
    expect(all.status).toBe(200);
    expect((all.body.data as Summary[]).map((p) => p.name).sort()).toEqual(
      coffeeAndTea.filter((n) => n !== 'Cà phê Robusta Buôn Ma Thuột').sort(),
    );
  });

  it('answers the same list for the local id', async () => {
    const byUuid = await get(`/products/${robusta()}/similar`);
    const local = await get('/products/1/similar');
    expect(local.body).toEqual(byUuid.body);
  });

  it('answers "Sản phẩm không tìm thấy" for an unknown product', async () => {
    for (const ref of [UNKNOWN_UUID, '999999', 'abc']) {
      const res = await get(`/products/${ref}/similar`);
      expectErrorBody(res, { status: res.status, code: res.body?.code });
      expect([400, 404]).toContain(res.status);
      expect(res.body.detail).toBe(NOT_FOUND);
    }
  });
});

describe('GET /products/{productId}/related', () => {
  it('answers the documented shape with type "related", never the product itself', async () => {
    const id = idOf('Cà phê Robusta Buôn Ma Thuột');
    const res = await get(`/products/${id}/related`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    const data = res.body.data as Linked[];
    expect(data.length).toBeGreaterThan(0);
    for (const p of data) expectLinked(p, 'related');
    expect(data.map((p) => p.id)).not.toContain(id);
    expect(new Set(data.map((p) => p.id)).size).toBe(data.length);
  });

  it('answers "Sản phẩm không tìm thấy" for an unknown product', async () => {
    for (const ref of [UNKNOWN_UUID, '999999', 'abc']) {
      const res = await get(`/products/${ref}/related`);
      expectErrorBody(res, { status: res.status, code: res.body?.code });
      expect([400, 404]).toContain(res.status);
      expect(res.body.detail).toBe(NOT_FOUND);
    }
  });
});

describe('GET /products/popular', () => {
  /** Sales are not part of the seed 001 views, so the store's own counters are the oracle. */
  function popularityOf(id: string): [sold: number, rated: number] {
    const row = server.backend.store.db.$client
      .prepare('select sold_count, rating_count from products where uuid = ?')
      .get(id) as { sold_count: number; rating_count: number };
    return [row.sold_count, row.rating_count];
  }

  /** Most sold first, then most rated. */
  function expectPopularOrder(data: Linked[]) {
    const keys = data.map((p) => popularityOf(p.id));
    for (let i = 1; i < keys.length; i++) {
      const [prevSold, prevRated] = keys[i - 1]!;
      const [sold, rated] = keys[i]!;
      const context = `${data[i - 1]!.name} ${keys[i - 1]} before ${data[i]!.name} ${keys[i]}`;
      expect(prevSold, context).toBeGreaterThanOrEqual(sold);
      if (prevSold === sold) expect(prevRated, context).toBeGreaterThanOrEqual(rated);
    }
    for (const p of data) expect(p.rating_count, p.name).toBe(popularityOf(p.id)[1]);
  }

  it('answers 10 products by default, the most popular first', async () => {
    const res = await get('/products/popular');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    const data = res.body.data as Linked[];
    expect(data).toHaveLength(10);
    for (const p of data) expectLinked(p, p.type);
    expect(new Set(data.map((p) => p.id)).size).toBe(10);
    expectPopularOrder(data);
    // The ten are the ten most popular of the whole catalogue.
    const all = await get('/products/popular?limit=50');
    expect(data.map((p) => p.id)).toEqual(
      (all.body.data as Linked[]).slice(0, 10).map((p) => p.id),
    );
  });

  it('answers up to 50 products, each once', async () => {
    const res = await get('/products/popular?limit=50');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(TOTAL);
    expect(new Set((res.body.data as Linked[]).map((p) => p.id)).size).toBe(TOTAL);
    expectPopularOrder(res.body.data);
    const three = await get('/products/popular?limit=3');
    expect(three.body.data).toEqual(res.body.data.slice(0, 3));
  });

  it('filters by category_id', async () => {
    for (const c of demo.categories) {
      const names = demo.products.filter((p) => p.category === c.slug).map((p) => p.name);
      const res = await get(`/products/popular?category_id=${categoryUuid.get(c.slug)}`);
      expect(res.status).toBe(200);
      expect((res.body.data as Linked[]).map((p) => p.name).sort(), c.name).toEqual(names.sort());
      expectPopularOrder(res.body.data);
    }
    const two = await get(
      `/products/popular?category_id=${categoryUuid.get('ca-phe-tra')}&limit=2`,
    );
    expect(two.body.data).toHaveLength(2);
    for (const p of two.body.data as Linked[]) {
      expect(demo.products.find((d) => d.name === p.name)?.category).toBe('ca-phe-tra');
    }
  });
});

describe('bad input: 400 naming the field, never a 500', () => {
  it.each([
    ['/products?page=0', 'page'],
    ['/products?page=-1', 'page'],
    ['/products?page=abc', 'page'],
    ['/products?page=1.5', 'page'],
    ['/products?page=1&page=2', 'page'],
    ['/products?limit=0', 'limit'],
    ['/products?limit=101', 'limit'],
    ['/products?limit=-5', 'limit'],
    ['/products?limit=abc', 'limit'],
    ['/products?sort=price', 'sort'],
    ['/products?sort=', 'sort'],
    ['/products?sort=rating%27%20--', 'sort'],
    [`/products?category_id=${UNKNOWN_UUID}`, 'category_id'],
    ['/products?category_id=abc', 'category_id'],
    ['/products?category_id=999999', 'category_id'],
    ['/products/search', 'q'],
    ['/products/search?q=', 'q'],
    ['/products/search?q=%20%20%20', 'q'],
    ['/products/search?q=ca&page=0', 'page'],
    ['/products/search?q=ca&page=-1', 'page'],
    ['/products/search?q=ca&page=abc', 'page'],
    ['/products/search?q=ca&limit=0', 'limit'],
    ['/products/search?q=ca&limit=abc', 'limit'],
    [`/products/search?q=ca&category_id=${UNKNOWN_UUID}`, 'category_id'],
    ['/products/1/similar?limit=0', 'limit'],
    ['/products/1/similar?limit=21', 'limit'],
    ['/products/1/similar?limit=abc', 'limit'],
    ['/products/1/related?limit=0', 'limit'],
    ['/products/popular?limit=0', 'limit'],
    ['/products/popular?limit=51', 'limit'],
    ['/products/popular?limit=abc', 'limit'],
    [`/products/popular?category_id=${UNKNOWN_UUID}`, 'category_id'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    const res = await get(path);
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field });
  });
});
