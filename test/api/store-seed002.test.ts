import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Seed 002 `/store/products/*` over the demo catalog plus three bikes created through the
// admin API (the demo has no colours, conditions or rentals). Expected answers are computed
// from a model of the catalog read through the detail endpoint, so every filter is checked
// both ways: nothing returned that doesn't match, nothing matching left out.

interface ModelVariant {
  price: number;
  size: string | null;
  color: string | null;
  condition: string;
}
interface ModelProduct {
  id: number;
  name: string;
  categoryId: number;
  rating: number;
  soldCount: number;
  variants: ModelVariant[];
}

const CARD_KEYS = [
  'color',
  'condition',
  'id',
  'name',
  'price',
  'rating',
  'size',
  'sold_count',
  'thumbnail',
];
const PAGINATION_KEYS = ['current_page', 'limit', 'total_items', 'total_pages'];

const ROAD = {
  name: 'Road-150 Red, 62',
  product_number: 'BK-R50R-62',
  standard_cost: 2_000_000,
  list_price: 3_578_270,
  attributes: {
    size: '62',
    color: 'Red',
    condition: 'New',
    frame_material: 'Aluminum',
    wheel_size: '700c',
  },
  rental_config: { is_rentable: true, security_deposit: 2_862_620 },
  rent_price: 150_000,
  stock_details: { total_stock: 100, maintenance_stock: 0 },
  images: ['https://example.com/road-1.jpg', 'https://example.com/road-2.jpg'],
  description: 'Xe đạp đua khung nhôm',
};
const MOUNTAIN = {
  name: 'Mountain-200 Touring',
  description: 'Xe địa hình hai cỡ khung',
  variants: [
    { sku: 'MT-38-S', size: '38', color: 'Silver', condition: 'New', price: 2_300_000, stock: 5 },
    {
      sku: 'MT-42-B',
      size: '42',
      color: 'Black',
      condition: 'Used',
      price: 1_500_000,
      stock: 2,
      is_rentable: true,
      rent_price: 90_000,
      deposit: 1_200_000,
    },
  ],
};
const CITY = {
  name: 'Xe đạp đường phố City',
  variants: [
    {
      sku: 'CC-M-BL',
      size: 'M',
      color: 'Blue',
      condition: 'Refurbished',
      price: 2_900_000,
      stock: 4,
    },
  ],
};
/** Stars given by customers 1…n to each product (by name). */
const RATINGS: Record<string, number[]> = {
  [ROAD.name]: [5, 5, 4, 5, 3, 5, 4],
  [MOUNTAIN.name]: [3, 2],
  'Gạo ST25 Sóc Trăng': [5, 4],
  'Trà sen Tây Hồ': [1],
};

let server: TestServer;
let bikesId: number;
const ids: Record<string, number> = {};
let catalog: ModelProduct[] = [];
const customerNames: string[] = [];

async function createProduct(token: string, body: object): Promise<number> {
  const res = await server.request('POST', '/admin/products', { token, body });
  expect(res.status, res.text).toBe(200);
  return res.body.data.id as number;
}

async function get(path: string) {
  const res = await server.request('GET', path);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  expect(res.body.status).toBe('success');
  expect(res.body.code).toBe(200);
  return res.body;
}

/** Every card of a search, walking all pages. */
async function searchAll(query: string): Promise<{ id: number; [k: string]: unknown }[]> {
  const out = [];
  for (let page = 1; ; page++) {
    const body = await get(`/store/products/search?${query}&limit=100&page=${page}`);
    out.push(...body.data);
    if (page >= body.pagination.total_pages) break;
  }
  return out;
}

const idsOf = (cards: { id: number }[]) => cards.map((c) => c.id).sort((a, b) => a - b);
const expectedIds = (match: (p: ModelProduct) => boolean) =>
  catalog
    .filter(match)
    .map((p) => p.id)
    .sort((a, b) => a - b);
const someVariant = (p: ModelProduct, match: (v: ModelVariant) => boolean) =>
  p.variants.some(match);

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  const admin = await server.login(ADMIN.email, ADMIN.password);
  const category = await server.request('POST', '/admin/categories', {
    token: admin,
    body: { name: 'Xe đạp thử nghiệm' },
  });
  expect(category.status, category.text).toBe(200);
  bikesId = category.body.data.id;
  for (const body of [ROAD, MOUNTAIN, CITY]) {
    ids[body.name] = await createProduct(admin, { ...body, subcategory_id: bikesId });
  }

  const listed = await server.request('GET', '/products?limit=100');
  const uuidOf = new Map<string, string>(
    listed.body.data.map((p: { id: string; name: string }) => [p.name, p.id]),
  );
  const customers = Math.max(...Object.values(RATINGS).map((s) => s.length));
  const tokens: string[] = [];
  for (let n = 1; n <= customers; n++) {
    const person = {
      name: `Khách hàng ${n}`,
      email: `khach${n}@example.com`,
      password: 'pw-123456',
    };
    const res = await server.request('POST', '/users/register', { body: person });
    expect(res.status, res.text).toBe(201);
    tokens.push(await server.login(person.email, person.password));
    customerNames.push(person.name);
  }
  for (const [name, stars] of Object.entries(RATINGS)) {
    for (const [i, s] of stars.entries()) {
      const res = await server.request('POST', `/products/${uuidOf.get(name)}/ratings`, {
        token: tokens[i],
        body: { stars: s, comment: `Nhận xét ${i + 1} về ${name}` },
      });
      expect(res.status, res.text).toBe(201);
    }
  }

  // The model: every live product as the detail endpoint describes it.
  const cards = await searchAll('');
  catalog = [];
  for (const card of cards) {
    const { data } = await get(`/store/products/${card.id}/detail`);
    catalog.push({
      id: data.id,
      name: data.name,
      categoryId: data.category.id,
      rating: data.rating,
      soldCount: data.sold_count,
      variants: data.variants,
    });
    if (!(data.name in ids)) ids[data.name] = data.id;
  }
});
afterAll(() => server.stop());

describe('GET /store/products/featured', () => {
  it('answers the four best sellers as documented cards', async () => {
    const { data } = await get('/store/products/featured');
    expect(data).toHaveLength(4);
    for (const card of data) {
      expect(Object.keys(card).sort()).toEqual(CARD_KEYS);
      expect(Number.isInteger(card.id)).toBe(true);
      expect(Number.isInteger(card.price)).toBe(true);
      expect(Number.isInteger(card.sold_count)).toBe(true);
      expect(typeof card.rating).toBe('number');
      expect(typeof card.name).toBe('string');
    }
    const sold = data.map((c: { sold_count: number }) => c.sold_count);
    expect(sold).toEqual([...sold].sort((a, b) => b - a));
    const others = catalog.filter((p) => !data.some((c: { id: number }) => c.id === p.id));
    expect(Math.max(...others.map((p) => p.soldCount))).toBeLessThanOrEqual(Math.min(...sold));
  });
});

describe('GET /store/products/search', () => {
  it('pages the whole catalog with the documented pagination block', async () => {
    const first = await get('/store/products/search');
    expect(Object.keys(first.pagination).sort()).toEqual(PAGINATION_KEYS);
    expect(first.pagination).toEqual({
      total_items: catalog.length,
      total_pages: Math.ceil(catalog.length / 12),
      current_page: 1,
      limit: 12,
    });
    expect(first.data).toHaveLength(12);
    for (const card of first.data) expect(Object.keys(card).sort()).toEqual(CARD_KEYS);

    const seen: number[] = [];
    const pages = Math.ceil(catalog.length / 5);
    for (let page = 1; page <= pages; page++) {
      const body = await get(`/store/products/search?page=${page}&limit=5`);
      expect(body.pagination).toEqual({
        total_items: catalog.length,
        total_pages: pages,
        current_page: page,
        limit: 5,
      });
      expect(body.data.length).toBe(page < pages ? 5 : catalog.length - 5 * (pages - 1));
      seen.push(...body.data.map((c: { id: number }) => c.id));
    }
    expect(seen.sort((a, b) => a - b)).toEqual(expectedIds(() => true));
    const beyond = await get(`/store/products/search?page=${pages + 1}&limit=5`);
    expect(beyond.data).toEqual([]);
    expect(beyond.pagination.total_items).toBe(catalog.length);
  });

  it('filters by category_id', async () => {
    expect(idsOf(await searchAll(`category_id=${bikesId}`))).toEqual(
      [ids[ROAD.name], ids[MOUNTAIN.name], ids[CITY.name]].sort((a, b) => a! - b!),
    );
    const coffee = catalog.find((p) => p.name === 'Cà phê Arabica Cầu Đất')!.categoryId;
    expect(idsOf(await searchAll(`category_id=${coffee}`))).toEqual(
      expectedIds((p) => p.categoryId === coffee),
    );
  });

  it.each(['Used', 'Refurbished', 'New'])('filters by condition=%s', async (condition) => {
    const found = await searchAll(`condition=${condition}`);
    expect(idsOf(found)).toEqual(
      expectedIds((p) => someVariant(p, (v) => v.condition === condition)),
    );
    expect(found.length).toBeGreaterThan(0);
  });

  it.each([
    ['under 18000', (v: number) => v < 18_000],
    ['12000-15000', (v: number) => v >= 12_000 && v <= 15_000],
    ['1000000-3000000', (v: number) => v >= 1_000_000 && v <= 3_000_000],
    ['above 399000', (v: number) => v > 399_000],
    ['above 3000000', (v: number) => v > 3_000_000],
  ])('filters by price_range=%s (đồng)', async (range, inRange) => {
    const found = await searchAll(`price_range=${encodeURIComponent(range)}`);
    expect(found.length).toBeGreaterThan(0);
    expect(idsOf(found)).toEqual(expectedIds((p) => someVariant(p, (v) => inRange(v.price))));
  });

  it('filters by a repeated size and a repeated color', async () => {
    const sizes = ['62', '38', '1kg'];
    const bySize = await searchAll(sizes.map((s) => `size=${s}`).join('&'));
    expect(idsOf(bySize)).toEqual(
      expectedIds((p) => someVariant(p, (v) => sizes.includes(v.size ?? ''))),
    );
    expect(bySize.length).toBeGreaterThan(3);

    const byColor = await searchAll('color=Red&color=Black');
    expect(idsOf(byColor)).toEqual([ids[ROAD.name], ids[MOUNTAIN.name]].sort((a, b) => a! - b!));
    expect(idsOf(await searchAll('color=Silver'))).toEqual([ids[MOUNTAIN.name]]);
  });

  it('needs one variant to match size, color and condition together', async () => {
    expect(idsOf(await searchAll('size=42&color=Black&condition=Used'))).toEqual([
      ids[MOUNTAIN.name],
    ]);
    // Mountain-200 has a 38 (Silver) and a Black (42), but no Black 38.
    expect(await searchAll('size=38&color=Black')).toEqual([]);
  });

  it('shows on each card the variant that matched the filters', async () => {
    // Seed 002 cards are one variant each (`"size": "62", "color": "Red"`): a search for
    // size 38 must not answer a card saying size 42 at the 42's price.
    const [mountain] = await searchAll('size=38');
    expect(mountain).toMatchObject({
      id: ids[MOUNTAIN.name],
      size: '38',
      color: 'Silver',
      condition: 'New',
      price: 2_300_000,
    });
    for (const card of await searchAll('size=1kg')) expect(card.size).toBe('1kg');
    for (const card of await searchAll('price_range=above%20200000')) {
      expect(card.price as number).toBeGreaterThan(200_000);
    }
  });

  it.each([4.5, 4.4, 2.5, 1])('filters by min_rating=%s', async (min) => {
    const found = await searchAll(`min_rating=${min}`);
    expect(idsOf(found)).toEqual(expectedIds((p) => p.rating >= min && p.rating > 0));
    for (const card of found) expect(card.rating as number).toBeGreaterThanOrEqual(min);
  });

  it('treats min_rating=0 as no minimum', async () => {
    expect(idsOf(await searchAll('min_rating=0'))).toEqual(expectedIds(() => true));
  });

  it('cards carry the average rating', () => {
    expect(catalog.find((p) => p.id === ids[ROAD.name])!.rating).toBe(4.43);
    expect(catalog.find((p) => p.id === ids[MOUNTAIN.name])!.rating).toBe(2.5);
    expect(catalog.find((p) => p.name === 'Cà phê Arabica Cầu Đất')!.rating).toBe(0);
  });

  it('searches names with and without diacritics', async () => {
    for (const q of ['đường phố', 'duong pho', 'DUONG PHO']) {
      const found = await searchAll(`search=${encodeURIComponent(q)}`);
      expect(found[0]?.id, q).toBe(ids[CITY.name]);
    }
    const rice = await searchAll('search=gao%20st25');
    expect(rice.map((c) => c.name)).toContain('Gạo ST25 Sóc Trăng');
    expect(idsOf(await searchAll('search=road'))).toEqual([ids[ROAD.name]]);
    expect(await searchAll('search=khongcosanphamnay')).toEqual([]);
  });

  it('combines search with the other filters', async () => {
    expect(await searchAll(`search=road&category_id=${bikesId}&color=Blue`)).toEqual([]);
    expect(idsOf(await searchAll(`search=mountain&condition=Used&min_rating=2`))).toEqual([
      ids[MOUNTAIN.name],
    ]);
  });
});

describe('GET /store/products/{product_id}/detail', () => {
  it('answers images, variants, rental_info and specs of a seed 002 product', async () => {
    const id = ids[ROAD.name]!;
    const { data } = await get(`/store/products/${id}/detail`);
    expect(data).toMatchObject({
      id,
      name: ROAD.name,
      price: ROAD.list_price,
      thumbnail: ROAD.images[0],
      description: ROAD.description,
    });
    expect(data.images).toHaveLength(2);
    data.images.forEach((image: Record<string, unknown>, i: number) => {
      expect(Number.isInteger(image.image_id)).toBe(true);
      expect(image).toMatchObject({ url: ROAD.images[i], is_primary: i === 0 });
      expect('caption' in image).toBe(true);
    });
    expect(data.variants).toEqual([
      expect.objectContaining({
        product_id: id,
        color: 'Red',
        size: '62',
        condition: 'New',
        price: ROAD.list_price,
        is_rentable: true,
        rent_price: ROAD.rent_price,
      }),
    ]);
    expect(data.rental_info).toEqual({
      is_rentable: true,
      rent_price: ROAD.rent_price,
      rent_unit: 'day',
      security_deposit: ROAD.rental_config.security_deposit,
    });
    expect(data.specs).toMatchObject({ frame_material: 'Aluminum', wheel_size: '700c' });
  });

  it('lists every variant and the rental terms of the rentable one', async () => {
    const id = ids[MOUNTAIN.name]!;
    const { data } = await get(`/store/products/${id}/detail`);
    expect(data.price).toBe(1_500_000);
    expect(data.variants).toHaveLength(2);
    for (const v of data.variants) expect(v.product_id).toBe(id);
    expect(data.variants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ size: '38', color: 'Silver', price: 2_300_000 }),
        expect.objectContaining({
          size: '42',
          color: 'Black',
          is_rentable: true,
          rent_price: 90_000,
        }),
      ]),
    );
    expect(data.rental_info).toEqual({
      is_rentable: true,
      rent_price: 90_000,
      rent_unit: 'day',
      security_deposit: 1_200_000,
    });
  });

  it('says a demo product is not rentable', async () => {
    const { data } = await get(`/store/products/${ids['Cà phê Robusta Buôn Ma Thuột']}/detail`);
    expect(data.rental_info).toMatchObject({
      is_rentable: false,
      rent_price: null,
      rent_unit: 'day',
    });
    expect(data.images[0]).toMatchObject({ is_primary: true });
    expect(data.variants.map((v: { price: number }) => v.price)).toEqual([
      65_000, 120_000, 230_000,
    ]);
    expect(typeof data.specs).toBe('object');
  });
});

describe('GET /store/products/{product_id}/reviews', () => {
  it('pages the reviews with the documented fields and the average rating', async () => {
    const id = ids[ROAD.name]!;
    const stars = RATINGS[ROAD.name]!;
    const first = await get(`/store/products/${id}/reviews`);
    expect(first.product_id).toBe(id);
    expect(first.average_rating).toBe(4.43);
    expect(first.pagination).toEqual({ total_items: 7, total_pages: 2, current_page: 1, limit: 5 });
    expect(first.data).toHaveLength(5);
    const second = await get(`/store/products/${id}/reviews?page=2`);
    expect(second.data).toHaveLength(2);
    const all = [...first.data, ...second.data];
    for (const r of all) {
      for (const key of ['username', 'rate', 'date', 'comment', 'review_image', 'is_helpful']) {
        expect(r, key).toHaveProperty(key);
      }
      expect(Number.isInteger(r.is_helpful)).toBe(true);
      expect(Number.isNaN(Date.parse(r.date))).toBe(false);
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    }
    expect(all.map((r) => r.username).sort()).toEqual(customerNames.slice(0, 7).sort());
    expect(all.map((r) => r.rate).sort()).toEqual([...stars].sort());

    const small = await get(`/store/products/${id}/reviews?limit=3&page=3`);
    expect(small.pagination).toEqual({ total_items: 7, total_pages: 3, current_page: 3, limit: 3 });
    expect(small.data).toHaveLength(1);
  });

  it('answers an empty page for a product without reviews', async () => {
    const id = ids[CITY.name]!;
    const body = await get(`/store/products/${id}/reviews`);
    expect(body).toMatchObject({ data: [], product_id: id, average_rating: 0 });
    expect(body.pagination).toMatchObject({ total_items: 0, current_page: 1, limit: 5 });
  });
});

describe('GET /store/products/{product_id}/similar', () => {
  it('answers other products of the same category', async () => {
    const { data } = await get(`/store/products/${ids[ROAD.name]}/similar`);
    expect(idsOf(data)).toEqual([ids[MOUNTAIN.name], ids[CITY.name]].sort((a, b) => a! - b!));
    for (const card of data) {
      for (const key of ['id', 'name', 'price', 'thumbnail', 'rating', 'sold_count']) {
        expect(card).toHaveProperty(key);
      }
    }
    const robusta = catalog.find((p) => p.name === 'Cà phê Robusta Buôn Ma Thuột')!;
    const similar = (await get(`/store/products/${robusta.id}/similar`)).data;
    expect(similar.length).toBeGreaterThan(0);
    for (const card of similar) {
      expect(card.id).not.toBe(robusta.id);
      expect(catalog.find((p) => p.id === card.id)!.categoryId).toBe(robusta.categoryId);
    }
  });
});

describe('bad input', () => {
  it.each(['detail', 'reviews', 'similar'])('%s of an unknown product answers 404', async (sub) => {
    const res = await server.request('GET', `/store/products/999999/${sub}`);
    expectErrorBody(res, { status: 404, code: 'NOT_FOUND' });
    expect(res.body.detail).toBe('Product not found');
  });

  it.each(['detail', 'reviews', 'similar'])(
    '%s with a non-numeric id answers 400 naming product_id',
    async (sub) => {
      for (const bad of ['abc', '1.5', '-3', '0']) {
        const res = await server.request('GET', `/store/products/${bad}/${sub}`);
        expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'product_id' });
      }
    },
  );

  it.each([
    ['price_range=cheap', 'price_range'],
    ['price_range=2000-1000', 'price_range'],
    ['price_range=under', 'price_range'],
    ['price_range=above%20-5', 'price_range'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['limit=1000', 'limit'],
    ['limit=0', 'limit'],
    ['min_rating=6', 'min_rating'],
    ['min_rating=-1', 'min_rating'],
    ['min_rating=high', 'min_rating'],
    ['category_id=abc', 'category_id'],
    ['category_id=999999', 'category_id'],
  ])('search?%s answers 400 naming %s', async (query, field) => {
    const res = await server.request('GET', `/store/products/search?${query}`);
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field });
  });

  it.each([
    ['page=0', 'page'],
    ['limit=1000', 'limit'],
  ])('reviews?%s answers 400 naming %s', async (query, field) => {
    const res = await server.request('GET', `/store/products/${ids[ROAD.name]}/reviews?${query}`);
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field });
  });
});
