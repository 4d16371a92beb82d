import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Seed 003 `GET /api/products` over the demo catalog. The expected answers come from
// resources/demo/catalog.json itself, so shape, filters and facets are all checked against
// the catalog a shopper would see.

interface DemoProduct {
  name: string;
  slug: string;
  category: string;
  tags: string[];
  is_hot: boolean;
  image: string;
  variants: { size: string; price: number }[];
}
interface ShopProduct {
  id: string;
  name: string;
  slug: string;
  category: string;
  tags: string[];
  minPrice: number;
  maxPrice: number;
  images: string[];
  isHot: boolean;
  variantCount: number;
  rating: number;
}

const demo = JSON.parse(
  readFileSync(new URL('../../resources/demo/catalog.json', import.meta.url), 'utf8'),
) as { categories: { name: string; slug: string }[]; products: DemoProduct[] };

const SORTS = ['newest', 'oldest', 'price_asc', 'price_desc', 'name', 'rating', 'popular'];
/** Stars per product name, given by customers 1…n. */
const RATINGS: Record<string, number[]> = {
  'Xoài cát Hòa Lộc': [5, 5],
  'Rau muống': [4],
  'Bưởi da xanh': [3, 2],
};

let server: TestServer;
const bySlug = new Map(demo.products.map((p) => [p.slug, p]));
const prices = (p: DemoProduct) => p.variants.map((v) => v.price);
const slugs = (list: { slug: string }[]) => list.map((p) => p.slug).sort();
const expectedSlugs = (match: (p: DemoProduct) => boolean) => slugs(demo.products.filter(match));

async function shop(query: string) {
  const res = await server.request('GET', `/api/products?${query}`);
  expect(res.status, `${query}: ${res.text.slice(0, 300)}`).toBe(200);
  expect(res.body.success).toBe(true);
  return res.body.data;
}

/** Every product of a query in answer order, walking the pages; checks each pagination block. */
async function walk(query: string, limit = 5): Promise<ShopProduct[]> {
  const out: ShopProduct[] = [];
  for (let page = 1; ; page++) {
    const data = await shop(`${query}&page=${page}&limit=${limit}`);
    const { total, totalPages } = data.pagination;
    expect(data.pagination).toEqual({
      page,
      limit,
      total,
      totalPages: Math.ceil(total / limit),
      hasNext: page < totalPages,
      hasPrev: page > 1,
    });
    out.push(...data.products);
    if (page >= totalPages) {
      expect(out).toHaveLength(total);
      return out;
    }
  }
}

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  const listed = await server.request('GET', '/products?limit=100');
  const uuidOf = new Map<string, string>(
    listed.body.data.map((p: { id: string; name: string }) => [p.name, p.id]),
  );
  const tokens: string[] = [];
  for (let n = 1; n <= 2; n++) {
    const person = { name: `Khách ${n}`, email: `shop${n}@example.com`, password: 'pw-123456' };
    expect((await server.request('POST', '/users/register', { body: person })).status).toBe(201);
    tokens.push(await server.login(person.email, person.password));
  }
  for (const [name, stars] of Object.entries(RATINGS)) {
    for (const [i, s] of stars.entries()) {
      const res = await server.request('POST', `/products/${uuidOf.get(name)}/ratings`, {
        token: tokens[i],
        body: { stars: s },
      });
      expect(res.status, res.text).toBe(201);
    }
  }
});
afterAll(() => server.stop());

describe('GET /api/products: shape', () => {
  it('answers the documented envelope, product fields, pagination and filters', async () => {
    const res = await server.request('GET', '/api/products');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'success']);
    expect(res.body.success).toBe(true);
    const { data } = res.body;
    expect(Object.keys(data).sort()).toEqual(['filters', 'pagination', 'products']);
    expect(data.pagination).toEqual({
      page: 1,
      limit: 12,
      total: demo.products.length,
      totalPages: Math.ceil(demo.products.length / 12),
      hasNext: true,
      hasPrev: false,
    });
    expect(data.products).toHaveLength(12);
    expect(Object.keys(data.filters).sort()).toEqual(['applied', 'available']);
    expect(data.filters.applied).toEqual({});
    expect(Object.keys(data.filters.available).sort()).toEqual([
      'categories',
      'priceRange',
      'sizes',
      'tags',
    ]);
    expect(Object.keys(data.filters.available.priceRange).sort()).toEqual(['max', 'min']);
  });

  it('describes every product as the catalog does', async () => {
    const all = await walk('');
    expect(slugs(all)).toEqual(slugs(demo.products));
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) {
      const source = bySlug.get(p.slug)!;
      expect(p.id).toMatch(/^[1-9]\d*$/);
      expect(p).toMatchObject({
        name: source.name,
        category: source.category,
        minPrice: Math.min(...prices(source)),
        maxPrice: Math.max(...prices(source)),
        isHot: source.is_hot,
        variantCount: source.variants.length,
      });
      expect([...p.tags].sort(), p.slug).toEqual([...source.tags].sort());
      expect(p.images.length).toBeGreaterThan(0);
      for (const image of p.images) expect(typeof image).toBe('string');
      expect(p.images[0]!.endsWith(source.image)).toBe(true);
    }
  });
});

describe('GET /api/products: filters', () => {
  it.each(demo.categories.map((c) => c.slug))('filters by category slug %s', async (slug) => {
    const data = await shop(`category=${slug}&limit=100`);
    expect(slugs(data.products)).toEqual(expectedSlugs((p) => p.category === slug));
    expect(data.filters.applied).toEqual({ category: slug });
  });

  it.each([
    ['minPrice=100000', (v: number) => v >= 100_000],
    ['maxPrice=20000', (v: number) => v <= 20_000],
    ['minPrice=18000&maxPrice=18000', (v: number) => v === 18_000],
    ['minPrice=50000&maxPrice=60000', (v: number) => v >= 50_000 && v <= 60_000],
  ])('%s lists the products with a variant at that price', async (query, inRange) => {
    const data = await shop(`${query}&limit=100`);
    expect(slugs(data.products)).toEqual(expectedSlugs((p) => prices(p).some(inRange)));
    expect(data.products.length).toBeGreaterThan(0);
  });

  it.each(['1kg', '500ml', 'Hộp 20 gói', 'Trái ~1,5kg'])('filters by size %s', async (size) => {
    const data = await shop(`size=${encodeURIComponent(size)}&limit=100`);
    expect(slugs(data.products)).toEqual(
      expectedSlugs((p) => p.variants.some((v) => v.size === size)),
    );
    expect(data.products.length).toBeGreaterThan(0);
  });

  it.each([['Healthy'], ['Healthy,Quà tặng'], ['Bán chạy, Đặc sản']])(
    'filters by comma-separated tags %s (any of them)',
    async (tags) => {
      const wanted = tags.split(',').map((t) => t.trim());
      const data = await shop(`tags=${encodeURIComponent(tags)}&limit=100`);
      expect(slugs(data.products)).toEqual(
        expectedSlugs((p) => p.tags.some((t) => wanted.includes(t))),
      );
    },
  );

  it('filters by isHot', async () => {
    const hot = await shop('isHot=true&limit=100');
    expect(slugs(hot.products)).toEqual(expectedSlugs((p) => p.is_hot));
    const cold = await shop('isHot=false&limit=100');
    expect(slugs(cold.products)).toEqual(expectedSlugs((p) => !p.is_hot));
  });

  it('combines filters and reports them as applied', async () => {
    const data = await shop(
      'category=ca-phe-tra&minPrice=60000&isHot=true&tags=B%C3%A1n%20ch%E1%BA%A1y&limit=100',
    );
    expect(slugs(data.products)).toEqual(
      expectedSlugs(
        (p) =>
          p.category === 'ca-phe-tra' &&
          p.is_hot &&
          prices(p).some((v) => v >= 60_000) &&
          p.tags.includes('Bán chạy'),
      ),
    );
    expect(data.filters.applied).toMatchObject({ category: 'ca-phe-tra', isHot: true });
    expect(Object.keys(data.filters.applied).sort()).toEqual([
      'category',
      'isHot',
      'minPrice',
      'tags',
    ]);
  });
});

describe('GET /api/products: sorting and paging', () => {
  it.each(['', ...SORTS.map((s) => `sort=${s}`)])(
    'pages "%s" stably: every product exactly once',
    async (query) => {
      const paged = await walk(query);
      expect(slugs(paged)).toEqual(slugs(demo.products));
      const whole = (await shop(`${query}&limit=100`)).products as ShopProduct[];
      expect(paged.map((p) => p.id)).toEqual(whole.map((p) => p.id));
      const beyond = await shop(`${query}&page=${Math.ceil(paged.length / 5) + 1}&limit=5`);
      expect(beyond.products).toEqual([]);
      expect(beyond.pagination).toMatchObject({ hasNext: false, hasPrev: true });
    },
  );

  const nonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! >= x);

  it('sorts by price both ways', async () => {
    const asc = await walk('sort=price_asc');
    expect(nonIncreasing(asc.map((p) => -p.minPrice))).toBe(true);
    const desc = await walk('sort=price_desc');
    expect(nonIncreasing(desc.map((p) => p.maxPrice))).toBe(true);
  });

  it('sorts oldest as the reverse of newest', async () => {
    const newest = (await walk('sort=newest')).map((p) => p.id);
    const oldest = (await walk('sort=oldest')).map((p) => p.id);
    expect(oldest).toEqual([...newest].reverse());
    expect((await walk('')).map((p) => p.id)).toEqual(newest);
  });

  it('sorts by rating', async () => {
    const rated = await walk('sort=rating');
    expect(rated.slice(0, 3).map((p) => p.name)).toEqual([
      'Xoài cát Hòa Lộc',
      'Rau muống',
      'Bưởi da xanh',
    ]);
    expect(nonIncreasing(rated.map((p) => p.rating))).toBe(true);
  });

  it('sorts by popularity (units sold)', async () => {
    const store = await server.request('GET', '/store/products/search?limit=100');
    const sold = new Map<string, number>(
      store.body.data.map((p: { id: number; sold_count: number }) => [String(p.id), p.sold_count]),
    );
    const popular = await walk('sort=popular');
    expect(nonIncreasing(popular.map((p) => sold.get(p.id)!))).toBe(true);
  });

  it('sorts by name as Vietnamese readers do', async () => {
    const names = (await walk('sort=name')).map((p) => p.name);
    const collator = new Intl.Collator('vi', { sensitivity: 'base' });
    expect(names).toEqual([...names].sort(collator.compare));
  });
});

describe('GET /api/products: facets', () => {
  it('offers what the catalog holds', async () => {
    const { available } = (await shop('')).filters;
    const variants = demo.products.flatMap((p) => p.variants);
    expect(
      [...available.categories].sort((a: { slug: string }, b: { slug: string }) =>
        a.slug.localeCompare(b.slug),
      ),
    ).toEqual(
      demo.categories
        .map((c) => ({
          slug: c.slug,
          name: c.name,
          count: demo.products.filter((p) => p.category === c.slug).length,
        }))
        .sort((a, b) => a.slug.localeCompare(b.slug)),
    );
    expect(available.priceRange).toEqual({
      min: Math.min(...variants.map((v) => v.price)),
      max: Math.max(...variants.map((v) => v.price)),
    });
    expect([...available.sizes].sort()).toEqual([...new Set(variants.map((v) => v.size))].sort());
    expect([...available.tags].sort()).toEqual(
      [...new Set(demo.products.flatMap((p) => p.tags))].sort(),
    );
  });

  it('every facet value finds what it promises', async () => {
    const { available } = (await shop('')).filters;
    for (const c of available.categories) {
      expect((await shop(`category=${c.slug}`)).pagination.total, c.slug).toBe(c.count);
    }
    for (const size of available.sizes) {
      expect(
        (await shop(`size=${encodeURIComponent(size)}`)).pagination.total,
        size,
      ).toBeGreaterThan(0);
    }
    for (const tag of available.tags) {
      expect((await shop(`tags=${encodeURIComponent(tag)}`)).pagination.total, tag).toBeGreaterThan(
        0,
      );
    }
    const { min, max } = available.priceRange;
    expect((await shop(`minPrice=${min}&maxPrice=${max}`)).pagination.total).toBe(
      demo.products.length,
    );
    expect((await shop(`minPrice=${max + 1}`)).pagination.total).toBe(0);
  });
});

describe('GET /api/products: bad input', () => {
  it.each([
    ['minPrice=100000&maxPrice=50000', ['minPrice', 'maxPrice']],
    ['minPrice=-1', ['minPrice']],
    ['maxPrice=-5', ['maxPrice']],
    ['minPrice=abc', ['minPrice']],
    ['category=khong-co-danh-muc', ['category']],
    ['sort=cheapest', ['sort']],
    ['isHot=maybe', ['isHot']],
    ['page=0', ['page']],
    ['limit=1000', ['limit']],
  ])('%s answers 400 with success:false', async (query, fields) => {
    const res = await server.request('GET', `/api/products?${query}`);
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR' });
    expect(res.body.success).toBe(false);
    expect(fields).toContain(res.body.field);
  });
});
