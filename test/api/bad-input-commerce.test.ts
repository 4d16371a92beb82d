import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi, type Shopper } from '#test/helpers/order-api';
import { startTestServer, type RequestOptions, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Hostile input against the commerce routes (cart, checkout, addresses, profile, promotions,
// orders, payments, settings, seed 003 shop, gateway relays). Every refusal is a 4xx
// `{ detail, code, field? }` answer, writes nothing at all, and never reaches the 500 branch.

let server: TestServer;
let api: ReturnType<typeof orderApi>;
let buyer: Shopper & { id: number };
let stranger: Shopper & { id: number };
const tokens: Record<'admin' | 'buyer' | 'stranger', string> = {
  admin: '',
  buyer: '',
  stranger: '',
};
/** Ids the paths and bodies below refer to as `{name}`, known once the fixtures exist. */
const ids: Record<string, number | string> = {};

beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_RECONCILE_SECONDS: '0' },
    usbBus: null,
  });
  api = orderApi(server);
  tokens.admin = await api.admin();
  buyer = await api.customer('Khách mua');
  stranger = await api.customer('Người lạ');
  tokens.buyer = await buyer.token();
  tokens.stranger = await stranger.token();
  ids.customer = buyer.id;
  ids.address = buyer.addressId;
  ids.strangerAddress = stranger.addressId;

  const bike = await api.product('Xe đạp thử', {
    price: 3_000_000,
    stock: 50,
    rent: 80_000,
    deposit: 500_000,
  });
  ids.bike = bike.productId;
  // Demo product 1 (65 000 đ) bought, and the bike rented for 3 days: one sale, one rental.
  const placed = await api.order(buyer, [
    { productId: 1, quantity: 1 },
    { productId: bike.productId, quantity: 1, rentalDays: 3 },
  ]);
  ids.sale = placed.sale!;
  ids.rental = placed.rental!;
  ids.saleNumber = api.row(placed.sale!).number as string;
  ids.rentalItem = (await api.detail(placed.rental!, 'rental')).items[0].id;
  ids.saleItem = (await api.detail(placed.sale!, 'sale')).items[0].id;

  // A second sale, paid in cash at the counter: it has a payment to look up.
  const paid = await api.order(buyer, [{ productId: 1, quantity: 1 }]);
  ids.paidSale = paid.sale!;
  const cash = await server.request('POST', `/api/v1/orders/${paid.sale}/payments`, {
    token: tokens.admin,
    body: { method: 'cash', amount_received: 1_000_000 },
  });
  expect(cash.status, cash.text).toBe(201);
  ids.payment = cash.body.data.id;

  // The stranger's own rental, for the test that (wrongly) gets through rental-preparation.
  const other = await api.order(stranger, [
    { productId: bike.productId, quantity: 1, rentalDays: 2 },
  ]);
  ids.otherRental = other.rental!;
  ids.otherRentalItem = (await api.detail(other.rental!, 'rental')).items[0].id;

  // One line left in the buyer's cart, for the PATCH/DELETE and checkout attempts.
  const added = await server.request('POST', '/store/cart/items', {
    token: tokens.buyer,
    body: { product_id: 1, quantity: 1, transaction_type: 'buy' },
  });
  expect(added.status, added.text).toBe(200);
  const cart = await server.request('GET', '/store/cart', { token: tokens.buyer });
  ids.cartItem = cart.body.data.items[0].id;
  // The stranger's own (empty) cart exists already: see "creates no cart" below.
  await server.request('GET', '/store/cart', { token: tokens.stranger });

  for (const code of ['BADIN1', 'BADIN2']) {
    const res = await server.request('POST', '/admin/promotions', {
      token: tokens.admin,
      body: promotion({ code }),
    });
    expect(res.status, res.text).toBe(200);
    ids[code] = res.body.data.id;
  }
  ids.promo = ids.BADIN1!;
});
afterAll(() => server.stop());

/** A valid promotion body; each case overrides what it is about. */
function promotion(extra: Record<string, unknown> = {}) {
  return {
    name: 'Giảm giá thử',
    code: 'VALIDCODE',
    scope: 'all',
    start_date: '2030-01-01T00:00:00',
    end_date: '2030-12-31T23:59:59',
    quantity: 100,
    target_ranks: [],
    status: true,
    discount_config: { type: 'amount', value: 5_000 },
    min_order_amount: 0,
    ...extra,
  };
}

/** Everything a refused request could have half-written. */
const WATCHED = [
  'orders',
  'order_lines',
  'order_events',
  'payments',
  'payment_transfers',
  'promotions',
  'promotion_targets',
  'carts',
  'cart_items',
  'addresses',
  'settings',
  'product_variants',
  'shopping_sessions',
  'users',
];

/** Every row of every watched table: "nothing written" means this is identical afterwards. */
function snapshot(on: TestServer = server): Record<string, unknown[]> {
  const db = on.backend.store.db.$client;
  return Object.fromEntries(
    WATCHED.map((t) => [t, db.prepare(`select * from ${t} order by rowid`).all()]),
  );
}

function counts(): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot()).map(([t, rows]) => [t, rows.length]));
}

const CODES: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

type Who = keyof typeof tokens | 'nobody';
interface Probe {
  as?: Who;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}
interface Refusal {
  /** One status, or the few that are all right (e.g. 400 or 404 for an id no route takes). */
  status: number | number[];
  code?: string;
  field?: string;
}

const fill = (text: string) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in ids)) throw new Error(`no fixture ${name}`);
    return encodeURIComponent(String(ids[name]));
  });

/** Body values that name fixtures: `ref('address')` is the buyer's address id. */
const REF = Symbol('ref');
const ref = (name: string) => ({ [REF]: name });
function resolveBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveBody);
  if (value && typeof value === 'object') {
    const named = (value as Record<symbol, string>)[REF];
    if (named !== undefined) return ids[named];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveBody(v)]));
  }
  return value;
}

/** Sends a request that must be refused; checks the answer and that nothing was written. */
async function expectRefused(method: string, path: string, probe: Probe, expected: Refusal) {
  const before = snapshot();
  const options: RequestOptions = { headers: probe.headers };
  const who = probe.as ?? 'nobody';
  if (who !== 'nobody') options.token = tokens[who];
  if (probe.rawBody !== undefined) options.rawBody = probe.rawBody;
  else if (probe.body !== undefined) options.body = resolveBody(probe.body);
  const url = fill(path);
  const res = await server.request(method, url, options);
  const context = `${method} ${url.slice(0, 120)}: ${res.status} ${res.text.slice(0, 300)}`;

  expect(res.status, context).toBeLessThan(500);
  const allowed = Array.isArray(expected.status) ? expected.status : [expected.status];
  expect(allowed, context).toContain(res.status);
  expectErrorBody(res, {
    status: res.status,
    // A status without a code of ours (414 from the router) keeps whatever code it carries.
    code: expected.code ?? CODES[res.status] ?? res.body?.code,
    field: expected.field,
  });
  if (url.startsWith('/api/') && !url.startsWith('/api/v1/')) {
    expect(res.body.success, context).toBe(false);
  }
  expect(snapshot(), context).toEqual(before);
  return res;
}

type Case = [label: string, method: string, path: string, probe: Probe, expected: Refusal];

const MIB = 1024 * 1024;
const bad = (field: string, status: number | number[] = 400): Refusal => ({ status, field });
const invalidJson: Refusal = { status: 400, code: 'INVALID_JSON' };
const tooLarge: Refusal = { status: 413, code: 'BODY_TOO_LARGE' };
const unsupported: Refusal = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
const huge = (fields: Record<string, unknown>) =>
  JSON.stringify({ ...fields, padding: 'x'.repeat(2 * MIB) });

const runAll = (cases: Case[]) =>
  it.each(cases)('%s (%s %s)', async (_label, method, path, probe, expected) => {
    await expectRefused(method, path, probe, expected);
  });

describe('/store/cart/items', () => {
  const item = (extra: Record<string, unknown> = {}) => ({
    as: 'buyer' as const,
    body: { product_id: 1, quantity: 1, transaction_type: 'buy', ...extra },
  });
  const rent = (extra: Record<string, unknown>) =>
    item({ product_id: ref('bike'), transaction_type: 'rent', rental_days: 3, ...extra });
  const POST = '/store/cart/items';
  const ITEM = '/store/cart/items/{cartItem}';

  runAll([
    ['quantity 0', 'POST', POST, item({ quantity: 0 }), bad('quantity')],
    ['quantity -1', 'POST', POST, item({ quantity: -1 }), bad('quantity')],
    ['quantity 1.5', 'POST', POST, item({ quantity: 1.5 }), bad('quantity')],
    ['quantity 1e9', 'POST', POST, item({ quantity: 1e9 }), bad('quantity')],
    ['quantity as string', 'POST', POST, item({ quantity: '2' }), bad('quantity')],
    ['quantity null', 'POST', POST, item({ quantity: null }), bad('quantity')],
    ['quantity as array', 'POST', POST, item({ quantity: [1] }), bad('quantity')],
    ['quantity missing', 'POST', POST, item({ quantity: undefined }), bad('quantity')],
    ['product_id 0', 'POST', POST, item({ product_id: 0 }), bad('product_id')],
    ['product_id -1', 'POST', POST, item({ product_id: -1 }), bad('product_id')],
    ['product_id as string', 'POST', POST, item({ product_id: '1' }), bad('product_id')],
    ['product_id as object', 'POST', POST, item({ product_id: { id: 1 } }), bad('product_id')],
    ['product_id unknown', 'POST', POST, item({ product_id: 999_999 }), { status: [400, 404] }],
    ['product_id 1e20', 'POST', POST, item({ product_id: 1e20 }), { status: [400, 404] }],
    ['variant_id 0', 'POST', POST, item({ variant_id: 0 }), bad('variant_id')],
    ['variant_id of nothing', 'POST', POST, item({ variant_id: 999_999 }), { status: [400, 404] }],
    [
      'transaction_type unknown',
      'POST',
      POST,
      item({ transaction_type: 'steal' }),
      bad('transaction_type'),
    ],
    ['transaction_type ""', 'POST', POST, item({ transaction_type: '' }), bad('transaction_type')],
    ['rental_days 0', 'POST', POST, rent({ rental_days: 0 }), bad('rental_days')],
    ['rental_days -5', 'POST', POST, rent({ rental_days: -5 }), bad('rental_days')],
    ['rental_days 1.5', 'POST', POST, rent({ rental_days: 1.5 }), bad('rental_days')],
    ['rental_days 366', 'POST', POST, rent({ rental_days: 366 }), bad('rental_days')],
    [
      'rental_days beyond the settings (200)',
      'POST',
      POST,
      rent({ rental_days: 200 }),
      bad('rental_days'),
    ],
    [
      'quantity that takes the line past 999',
      'POST',
      POST,
      item({ quantity: 999 }),
      { status: [400, 409] },
    ],
    ['body null', 'POST', POST, { as: 'buyer', rawBody: 'null' }, { status: 400 }],
    ['body an array', 'POST', POST, { as: 'buyer', body: [item().body] }, { status: 400 }],
    ['body a string', 'POST', POST, { as: 'buyer', rawBody: '"buy"' }, { status: 400 }],
    ['malformed JSON', 'POST', POST, { as: 'buyer', rawBody: '{"a":' }, invalidJson],
    [
      'XML content-type',
      'POST',
      POST,
      { as: 'buyer', rawBody: '<item/>', headers: { 'content-type': 'application/xml' } },
      unsupported,
    ],
    ['2 MiB body', 'POST', POST, { as: 'buyer', rawBody: huge(item().body) }, tooLarge],
    ['no token', 'POST', POST, { body: item().body }, { status: 401 }],
    [
      'garbage token',
      'POST',
      POST,
      { body: item().body, headers: { authorization: 'Bearer x.y.z' } },
      { status: 401 },
    ],

    ['PATCH quantity 0', 'PATCH', ITEM, { as: 'buyer', body: { quantity: 0 } }, bad('quantity')],
    ['PATCH quantity -1', 'PATCH', ITEM, { as: 'buyer', body: { quantity: -1 } }, bad('quantity')],
    [
      'PATCH quantity 1.5',
      'PATCH',
      ITEM,
      { as: 'buyer', body: { quantity: 1.5 } },
      bad('quantity'),
    ],
    [
      'PATCH quantity 1e9',
      'PATCH',
      ITEM,
      { as: 'buyer', body: { quantity: 1e9 } },
      bad('quantity'),
    ],
    [
      'PATCH quantity "3"',
      'PATCH',
      ITEM,
      { as: 'buyer', body: { quantity: '3' } },
      bad('quantity'),
    ],
    [
      'PATCH rental_days 0',
      'PATCH',
      ITEM,
      { as: 'buyer', body: { rental_days: 0 } },
      bad('rental_days'),
    ],
    [
      'PATCH body an array',
      'PATCH',
      ITEM,
      { as: 'buyer', body: [{ quantity: 2 }] },
      { status: 400 },
    ],
    ['PATCH malformed JSON', 'PATCH', ITEM, { as: 'buyer', rawBody: '{"quantity":' }, invalidJson],
    [
      'PATCH id 0',
      'PATCH',
      '/store/cart/items/0',
      { as: 'buyer', body: { quantity: 2 } },
      bad('cart_item_id'),
    ],
    [
      'PATCH id -1',
      'PATCH',
      '/store/cart/items/-1',
      { as: 'buyer', body: { quantity: 2 } },
      bad('cart_item_id'),
    ],
    [
      'PATCH id abc',
      'PATCH',
      '/store/cart/items/abc',
      { as: 'buyer', body: { quantity: 2 } },
      bad('cart_item_id'),
    ],
    [
      'PATCH id 1.5',
      'PATCH',
      '/store/cart/items/1.5',
      { as: 'buyer', body: { quantity: 2 } },
      bad('cart_item_id'),
    ],
    [
      'PATCH id unknown',
      'PATCH',
      '/store/cart/items/99999999',
      { as: 'buyer', body: { quantity: 2 } },
      { status: 404 },
    ],
    [
      'PATCH id huge',
      'PATCH',
      `/store/cart/items/${'9'.repeat(40)}`,
      { as: 'buyer', body: { quantity: 2 } },
      { status: [400, 404] },
    ],
    [
      "PATCH someone else's line",
      'PATCH',
      ITEM,
      { as: 'stranger', body: { quantity: 2 } },
      { status: [403, 404] },
    ],

    ['DELETE id 0', 'DELETE', '/store/cart/items/0', { as: 'buyer' }, bad('cart_item_id')],
    ['DELETE id -1', 'DELETE', '/store/cart/items/-1', { as: 'buyer' }, bad('cart_item_id')],
    ['DELETE id abc', 'DELETE', '/store/cart/items/abc', { as: 'buyer' }, bad('cart_item_id')],
    ['DELETE id unknown', 'DELETE', '/store/cart/items/99999999', { as: 'buyer' }, { status: 404 }],
    ["DELETE someone else's line", 'DELETE', ITEM, { as: 'stranger' }, { status: [403, 404] }],
    [
      'DELETE with a malformed body',
      'DELETE',
      ITEM,
      { as: 'buyer', rawBody: '{"a":' },
      invalidJson,
    ],
    ['DELETE without a token', 'DELETE', ITEM, {}, { status: 401 }],
  ]);
});

describe('refused cart calls create nothing', () => {
  it('a PATCH of a line that is not yours creates no cart for you', async () => {
    const newcomer = await api.customer('Người mới');
    const token = await newcomer.token();
    const before = counts();
    const res = await server.request('PATCH', `/store/cart/items/${ids.cartItem}`, {
      token,
      body: { quantity: 2 },
    });
    expectErrorBody(res, { status: 404, code: 'NOT_FOUND' });
    expect(counts()).toEqual(before);
  });
});

describe('/store/order/checkout', () => {
  const PATH = '/store/order/checkout';
  const order = (extra: Record<string, unknown> = {}) => ({
    as: 'buyer' as const,
    body: { address_id: ref('address'), payment_method: 'cod', ...extra },
  });

  runAll([
    ['address_id 0', 'POST', PATH, order({ address_id: 0 }), bad('address_id')],
    ['address_id -1', 'POST', PATH, order({ address_id: -1 }), bad('address_id')],
    ['address_id 1.5', 'POST', PATH, order({ address_id: 1.5 }), bad('address_id')],
    ['address_id as string', 'POST', PATH, order({ address_id: '1' }), bad('address_id')],
    ['address_id null', 'POST', PATH, order({ address_id: null }), bad('address_id')],
    ['address_id missing', 'POST', PATH, order({ address_id: undefined }), bad('address_id')],
    [
      'address_id unknown',
      'POST',
      PATH,
      order({ address_id: 99_999 }),
      bad('address_id', [400, 404]),
    ],
    [
      "someone else's address",
      'POST',
      PATH,
      order({ address_id: ref('strangerAddress') }),
      bad('address_id', [400, 404]),
    ],
    [
      'payment_method unknown',
      'POST',
      PATH,
      order({ payment_method: 'bitcoin' }),
      bad('payment_method'),
    ],
    ['payment_method ""', 'POST', PATH, order({ payment_method: '' }), bad('payment_method')],
    [
      'payment_method as array',
      'POST',
      PATH,
      order({ payment_method: ['cod'] }),
      bad('payment_method'),
    ],
    [
      'voucher_code 10k chars',
      'POST',
      PATH,
      order({ voucher_code: 'V'.repeat(10_000) }),
      bad('voucher_code'),
    ],
    ['voucher_code ""', 'POST', PATH, order({ voucher_code: '' }), bad('voucher_code')],
    [
      'voucher_code unknown',
      'POST',
      PATH,
      order({ voucher_code: 'NOPE-NOPE' }),
      bad('voucher_code'),
    ],
    ['voucher_code as number', 'POST', PATH, order({ voucher_code: 42 }), bad('voucher_code')],
    [
      'voucher not yet started',
      'POST',
      PATH,
      order({ voucher_code: 'BADIN1' }),
      bad('voucher_code'),
    ],
    ['note 501 chars', 'POST', PATH, order({ note: 'n'.repeat(501) }), bad('note')],
    ['note as object', 'POST', PATH, order({ note: { text: 'x' } }), bad('note')],
    ['body an array', 'POST', PATH, { as: 'buyer', body: [order().body] }, { status: 400 }],
    ['malformed JSON', 'POST', PATH, { as: 'buyer', rawBody: '{"address_id":' }, invalidJson],
    [
      'form-encoded',
      'POST',
      PATH,
      {
        as: 'buyer',
        rawBody: 'address_id=1&payment_method=cod',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      unsupported,
    ],
    [
      '2 MiB body',
      'POST',
      PATH,
      { as: 'buyer', rawBody: huge({ payment_method: 'cod' }) },
      tooLarge,
    ],
    [
      'an empty cart',
      'POST',
      PATH,
      { as: 'stranger', body: { address_id: ref('strangerAddress'), payment_method: 'cod' } },
      { status: [400, 409] },
    ],
    ['no token', 'POST', PATH, { body: order().body }, { status: 401 }],
  ]);
});

describe('/user/addresses and /user/profile', () => {
  const address = (extra: Record<string, unknown> = {}) => ({
    as: 'buyer' as const,
    body: { address_line1: '1 Trần Hưng Đạo', city: 'Huế', phone_number: '0912345678', ...extra },
  });
  const ADDR = '/user/addresses';
  const ONE = '/user/addresses/{address}';
  const PROFILE = '/user/profile';
  const patch = (body: unknown) => ({ as: 'buyer' as const, body });

  runAll([
    [
      'address_line1 missing',
      'POST',
      ADDR,
      address({ address_line1: undefined }),
      bad('address_line1'),
    ],
    ['address_line1 blank', 'POST', ADDR, address({ address_line1: '   ' }), bad('address_line1')],
    [
      'address_line1 201 chars',
      'POST',
      ADDR,
      address({ address_line1: 'a'.repeat(201) }),
      bad('address_line1'),
    ],
    ['address_line1 as number', 'POST', ADDR, address({ address_line1: 12 }), bad('address_line1')],
    ['city ""', 'POST', ADDR, address({ city: '' }), bad('city')],
    ['city as array', 'POST', ADDR, address({ city: ['Huế'] }), bad('city')],
    [
      'phone_number missing',
      'POST',
      ADDR,
      address({ phone_number: undefined }),
      bad('phone_number'),
    ],
    [
      'phone_number not a phone',
      'POST',
      ADDR,
      address({ phone_number: 'not-a-phone' }),
      bad('phone_number'),
    ],
    [
      'phone_number as number',
      'POST',
      ADDR,
      address({ phone_number: 912345678 }),
      bad('phone_number'),
    ],
    [
      'phone_number 21 digits',
      'POST',
      ADDR,
      address({ phone_number: '0'.repeat(21) }),
      bad('phone_number'),
    ],
    ['postal_code "12"', 'POST', ADDR, address({ postal_code: '12' }), bad('postal_code')],
    ['postal_code as number', 'POST', ADDR, address({ postal_code: 53000 }), bad('postal_code')],
    ['is_default "yes"', 'POST', ADDR, address({ is_default: 'yes' }), bad('is_default')],
    ['body an array', 'POST', ADDR, { as: 'buyer', body: [address().body] }, { status: 400 }],
    ['malformed JSON', 'POST', ADDR, { as: 'buyer', rawBody: '{"city":' }, invalidJson],
    ['2 MiB body', 'POST', ADDR, { as: 'buyer', rawBody: huge(address().body) }, tooLarge],
    ['as an admin (customers only)', 'POST', ADDR, { ...address(), as: 'admin' }, { status: 403 }],

    ['PATCH city blank', 'PATCH', ONE, patch({ city: '  ' }), bad('city')],
    [
      'PATCH phone_number junk',
      'PATCH',
      ONE,
      patch({ phone_number: 'xxxxxxxxxx' }),
      bad('phone_number'),
    ],
    ['PATCH is_default "true"', 'PATCH', ONE, patch({ is_default: 'true' }), bad('is_default')],
    ['PATCH body an array', 'PATCH', ONE, patch([{ city: 'Huế' }]), { status: 400 }],
    ['PATCH id 0', 'PATCH', '/user/addresses/0', patch({ city: 'Huế' }), bad('address_id')],
    ['PATCH id -1', 'PATCH', '/user/addresses/-1', patch({ city: 'Huế' }), bad('address_id')],
    ['PATCH id abc', 'PATCH', '/user/addresses/abc', patch({ city: 'Huế' }), bad('address_id')],
    ['PATCH id unknown', 'PATCH', '/user/addresses/99999', patch({ city: 'Huế' }), { status: 404 }],
    [
      "PATCH someone else's address",
      'PATCH',
      ONE,
      { as: 'stranger', body: { city: 'Hà Nội' } },
      { status: [403, 404] },
    ],
    ['DELETE id 0', 'DELETE', '/user/addresses/0', { as: 'buyer' }, bad('address_id')],
    ['DELETE id unknown', 'DELETE', '/user/addresses/99999', { as: 'buyer' }, { status: 404 }],
    ["DELETE someone else's address", 'DELETE', ONE, { as: 'stranger' }, { status: [403, 404] }],
    ['DELETE the default address', 'DELETE', ONE, { as: 'buyer' }, { status: [400, 409] }],

    ['first_name ""', 'PATCH', PROFILE, patch({ first_name: '' }), bad('first_name')],
    ['first_name blank', 'PATCH', PROFILE, patch({ first_name: '   ' }), bad('first_name')],
    [
      'first_name 61 chars',
      'PATCH',
      PROFILE,
      patch({ first_name: 'A'.repeat(61) }),
      bad('first_name'),
    ],
    ['first_name as number', 'PATCH', PROFILE, patch({ first_name: 42 }), bad('first_name')],
    ['last_name as array', 'PATCH', PROFILE, patch({ last_name: ['B'] }), bad('last_name')],
    ['phone junk', 'PATCH', PROFILE, patch({ phone: 'abcdefghij' }), bad('phone')],
    ['phone as number', 'PATCH', PROFILE, patch({ phone: 912345678 }), bad('phone')],
    ['phone 10k chars', 'PATCH', PROFILE, patch({ phone: '9'.repeat(10_000) }), bad('phone')],
    [
      'avatar_url 501 chars',
      'PATCH',
      PROFILE,
      patch({ avatar_url: 'h'.repeat(501) }),
      bad('avatar_url'),
    ],
    [
      'avatar_url as object',
      'PATCH',
      PROFILE,
      patch({ avatar_url: { href: 'x' } }),
      bad('avatar_url'),
    ],
    ['body null', 'PATCH', PROFILE, { as: 'buyer', rawBody: 'null' }, { status: 400 }],
    ['body an array', 'PATCH', PROFILE, patch([{ first_name: 'A' }]), { status: 400 }],
    [
      'malformed JSON',
      'PATCH',
      PROFILE,
      { as: 'buyer', rawBody: '{"first_name":"A"' },
      invalidJson,
    ],
    [
      'text/plain JSON',
      'PATCH',
      PROFILE,
      {
        as: 'buyer',
        rawBody: '{"first_name":"A"}',
        headers: { 'content-type': 'text/plain' },
      },
      { status: [400, 415] },
    ],
    ['2 MiB body', 'PATCH', PROFILE, { as: 'buyer', rawBody: huge({ first_name: 'A' }) }, tooLarge],
    [
      'as an admin (customers only)',
      'PATCH',
      PROFILE,
      { as: 'admin', body: { first_name: 'A' } },
      { status: 403 },
    ],
  ]);
});

describe('/admin/promotions', () => {
  const PATH = '/admin/promotions';
  const ONE = '/admin/promotions/{promo}';
  const create = (extra: Record<string, unknown>) => ({
    as: 'admin' as const,
    body: promotion({ code: 'FRESHCODE', ...extra }),
  });
  const change = (body: unknown) => ({ as: 'admin' as const, body });
  const value = (v: unknown) => ({ discount_config: { type: 'amount', value: v } });

  runAll([
    ['name ""', 'POST', PATH, create({ name: '' }), bad('name')],
    ['name blank', 'POST', PATH, create({ name: '   ' }), bad('name')],
    ['name 121 chars', 'POST', PATH, create({ name: 'N'.repeat(121) }), bad('name')],
    ['name as number', 'POST', PATH, create({ name: 42 }), bad('name')],
    ['code too short', 'POST', PATH, create({ code: 'AB' }), bad('code')],
    ['code with a space', 'POST', PATH, create({ code: 'GIAM GIA' }), bad('code')],
    ['code ""', 'POST', PATH, create({ code: '' }), bad('code')],
    ['code 41 chars', 'POST', PATH, create({ code: 'C'.repeat(41) }), bad('code')],
    ['code as number', 'POST', PATH, create({ code: 123456 }), bad('code')],
    ['code already used', 'POST', PATH, create({ code: 'BADIN1' }), bad('code', [400, 409])],
    [
      'code already used (other case)',
      'POST',
      PATH,
      create({ code: 'badin1' }),
      bad('code', [400, 409]),
    ],
    ['scope unknown', 'POST', PATH, create({ scope: 'everything' }), bad('scope')],
    [
      'start_date 2024-13-45',
      'POST',
      PATH,
      create({ start_date: '2024-13-45' }),
      bad('start_date'),
    ],
    [
      'start_date 2024-13-45T00:00:00',
      'POST',
      PATH,
      create({ start_date: '2024-13-45T00:00:00' }),
      bad('start_date'),
    ],
    [
      'start_date 25:61 o’clock',
      'POST',
      PATH,
      create({ start_date: '2030-01-01T25:61:00' }),
      bad('start_date'),
    ],
    ['start_date ""', 'POST', PATH, create({ start_date: '' }), bad('start_date')],
    ['start_date "tomorrow"', 'POST', PATH, create({ start_date: 'tomorrow' }), bad('start_date')],
    [
      'start_date as epoch number',
      'POST',
      PATH,
      create({ start_date: 1_900_000_000 }),
      bad('start_date'),
    ],
    [
      'end_date before start_date',
      'POST',
      PATH,
      create({ start_date: '2030-06-01T00:00:00', end_date: '2030-05-01T00:00:00' }),
      bad('end_date'),
    ],
    [
      'end_date equal to start_date',
      'POST',
      PATH,
      create({ start_date: '2030-06-01T00:00:00', end_date: '2030-06-01T00:00:00' }),
      bad('end_date'),
    ],
    ['quantity 0', 'POST', PATH, create({ quantity: 0 }), bad('quantity')],
    ['quantity -1', 'POST', PATH, create({ quantity: -1 }), bad('quantity')],
    ['quantity 1.5', 'POST', PATH, create({ quantity: 1.5 }), bad('quantity')],
    ['quantity 1e12', 'POST', PATH, create({ quantity: 1e12 }), bad('quantity')],
    ['quantity as string', 'POST', PATH, create({ quantity: '10' }), bad('quantity')],
    ['discount value 0', 'POST', PATH, create(value(0)), bad('discount_config.value')],
    ['discount value -5000', 'POST', PATH, create(value(-5000)), bad('discount_config.value')],
    ['discount value 1.5', 'POST', PATH, create(value(1.5)), bad('discount_config.value')],
    ['discount value 1e12', 'POST', PATH, create(value(1e12)), bad('discount_config.value')],
    [
      'discount value 1e400 (Infinity)',
      'POST',
      PATH,
      {
        as: 'admin',
        rawBody: JSON.stringify(promotion({ code: 'INFCODE' })).replace(
          '"value":5000',
          '"value":1e400',
        ),
      },
      bad('discount_config.value'),
    ],
    ['discount value as string', 'POST', PATH, create(value('5000')), bad('discount_config.value')],
    [
      'percentage above 100',
      'POST',
      PATH,
      create({ discount_config: { type: 'percentage', value: 101 } }),
      bad('discount_config.value'),
    ],
    [
      'discount type unknown',
      'POST',
      PATH,
      create({ discount_config: { type: 'free', value: 1 } }),
      bad('discount_config.type'),
    ],
    [
      'discount_config missing',
      'POST',
      PATH,
      create({ discount_config: undefined }),
      bad('discount_config'),
    ],
    [
      'discount_config as array',
      'POST',
      PATH,
      create({ discount_config: [{ type: 'amount', value: 1 }] }),
      bad('discount_config'),
    ],
    [
      'discount_config as string',
      'POST',
      PATH,
      create({ discount_config: 'amount:5000' }),
      bad('discount_config'),
    ],
    [
      'discount_config null',
      'POST',
      PATH,
      create({ discount_config: null }),
      bad('discount_config'),
    ],
    [
      'min_order_amount -1',
      'POST',
      PATH,
      create({ min_order_amount: -1 }),
      bad('min_order_amount'),
    ],
    [
      'min_order_amount 1e11',
      'POST',
      PATH,
      create({ min_order_amount: 1e11 }),
      bad('min_order_amount'),
    ],
    [
      'min_order_amount 1.5',
      'POST',
      PATH,
      create({ min_order_amount: 1.5 }),
      bad('min_order_amount'),
    ],
    ['target_ranks as string', 'POST', PATH, create({ target_ranks: 'gold' }), bad('target_ranks')],
    ['target_ranks [1]', 'POST', PATH, create({ target_ranks: [1] }), bad('target_ranks.0')],
    ['target_ranks [""]', 'POST', PATH, create({ target_ranks: [''] }), bad('target_ranks.0')],
    [
      'target_ranks 11 items',
      'POST',
      PATH,
      create({ target_ranks: Array(11).fill('gold') }),
      bad('target_ranks'),
    ],
    ['status "true"', 'POST', PATH, create({ status: 'true' }), bad('status')],
    ['product_ids ["1"]', 'POST', PATH, create({ product_ids: ['1'] }), bad('product_ids.0')],
    ['product_ids [-1]', 'POST', PATH, create({ product_ids: [-1] }), bad('product_ids.0')],
    ['product_ids [0]', 'POST', PATH, create({ product_ids: [0] }), bad('product_ids.0')],
    ['product_ids [1.5]', 'POST', PATH, create({ product_ids: [1.5] }), bad('product_ids.0')],
    ['product_ids [2^53]', 'POST', PATH, create({ product_ids: [2 ** 53] }), bad('product_ids.0')],
    ['product_ids [unknown]', 'POST', PATH, create({ product_ids: [999_999] }), bad('product_ids')],
    ['product_ids as object', 'POST', PATH, create({ product_ids: { 0: 1 } }), bad('product_ids')],
    ['product_ids as number', 'POST', PATH, create({ product_ids: 1 }), bad('product_ids')],
    [
      'product_ids 10k items',
      'POST',
      PATH,
      create({ product_ids: Array.from({ length: 10_000 }, (_, i) => i + 1) }),
      bad('product_ids'),
    ],
    [
      'product_ids 1000 unknown',
      'POST',
      PATH,
      create({ product_ids: Array.from({ length: 1000 }, (_, i) => 500_000 + i) }),
      bad('product_ids'),
    ],
    ['category_ids [-1]', 'POST', PATH, create({ category_ids: [-1] }), bad('category_ids.0')],
    [
      'category_ids [unknown]',
      'POST',
      PATH,
      create({ category_ids: [999_999] }),
      bad('category_ids'),
    ],
    [
      'body an array',
      'POST',
      PATH,
      { as: 'admin', body: [promotion({ code: 'ARRAYCODE' })] },
      { status: 400 },
    ],
    ['body {}', 'POST', PATH, { as: 'admin', body: {} }, { status: 400 }],
    ['malformed JSON', 'POST', PATH, { as: 'admin', rawBody: '{"name":' }, invalidJson],
    [
      '2 MiB body',
      'POST',
      PATH,
      { as: 'admin', rawBody: huge(promotion({ code: 'BIGCODE' })) },
      tooLarge,
    ],
    ['as a customer', 'POST', PATH, { ...create({}), as: 'buyer' }, { status: 403 }],
    ['without a token', 'POST', PATH, { body: create({}).body }, { status: 401 }],

    [
      'PATCH end_date before start',
      'PATCH',
      ONE,
      change({ end_date: '2029-01-01T00:00:00' }),
      bad('end_date'),
    ],
    [
      'PATCH start_date 2024-13-45T00:00',
      'PATCH',
      ONE,
      change({ start_date: '2024-13-45T00:00' }),
      bad('start_date'),
    ],
    [
      'PATCH start_date 2024-13-45',
      'PATCH',
      ONE,
      change({ start_date: '2024-13-45' }),
      bad('start_date'),
    ],
    [
      'PATCH percentage above 100',
      'PATCH',
      ONE,
      change({ discount_config: { type: 'percentage', value: 150 } }),
      bad('discount_config.value'),
    ],
    ['PATCH quantity 0', 'PATCH', ONE, change({ quantity: 0 }), bad('quantity')],
    [
      'PATCH code of another promotion',
      'PATCH',
      ONE,
      change({ code: 'BADIN2' }),
      bad('code', [400, 409]),
    ],
    [
      'PATCH name good, end_date bad',
      'PATCH',
      ONE,
      change({ name: 'Đổi tên', end_date: '2020-01-01T00:00:00' }),
      bad('end_date'),
    ],
    ['PATCH product_ids ["a"]', 'PATCH', ONE, change({ product_ids: ['a'] }), bad('product_ids.0')],
    [
      'PATCH product_ids [unknown]',
      'PATCH',
      ONE,
      change({ product_ids: [1, 999_999] }),
      bad('product_ids'),
    ],
    ['PATCH body an array', 'PATCH', ONE, change([{ name: 'x' }]), { status: 400 }],
    ['PATCH body null', 'PATCH', ONE, { as: 'admin', rawBody: 'null' }, { status: 400 }],
    ['PATCH malformed JSON', 'PATCH', ONE, { as: 'admin', rawBody: '{"name":"x",}' }, invalidJson],
    ['PATCH id 0', 'PATCH', '/admin/promotions/0', change({ name: 'x' }), bad('promotion_id')],
    ['PATCH id -1', 'PATCH', '/admin/promotions/-1', change({ name: 'x' }), bad('promotion_id')],
    ['PATCH id abc', 'PATCH', '/admin/promotions/abc', change({ name: 'x' }), bad('promotion_id')],
    ['PATCH id 1.5', 'PATCH', '/admin/promotions/1.5', change({ name: 'x' }), bad('promotion_id')],
    [
      'PATCH id unknown',
      'PATCH',
      '/admin/promotions/99999',
      change({ name: 'x' }),
      { status: 404 },
    ],
    [
      'PATCH id huge',
      'PATCH',
      `/admin/promotions/${'9'.repeat(30)}`,
      change({ name: 'x' }),
      { status: [400, 404] },
    ],
    ['PATCH as a customer', 'PATCH', ONE, { as: 'buyer', body: { name: 'x' } }, { status: 403 }],
    ['DELETE id 0', 'DELETE', '/admin/promotions/0', { as: 'admin' }, bad('promotion_id')],
    ['DELETE id abc', 'DELETE', '/admin/promotions/abc', { as: 'admin' }, bad('promotion_id')],
    ['DELETE id unknown', 'DELETE', '/admin/promotions/99999', { as: 'admin' }, { status: 404 }],
    [
      'DELETE id 400 digits',
      'DELETE',
      `/admin/promotions/${'9'.repeat(400)}`,
      { as: 'admin' },
      { status: [400, 404, 414] },
    ],
    ['DELETE as a customer', 'DELETE', ONE, { as: 'buyer' }, { status: 403 }],
    ['GET page=0', 'GET', '/admin/promotions?page=0', { as: 'admin' }, bad('page')],
    ['GET limit=1000', 'GET', '/admin/promotions?limit=1000', { as: 'admin' }, bad('limit')],
    ['GET page=abc', 'GET', '/admin/promotions?page=abc', { as: 'admin' }, bad('page')],
  ]);

  // V8's Date.parse would take 30 February and roll it over to 2 March.
  it('refuses an impossible calendar date (2030-02-30) with 400 naming end_date', async () => {
    const before = snapshot();
    const res = await server.request('POST', PATH, {
      token: tokens.admin,
      body: promotion({ code: 'FEB30', end_date: '2030-02-30T00:00:00' }),
    });
    try {
      expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'end_date' });
      expect(snapshot()).toEqual(before);
    } finally {
      if (res.status === 200) {
        await server.request('DELETE', `${PATH}/${res.body.data.id}`, { token: tokens.admin });
      }
    }
  });

  it('collapses duplicate product_ids into one target (or refuses them), never 5xx', async () => {
    const before = counts();
    const res = await server.request('POST', PATH, {
      token: tokens.admin,
      body: promotion({ code: 'DUPES', product_ids: [1, 1, 1] }),
    });
    expect(res.status, res.text).toBeLessThan(500);
    if (res.status === 200) {
      expect(counts().promotion_targets).toBe(before.promotion_targets! + 1);
      const del = await server.request('DELETE', `${PATH}/${res.body.data.id}`, {
        token: tokens.admin,
      });
      expect(del.status, del.text).toBe(200);
    } else {
      expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'product_ids' });
    }
    expect(counts()).toEqual(before);
  });
});

describe('/admin/orders', () => {
  const STATUS = '/admin/orders/{sale}/status?type=sale';
  const move = (body: unknown) => ({ as: 'admin' as const, body });
  const confirm = move({ status: 'Confirmed' });
  const REVIEW = '/admin/orders/{sale}/request-review?type=sale';
  const PREP = '/admin/orders/{rental}/rental-preparation';
  const prepare = (extra: Record<string, unknown> = {}) => ({
    as: 'admin' as const,
    body: {
      order_item_id: ref('rentalItem'),
      inventory_asset_id: 'XE-001',
      description: 'Xe tốt, không trầy xước',
      ...extra,
    },
  });

  runAll([
    ['detail id 0', 'GET', '/admin/orders/0?type=sale', { as: 'admin' }, bad('order_id')],
    ['detail id -1', 'GET', '/admin/orders/-1?type=sale', { as: 'admin' }, bad('order_id')],
    ['detail id abc', 'GET', '/admin/orders/abc?type=sale', { as: 'admin' }, bad('order_id')],
    ['detail id 1.5', 'GET', '/admin/orders/1.5?type=sale', { as: 'admin' }, bad('order_id')],
    [
      'detail id unknown',
      'GET',
      '/admin/orders/99999999?type=sale',
      { as: 'admin' },
      { status: 404 },
    ],
    [
      'detail id 40 digits',
      'GET',
      `/admin/orders/${'9'.repeat(40)}?type=sale`,
      { as: 'admin' },
      { status: [400, 404] },
    ],
    ['detail without type', 'GET', '/admin/orders/{sale}', { as: 'admin' }, bad('type')],
    ['detail type=both', 'GET', '/admin/orders/{sale}?type=both', { as: 'admin' }, bad('type')],
    [
      'detail type twice',
      'GET',
      '/admin/orders/{sale}?type=sale&type=rental',
      { as: 'admin' },
      bad('type'),
    ],
    [
      'detail of a sale as a rental',
      'GET',
      '/admin/orders/{sale}?type=rental',
      { as: 'admin' },
      { status: 404 },
    ],
    [
      'detail as a customer',
      'GET',
      '/admin/orders/{sale}?type=sale',
      { as: 'buyer' },
      { status: 403 },
    ],

    ['status unknown', 'PATCH', STATUS, move({ status: 'Teleported' }), bad('status', [400, 409])],
    [
      'status lower-case',
      'PATCH',
      STATUS,
      move({ status: 'delivered' }),
      bad('status', [400, 409]),
    ],
    ['status __proto__', 'PATCH', STATUS, move({ status: '__proto__' }), bad('status', [400, 409])],
    [
      'status constructor',
      'PATCH',
      STATUS,
      move({ status: 'constructor' }),
      bad('status', [400, 409]),
    ],
    ['status toString', 'PATCH', STATUS, move({ status: 'toString' }), bad('status', [400, 409])],
    ['status the same', 'PATCH', STATUS, move({ status: 'Pending' }), bad('status', [400, 409])],
    [
      'status skipping ahead',
      'PATCH',
      STATUS,
      move({ status: 'Delivered' }),
      bad('status', [400, 409]),
    ],
    [
      'status of a rental on a sale',
      'PATCH',
      STATUS,
      move({ status: 'Active' }),
      bad('status', [400, 409]),
    ],
    ['status ""', 'PATCH', STATUS, move({ status: '' }), bad('status')],
    ['status 41 chars', 'PATCH', STATUS, move({ status: 'S'.repeat(41) }), bad('status')],
    ['status as number', 'PATCH', STATUS, move({ status: 2 }), bad('status')],
    ['status as array', 'PATCH', STATUS, move({ status: ['Confirmed'] }), bad('status')],
    ['status missing', 'PATCH', STATUS, move({ note: 'x' }), bad('status')],
    [
      'note 501 chars',
      'PATCH',
      STATUS,
      move({ status: 'Confirmed', note: 'n'.repeat(501) }),
      bad('note'),
    ],
    ['type missing', 'PATCH', '/admin/orders/{sale}/status', confirm, bad('type')],
    ['type wrong', 'PATCH', '/admin/orders/{sale}/status?type=rent', confirm, bad('type')],
    [
      'type of the other kind',
      'PATCH',
      '/admin/orders/{sale}/status?type=rental',
      confirm,
      { status: 404 },
    ],
    ['status id 0', 'PATCH', '/admin/orders/0/status?type=sale', confirm, bad('order_id')],
    ['status id -1', 'PATCH', '/admin/orders/-1/status?type=sale', confirm, bad('order_id')],
    ['status id abc', 'PATCH', '/admin/orders/abc/status?type=sale', confirm, bad('order_id')],
    [
      'status id unknown',
      'PATCH',
      '/admin/orders/99999999/status?type=sale',
      confirm,
      { status: 404 },
    ],
    [
      'status id 40 digits',
      'PATCH',
      `/admin/orders/${'9'.repeat(40)}/status?type=sale`,
      confirm,
      { status: [400, 404] },
    ],
    ['status body an array', 'PATCH', STATUS, move([{ status: 'Confirmed' }]), { status: 400 }],
    ['status malformed JSON', 'PATCH', STATUS, { as: 'admin', rawBody: '{"status":' }, invalidJson],
    [
      'status 2 MiB body',
      'PATCH',
      STATUS,
      { as: 'admin', rawBody: huge({ status: 'Confirmed' }) },
      tooLarge,
    ],
    ['status as a customer', 'PATCH', STATUS, { ...confirm, as: 'buyer' }, { status: 403 }],

    ['orders page=0', 'GET', '/admin/orders?page=0', { as: 'admin' }, bad('page')],
    ['orders limit=1000', 'GET', '/admin/orders?limit=1000', { as: 'admin' }, bad('limit')],
    ['orders type=x', 'GET', '/admin/orders?type=x', { as: 'admin' }, bad('type')],
    [
      'orders search 101 chars',
      'GET',
      `/admin/orders?search=${'s'.repeat(101)}`,
      { as: 'admin' },
      bad('search'),
    ],
    ['customer id 0', 'GET', '/admin/customers/0/orders', { as: 'admin' }, bad('customer_id')],
    ['customer id -1', 'GET', '/admin/customers/-1/orders', { as: 'admin' }, bad('customer_id')],
    ['customer id abc', 'GET', '/admin/customers/abc/orders', { as: 'admin' }, bad('customer_id')],
    [
      'customer id unknown',
      'GET',
      '/admin/customers/99999/orders',
      { as: 'admin' },
      { status: 404 },
    ],
    [
      'customer id of the admin',
      'GET',
      '/admin/customers/1/orders',
      { as: 'admin' },
      { status: 404 },
    ],
    [
      'customer orders page=-1',
      'GET',
      '/admin/customers/{customer}/orders?page=-1',
      { as: 'admin' },
      bad('page'),
    ],
    [
      'customer orders as a customer',
      'GET',
      '/admin/customers/{customer}/orders',
      { as: 'buyer' },
      { status: 403 },
    ],

    [
      'review with no request open',
      'POST',
      REVIEW,
      move({ decision: 'accept' }),
      { status: [400, 409] },
    ],
    ['review decision unknown', 'POST', REVIEW, move({ decision: 'maybe' }), bad('decision')],
    ['review decision missing', 'POST', REVIEW, move({}), bad('decision')],
    [
      'review reason 501 chars',
      'POST',
      REVIEW,
      move({ decision: 'decline', reason: 'r'.repeat(501) }),
      bad('reason'),
    ],
    [
      'review type missing',
      'POST',
      '/admin/orders/{sale}/request-review',
      move({ decision: 'accept' }),
      bad('type'),
    ],
    [
      'review id 0',
      'POST',
      '/admin/orders/0/request-review?type=sale',
      move({ decision: 'accept' }),
      bad('order_id'),
    ],
    [
      'review id unknown',
      'POST',
      '/admin/orders/99999999/request-review?type=sale',
      move({ decision: 'accept' }),
      { status: 404 },
    ],
    ['review malformed JSON', 'POST', REVIEW, { as: 'admin', rawBody: '{"decision"' }, invalidJson],
    [
      'review as a customer',
      'POST',
      REVIEW,
      { as: 'buyer', body: { decision: 'accept' } },
      { status: 403 },
    ],

    [
      'prep 10k photos',
      'POST',
      PREP,
      prepare({ evidence_photos: Array(10_000).fill('https://x.vn/a.jpg') }),
      bad('evidence_photos'),
    ],
    [
      'prep 21 photos',
      'POST',
      PREP,
      prepare({ evidence_photos: Array(21).fill('https://x.vn/a.jpg') }),
      bad('evidence_photos'),
    ],
    [
      'prep photo 2049 chars',
      'POST',
      PREP,
      prepare({ evidence_photos: [`https://x.vn/${'p'.repeat(2040)}`] }),
      bad('evidence_photos.0'),
    ],
    ['prep photo ""', 'POST', PREP, prepare({ evidence_photos: [''] }), bad('evidence_photos.0')],
    [
      'prep photo as number',
      'POST',
      PREP,
      prepare({ evidence_photos: [42] }),
      bad('evidence_photos.0'),
    ],
    [
      'prep photos as string',
      'POST',
      PREP,
      prepare({ evidence_photos: 'https://x.vn/a.jpg' }),
      bad('evidence_photos'),
    ],
    [
      'prep photos as object',
      'POST',
      PREP,
      prepare({ evidence_photos: { 0: 'https://x.vn/a.jpg' } }),
      bad('evidence_photos'),
    ],
    [
      'prep description 2001 chars',
      'POST',
      PREP,
      prepare({ description: 'd'.repeat(2001) }),
      bad('description'),
    ],
    [
      'prep description 900 KiB',
      'POST',
      PREP,
      prepare({ description: 'd'.repeat(900 * 1024) }),
      bad('description'),
    ],
    ['prep description blank', 'POST', PREP, prepare({ description: '   ' }), bad('description')],
    [
      'prep description missing',
      'POST',
      PREP,
      prepare({ description: undefined }),
      bad('description'),
    ],
    [
      'prep asset id 65 chars',
      'POST',
      PREP,
      prepare({ inventory_asset_id: 'A'.repeat(65) }),
      bad('inventory_asset_id'),
    ],
    [
      'prep asset id blank',
      'POST',
      PREP,
      prepare({ inventory_asset_id: '  ' }),
      bad('inventory_asset_id'),
    ],
    [
      'prep asset id as number',
      'POST',
      PREP,
      prepare({ inventory_asset_id: 1 }),
      bad('inventory_asset_id'),
    ],
    ['prep order_item_id 0', 'POST', PREP, prepare({ order_item_id: 0 }), bad('order_item_id')],
    ['prep order_item_id "1"', 'POST', PREP, prepare({ order_item_id: '1' }), bad('order_item_id')],
    [
      'prep order_item_id unknown',
      'POST',
      PREP,
      prepare({ order_item_id: 99_999 }),
      { status: 404 },
    ],
    [
      'prep order_item_id of the sale',
      'POST',
      PREP,
      prepare({ order_item_id: ref('saleItem') }),
      { status: 404 },
    ],
    [
      'prep on a sale order',
      'POST',
      '/admin/orders/{sale}/rental-preparation',
      prepare(),
      { status: 404 },
    ],
    ['prep id abc', 'POST', '/admin/orders/abc/rental-preparation', prepare(), bad('order_id')],
    ['prep id -1', 'POST', '/admin/orders/-1/rental-preparation', prepare(), bad('order_id')],
    ['prep body an array', 'POST', PREP, { as: 'admin', body: [prepare().body] }, { status: 400 }],
    [
      'prep malformed JSON',
      'POST',
      PREP,
      { as: 'admin', rawBody: '{"order_item_id":1,' },
      invalidJson,
    ],
    ['prep 2 MiB body', 'POST', PREP, { as: 'admin', rawBody: huge(prepare().body) }, tooLarge],
    ['prep as a customer', 'POST', PREP, { ...prepare(), as: 'buyer' }, { status: 403 }],
  ]);

  // The schema takes any non-empty string as a photo; nothing checks it is a URL.
  it('refuses evidence photos that are not URLs with 400', async () => {
    const before = snapshot();
    const res = await server.request(
      'POST',
      fill('/admin/orders/{otherRental}/rental-preparation'),
      {
        token: tokens.admin,
        body: resolveBody(
          prepare({
            order_item_id: ref('otherRentalItem'),
            evidence_photos: ['not a url', 'javascript:alert(1)', '../../etc/passwd'],
          }).body,
        ),
      },
    );
    expectErrorBody(res, { status: 400, code: 'VALIDATION_ERROR', field: 'evidence_photos.0' });
    expect(snapshot()).toEqual(before);
  });
});

describe('/admin/settings/rental', () => {
  const PATH = '/admin/settings/rental';
  const set = (body: unknown) => ({ as: 'admin' as const, body });

  runAll([
    [
      'min_days 0',
      'PATCH',
      PATH,
      set({ duration_limits: { min_days: 0 } }),
      bad('duration_limits.min_days'),
    ],
    [
      'max_days 366',
      'PATCH',
      PATH,
      set({ duration_limits: { max_days: 366 } }),
      bad('duration_limits.max_days'),
    ],
    [
      'min_days 1.5',
      'PATCH',
      PATH,
      set({ duration_limits: { min_days: 1.5 } }),
      bad('duration_limits.min_days'),
    ],
    [
      'min_days "5"',
      'PATCH',
      PATH,
      set({ duration_limits: { min_days: '5' } }),
      bad('duration_limits.min_days'),
    ],
    [
      'min above max',
      'PATCH',
      PATH,
      set({ duration_limits: { min_days: 10, max_days: 5 } }),
      bad('duration_limits.max_days'),
    ],
    [
      'min above the stored max',
      'PATCH',
      PATH,
      set({ duration_limits: { min_days: 40 } }),
      { status: 400 },
    ],
    [
      'good deposit with min above max',
      'PATCH',
      PATH,
      set({ deposit: { default_rate: 10 }, duration_limits: { min_days: 9, max_days: 2 } }),
      { status: 400 },
    ],
    [
      'deposit rate -1',
      'PATCH',
      PATH,
      set({ deposit: { default_rate: -1 } }),
      bad('deposit.default_rate'),
    ],
    [
      'deposit rate 1001',
      'PATCH',
      PATH,
      set({ deposit: { default_rate: 1001 } }),
      bad('deposit.default_rate'),
    ],
    [
      'deposit rate "80"',
      'PATCH',
      PATH,
      set({ deposit: { default_rate: '80' } }),
      bad('deposit.default_rate'),
    ],
    [
      'deposit rate null',
      'PATCH',
      PATH,
      set({ deposit: { default_rate: null } }),
      bad('deposit.default_rate'),
    ],
    [
      'deposit rate 1e400 (Infinity)',
      'PATCH',
      PATH,
      { as: 'admin', rawBody: '{"deposit":{"default_rate":1e400}}' },
      bad('deposit.default_rate'),
    ],
    [
      'overdue fee 1e9',
      'PATCH',
      PATH,
      set({ penalty: { overdue_fee_rate: 1e9 } }),
      bad('penalty.overdue_fee_rate'),
    ],
    [
      'cancellation policy unknown',
      'PATCH',
      PATH,
      set({ penalty: { cancellation_policy: 'lenient' } }),
      bad('penalty.cancellation_policy'),
    ],
    [
      'rent_to_own enabled "yes"',
      'PATCH',
      PATH,
      set({ rent_to_own: { enabled: 'yes' } }),
      bad('rent_to_own.enabled'),
    ],
    [
      'rent deduction -0.5',
      'PATCH',
      PATH,
      set({ rent_to_own: { rent_deduction: -0.5 } }),
      bad('rent_to_own.rent_deduction'),
    ],
    [
      'duration_limits as array',
      'PATCH',
      PATH,
      set({ duration_limits: [1, 30] }),
      bad('duration_limits'),
    ],
    ['deposit as number', 'PATCH', PATH, set({ deposit: 80 }), bad('deposit')],
    ['body an array', 'PATCH', PATH, set([{ deposit: { default_rate: 10 } }]), { status: 400 }],
    ['body null', 'PATCH', PATH, { as: 'admin', rawBody: 'null' }, { status: 400 }],
    ['malformed JSON', 'PATCH', PATH, { as: 'admin', rawBody: '{"deposit":{' }, invalidJson],
    [
      '2 MiB body',
      'PATCH',
      PATH,
      { as: 'admin', rawBody: huge({ deposit: { default_rate: 10 } }) },
      tooLarge,
    ],
    [
      'as a customer',
      'PATCH',
      PATH,
      { as: 'buyer', body: { deposit: { default_rate: 10 } } },
      { status: 403 },
    ],
    [
      'without a token',
      'PATCH',
      PATH,
      { body: { deposit: { default_rate: 10 } } },
      { status: 401 },
    ],
  ]);
});

describe('seed 003 /api/cart and /api/checkout', () => {
  const CART = '/api/cart';
  const CHECKOUT = '/api/checkout';
  const line = (extra: Record<string, unknown> = {}) => ({
    productId: '1',
    variantId: '1',
    quantity: 1,
    ...extra,
  });
  const add = (extra: Record<string, unknown> = {}) => ({ body: line(extra) });
  const shipTo = {
    fullName: 'Nguyễn Văn A',
    phone: '0901234567',
    address: '123 Đường ABC',
    city: 'TP. Hồ Chí Minh',
  };
  const order = (extra: Record<string, unknown> = {}) => ({
    body: {
      guestEmail: 'guest@example.com',
      items: [line()],
      shippingAddress: shipTo,
      shippingMethod: 'standard',
      paymentDetails: { method: 'cod' },
      ...extra,
    },
  });
  const shipping = (extra: Record<string, unknown>) =>
    order({ shippingAddress: { ...shipTo, ...extra } });

  runAll([
    ['quantity 0', 'POST', CART, add({ quantity: 0 }), bad('quantity')],
    ['quantity -1', 'POST', CART, add({ quantity: -1 }), bad('quantity')],
    ['quantity 1.5', 'POST', CART, add({ quantity: 1.5 }), bad('quantity')],
    ['quantity 1e9', 'POST', CART, add({ quantity: 1e9 }), bad('quantity')],
    ['quantity "1"', 'POST', CART, add({ quantity: '1' }), bad('quantity')],
    ['productId as number', 'POST', CART, add({ productId: 1 }), bad('productId')],
    ['productId ""', 'POST', CART, add({ productId: '' }), bad('productId')],
    ['productId 41 chars', 'POST', CART, add({ productId: '1'.repeat(41) }), bad('productId')],
    ['productId unknown', 'POST', CART, add({ productId: 'nope' }), { status: [400, 404] }],
    ['variantId missing', 'POST', CART, add({ variantId: undefined }), bad('variantId')],
    [
      'variantId of another product',
      'POST',
      CART,
      add({ variantId: 'v9-999' }),
      { status: [400, 404] },
    ],
    ['sessionId too short', 'POST', CART, add({ sessionId: 'short' }), bad('sessionId')],
    ['sessionId 65 chars', 'POST', CART, add({ sessionId: 's'.repeat(65) }), bad('sessionId')],
    ['sessionId as number', 'POST', CART, add({ sessionId: 12345678 }), bad('sessionId')],
    ['body an array', 'POST', CART, { body: [line()] }, { status: 400 }],
    ['body null', 'POST', CART, { rawBody: 'null' }, { status: 400 }],
    ['malformed JSON', 'POST', CART, { rawBody: '{"productId":' }, invalidJson],
    [
      'XML content-type',
      'POST',
      CART,
      { rawBody: '<cart/>', headers: { 'content-type': 'application/xml' } },
      unsupported,
    ],
    ['2 MiB body', 'POST', CART, { rawBody: huge(line()) }, tooLarge],
    [
      'signed in, quantity 0',
      'POST',
      CART,
      { as: 'buyer', body: line({ quantity: 0 }) },
      bad('quantity'),
    ],

    ['items empty', 'POST', CHECKOUT, order({ items: [] }), bad('items')],
    ['items 101 lines', 'POST', CHECKOUT, order({ items: Array(101).fill(line()) }), bad('items')],
    [
      'items 10k lines',
      'POST',
      CHECKOUT,
      order({ items: Array(10_000).fill(line()) }),
      bad('items'),
    ],
    ['items as object', 'POST', CHECKOUT, order({ items: line() }), bad('items')],
    ['items missing', 'POST', CHECKOUT, order({ items: undefined }), bad('items')],
    [
      'item quantity 0',
      'POST',
      CHECKOUT,
      order({ items: [line({ quantity: 0 })] }),
      bad('items.0.quantity'),
    ],
    [
      'item quantity -1',
      'POST',
      CHECKOUT,
      order({ items: [line({ quantity: -1 })] }),
      bad('items.0.quantity'),
    ],
    [
      'item quantity 1.5',
      'POST',
      CHECKOUT,
      order({ items: [line({ quantity: 1.5 })] }),
      bad('items.0.quantity'),
    ],
    [
      'item quantity 1e9',
      'POST',
      CHECKOUT,
      order({ items: [line({ quantity: 1e9 })] }),
      bad('items.0.quantity'),
    ],
    [
      'item quantity "2"',
      'POST',
      CHECKOUT,
      order({ items: [line({ quantity: '2' })] }),
      bad('items.0.quantity'),
    ],
    [
      'item productId as number',
      'POST',
      CHECKOUT,
      order({ items: [line({ productId: 1 })] }),
      bad('items.0.productId'),
    ],
    [
      'item price as string',
      'POST',
      CHECKOUT,
      order({ items: [line({ price: 'free' })] }),
      bad('items.0.price'),
    ],
    [
      'item unknown',
      'POST',
      CHECKOUT,
      order({ items: [line({ productId: '99999' })] }),
      { status: [400, 404] },
    ],
    [
      'second item unknown',
      'POST',
      CHECKOUT,
      order({ items: [line(), line({ productId: '99999', variantId: '99999' })] }),
      { status: [400, 404] },
    ],
    [
      'more than the stock',
      'POST',
      CHECKOUT,
      order({ items: Array(100).fill(line({ quantity: 999 })) }),
      { status: [400, 409] },
    ],
    [
      'shippingAddress missing',
      'POST',
      CHECKOUT,
      order({ shippingAddress: undefined }),
      bad('shippingAddress'),
    ],
    [
      'shippingAddress as array',
      'POST',
      CHECKOUT,
      order({ shippingAddress: [shipTo] }),
      bad('shippingAddress'),
    ],
    [
      'shippingAddress as string',
      'POST',
      CHECKOUT,
      order({ shippingAddress: '123 ABC' }),
      bad('shippingAddress'),
    ],
    [
      'fullName missing',
      'POST',
      CHECKOUT,
      shipping({ fullName: undefined }),
      bad('shippingAddress.fullName'),
    ],
    [
      'fullName blank',
      'POST',
      CHECKOUT,
      shipping({ fullName: '   ' }),
      bad('shippingAddress.fullName'),
    ],
    [
      'phone missing',
      'POST',
      CHECKOUT,
      shipping({ phone: undefined }),
      bad('shippingAddress.phone'),
    ],
    ['phone "123"', 'POST', CHECKOUT, shipping({ phone: '123' }), bad('shippingAddress.phone')],
    [
      'phone letters',
      'POST',
      CHECKOUT,
      shipping({ phone: 'abcdefghij' }),
      bad('shippingAddress.phone'),
    ],
    [
      'phone as number',
      'POST',
      CHECKOUT,
      shipping({ phone: 901234567 }),
      bad('shippingAddress.phone'),
    ],
    [
      'address missing',
      'POST',
      CHECKOUT,
      shipping({ address: undefined }),
      bad('shippingAddress.address'),
    ],
    ['city missing', 'POST', CHECKOUT, shipping({ city: undefined }), bad('shippingAddress.city')],
    [
      'note 501 chars',
      'POST',
      CHECKOUT,
      shipping({ note: 'n'.repeat(501) }),
      bad('shippingAddress.note'),
    ],
    [
      'shippingMethod unknown',
      'POST',
      CHECKOUT,
      order({ shippingMethod: 'teleport' }),
      bad('shippingMethod'),
    ],
    [
      'shippingMethod as number',
      'POST',
      CHECKOUT,
      order({ shippingMethod: 1 }),
      bad('shippingMethod'),
    ],
    [
      'paymentDetails missing',
      'POST',
      CHECKOUT,
      order({ paymentDetails: undefined }),
      bad('paymentDetails'),
    ],
    [
      'payment method unknown',
      'POST',
      CHECKOUT,
      order({ paymentDetails: { method: 'bitcoin' } }),
      bad('paymentDetails.method'),
    ],
    [
      'guestEmail not an e-mail',
      'POST',
      CHECKOUT,
      order({ guestEmail: 'not-an-email' }),
      bad('guestEmail'),
    ],
    ['guestEmail as array', 'POST', CHECKOUT, order({ guestEmail: ['a@b.vn'] }), bad('guestEmail')],
    [
      'upsell "yes"',
      'POST',
      CHECKOUT,
      order({ upsellServices: { vacuumSealing: 'yes' } }),
      bad('upsellServices.vacuumSealing'),
    ],
    [
      'upsellServices as array',
      'POST',
      CHECKOUT,
      order({ upsellServices: [true] }),
      bad('upsellServices'),
    ],
    ['body an array', 'POST', CHECKOUT, { body: [order().body] }, { status: 400 }],
    ['malformed JSON', 'POST', CHECKOUT, { rawBody: '{"items":[' }, invalidJson],
    [
      'form-encoded',
      'POST',
      CHECKOUT,
      { rawBody: 'items=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      unsupported,
    ],
    ['2 MiB body', 'POST', CHECKOUT, { rawBody: huge(order().body) }, tooLarge],
  ]);
});

describe('payments under /api/v1', () => {
  const PAY = '/api/v1/orders/{sale}/payments';
  const cash = (extra: Record<string, unknown> = {}) => ({
    as: 'admin' as const,
    body: { method: 'cash', amount_received: 1_000_000, ...extra },
  });

  runAll([
    ['method unknown', 'POST', PAY, cash({ method: 'bitcoin' }), bad('method')],
    ['method ""', 'POST', PAY, cash({ method: '' }), bad('method')],
    ['method CASH', 'POST', PAY, cash({ method: 'CASH' }), bad('method')],
    ['method as number', 'POST', PAY, cash({ method: 1 }), bad('method')],
    ['method null', 'POST', PAY, cash({ method: null }), bad('method')],
    ['method missing', 'POST', PAY, cash({ method: undefined }), bad('method')],
    ['amount_received -1', 'POST', PAY, cash({ amount_received: -1 }), bad('amount_received')],
    [
      'amount_received 1.5',
      'POST',
      PAY,
      cash({ amount_received: 100_000.5 }),
      bad('amount_received'),
    ],
    ['amount_received 1e11', 'POST', PAY, cash({ amount_received: 1e11 }), bad('amount_received')],
    [
      'amount_received 1e400',
      'POST',
      PAY,
      { as: 'admin', rawBody: '{"method":"cash","amount_received":1e400}' },
      bad('amount_received'),
    ],
    [
      'amount_received as string',
      'POST',
      PAY,
      cash({ amount_received: '100000' }),
      bad('amount_received'),
    ],
    ['amount_received null', 'POST', PAY, cash({ amount_received: null }), bad('amount_received')],
    [
      'cash without amount_received',
      'POST',
      PAY,
      cash({ amount_received: undefined }),
      bad('amount_received'),
    ],
    ['cash below the total', 'POST', PAY, cash({ amount_received: 1 }), bad('amount_received')],
    ['amount_received with payos', 'POST', PAY, cash({ method: 'payos' }), bad('amount_received')],
    ['cash taken by a customer', 'POST', PAY, { ...cash(), as: 'buyer' }, { status: 403 }],
    [
      'cash for a paid order',
      'POST',
      '/api/v1/orders/{paidSale}/payments',
      cash(),
      { status: 409 },
    ],
    [
      'order ref 65 chars',
      'POST',
      `/api/v1/orders/${'S'.repeat(65)}/payments`,
      cash(),
      bad('order_id'),
    ],
    ['order ref unknown', 'POST', '/api/v1/orders/SO-NOPE/payments', cash(), { status: 404 }],
    ['order ref 0', 'POST', '/api/v1/orders/0/payments', cash(), { status: 404 }],
    ['order ref -1', 'POST', '/api/v1/orders/-1/payments', cash(), { status: 404 }],
    [
      "someone else's order",
      'POST',
      PAY,
      { as: 'stranger', body: { method: 'payos' } },
      { status: [403, 404] },
    ],
    ['body an array', 'POST', PAY, { as: 'admin', body: [cash().body] }, { status: 400 }],
    ['malformed JSON', 'POST', PAY, { as: 'admin', rawBody: '{"method":"cash",' }, invalidJson],
    [
      'XML content-type',
      'POST',
      PAY,
      { as: 'admin', rawBody: '<pay/>', headers: { 'content-type': 'application/xml' } },
      unsupported,
    ],
    ['2 MiB body', 'POST', PAY, { as: 'admin', rawBody: huge({ method: 'cash' }) }, tooLarge],
    ['without a token', 'POST', PAY, { body: { method: 'payos' } }, { status: 401 }],

    [
      'payment id 65 chars',
      'GET',
      `/api/v1/payments/${'p'.repeat(65)}`,
      { as: 'buyer' },
      bad('payment_id'),
    ],
    [
      'payment id unknown',
      'GET',
      '/api/v1/payments/not-a-payment',
      { as: 'buyer' },
      { status: 404 },
    ],
    ['payment id 0', 'GET', '/api/v1/payments/0', { as: 'buyer' }, { status: 404 }],
    [
      "someone else's payment",
      'GET',
      '/api/v1/payments/{payment}',
      { as: 'stranger' },
      { status: [403, 404] },
    ],
    ['payment without a token', 'GET', '/api/v1/payments/{payment}', {}, { status: 401 }],
    ['list status=x', 'GET', '/api/v1/payments?status=x', { as: 'admin' }, bad('status')],
    ['list page=0', 'GET', '/api/v1/payments?page=0', { as: 'admin' }, bad('page')],
    ['list limit=1000', 'GET', '/api/v1/payments?limit=1000', { as: 'admin' }, bad('limit')],
    [
      'list all three',
      'GET',
      '/api/v1/payments?status=x&page=0&limit=1000',
      { as: 'admin' },
      { status: 400 },
    ],
    [
      'list refund_due=maybe',
      'GET',
      '/api/v1/payments?refund_due=maybe',
      { as: 'admin' },
      bad('refund_due'),
    ],
    ['list as a customer', 'GET', '/api/v1/payments', { as: 'buyer' }, { status: 403 }],

    [
      'receipt format=pdf',
      'GET',
      '/api/v1/orders/{sale}/receipt?format=pdf',
      { as: 'buyer' },
      bad('format'),
    ],
    [
      'receipt format twice',
      'GET',
      '/api/v1/orders/{sale}/receipt?format=text&format=json',
      { as: 'buyer' },
      bad('format'),
    ],
    [
      "someone else's receipt",
      'GET',
      '/api/v1/orders/{sale}/receipt',
      { as: 'stranger' },
      { status: [403, 404] },
    ],
    [
      'receipt ref 65 chars',
      'GET',
      `/api/v1/orders/${'9'.repeat(65)}/receipt`,
      { as: 'buyer' },
      bad('order_id'),
    ],
    [
      'receipt ref unknown',
      'GET',
      '/api/v1/orders/99999999/receipt',
      { as: 'buyer' },
      { status: 404 },
    ],
  ]);

  it('asking for a gateway that is not configured answers 503 and writes nothing', async () => {
    for (const method of ['payos', 'vnpay', 'momo']) {
      const before = snapshot();
      const res = await server.request('POST', fill(PAY), {
        token: tokens.buyer,
        body: { method },
      });
      // Seen: 503 GATEWAY_UNAVAILABLE naming `method` (documented for this route, and
      // GET /api/v1/payments/methods says not_configured). Not a 500, and nothing written.
      expectErrorBody(res, { status: 503, code: 'GATEWAY_UNAVAILABLE', field: 'method' });
      expect(snapshot()).toEqual(before);
    }
  });
});

describe('/api/v1/sessions/{id}/order and order requests', () => {
  const SESSION = '/api/v1/sessions/00000000-0000-4000-8000-000000000000/order';
  const ask = (body: unknown, as: Who = 'buyer') => ({ as, body });

  runAll([
    [
      'voucher_code 10k chars',
      'POST',
      SESSION,
      ask({ voucher_code: 'V'.repeat(10_000) }),
      bad('voucher_code'),
    ],
    ['voucher_code ""', 'POST', SESSION, ask({ voucher_code: '' }), bad('voucher_code')],
    ['voucher_code as number', 'POST', SESSION, ask({ voucher_code: 42 }), bad('voucher_code')],
    ['voucher_code as array', 'POST', SESSION, ask({ voucher_code: ['A'] }), bad('voucher_code')],
    ['body an array', 'POST', SESSION, ask([{ voucher_code: 'A' }]), { status: 400 }],
    ['malformed JSON', 'POST', SESSION, { as: 'buyer', rawBody: '{"voucher_code":' }, invalidJson],
    ['2 MiB body', 'POST', SESSION, { as: 'buyer', rawBody: huge({}) }, tooLarge],
    ['unknown session', 'POST', SESSION, ask({}), { status: 404 }],
    [
      'session id 65 chars',
      'POST',
      `/api/v1/sessions/${'s'.repeat(65)}/order`,
      ask({}),
      bad('session_id'),
    ],
    ['without a token', 'POST', SESSION, { body: {} }, { status: 401 }],

    [
      'cancel reason 501 chars',
      'POST',
      '/api/v1/orders/{sale}/cancel-request',
      ask({ reason: 'r'.repeat(501) }),
      bad('reason'),
    ],
    [
      'cancel reason as number',
      'POST',
      '/api/v1/orders/{sale}/cancel-request',
      ask({ reason: 42 }),
      bad('reason'),
    ],
    [
      'cancel body an array',
      'POST',
      '/api/v1/orders/{sale}/cancel-request',
      ask(['please']),
      { status: 400 },
    ],
    [
      'cancel malformed JSON',
      'POST',
      '/api/v1/orders/{sale}/cancel-request',
      { as: 'buyer', rawBody: '{"reason":' },
      invalidJson,
    ],
    ['cancel id 0', 'POST', '/api/v1/orders/0/cancel-request', ask({}), bad('order_id')],
    ['cancel id abc', 'POST', '/api/v1/orders/abc/cancel-request', ask({}), bad('order_id')],
    [
      'cancel id unknown',
      'POST',
      '/api/v1/orders/99999999/cancel-request',
      ask({}),
      { status: 404 },
    ],
    [
      'cancel id 40 digits',
      'POST',
      `/api/v1/orders/${'9'.repeat(40)}/cancel-request`,
      ask({}),
      { status: [400, 404] },
    ],
    [
      "cancel someone else's order",
      'POST',
      '/api/v1/orders/{sale}/cancel-request',
      ask({}, 'stranger'),
      { status: [403, 404] },
    ],
    [
      'return a sale',
      'POST',
      '/api/v1/orders/{sale}/return-request',
      ask({}),
      { status: [400, 409] },
    ],
    [
      'return a rental not yet out',
      'POST',
      '/api/v1/orders/{rental}/return-request',
      ask({}),
      { status: [400, 409] },
    ],
    [
      'return reason as object',
      'POST',
      '/api/v1/orders/{rental}/return-request',
      ask({ reason: { a: 1 } }),
      bad('reason'),
    ],
    [
      'buy out a sale',
      'POST',
      '/api/v1/orders/{sale}/buy-out',
      ask(undefined),
      { status: [400, 409] },
    ],
    [
      'buy out a rental not yet out',
      'POST',
      '/api/v1/orders/{rental}/buy-out',
      ask(undefined),
      { status: [400, 409] },
    ],
    [
      "buy out someone else's rental",
      'POST',
      '/api/v1/orders/{rental}/buy-out',
      ask(undefined, 'stranger'),
      { status: [403, 404] },
    ],
    ['buy out id -1', 'POST', '/api/v1/orders/-1/buy-out', ask(undefined), bad('order_id')],
    [
      'buy out with a malformed body',
      'POST',
      '/api/v1/orders/{rental}/buy-out',
      { as: 'buyer', rawBody: '{"a":' },
      invalidJson,
    ],
  ]);
});

// The relays answer in each gateway's own format (payOS JSON, VNPay RspCode, MoMo bare status),
// not `{ detail, code }`. Only what Fastify refuses before the relay runs (malformed JSON,
// unknown content-type, oversized body) is in ours.
type RelayCase = [
  label: string,
  method: string,
  path: string,
  probe: Probe,
  status: number,
  body: unknown,
];
const PAYOS = '/api/v1/payments/payos/webhook';
const VNPAY = '/api/v1/payments/vnpay/ipn';
const MOMO = '/api/v1/payments/momo/ipn';
const PAYOS_ERROR = { success: false };
const VNPAY_ERROR = { RspCode: '99', Message: 'Invalid request' };
const VNPAY_BAD_SIGNATURE = { RspCode: '97', Message: 'Invalid signature' };
const EMPTY = '';
const json = (body: unknown): Probe => ({ body });
const raw = (rawBody: string, contentType?: string): Probe => ({
  rawBody,
  headers: contentType ? { 'content-type': contentType } : undefined,
});

/** Sends a relayed notification; checks the gateway-format answer and that nothing was written. */
async function expectRelayAnswer(on: TestServer, [, method, path, probe, status, body]: RelayCase) {
  const before = snapshot(on);
  const res = await on.request(method, path, {
    body: probe.body,
    rawBody: probe.rawBody,
    headers: probe.headers,
  });
  const context = `${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.text, context).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(res.status, context).toBe(status);
  if (body === EMPTY) expect(res.text, context).toBe('');
  else if (typeof body === 'string') expect(res.body?.code, context).toBe(body);
  else expect(res.body, context).toEqual(body);
  expect(snapshot(on), context).toEqual(before);
}

/** Refusals Fastify makes before any relay runs: the same whether or not a gateway is set up. */
const PARSER_REFUSALS: RelayCase[] = [
  ['payOS malformed JSON', 'POST', PAYOS, raw('{"a":'), 400, 'INVALID_JSON'],
  [
    'payOS form-encoded',
    'POST',
    PAYOS,
    raw('a=1', 'application/x-www-form-urlencoded'),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  [
    'payOS 2 MiB body',
    'POST',
    PAYOS,
    raw(huge({ data: {}, signature: 'x' })),
    413,
    'BODY_TOO_LARGE',
  ],
  ['MoMo malformed JSON', 'POST', MOMO, raw('{"orderId":'), 400, 'INVALID_JSON'],
  ['MoMo XML', 'POST', MOMO, raw('<ipn/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['MoMo 2 MiB body', 'POST', MOMO, raw(huge({ orderId: 'x' })), 413, 'BODY_TOO_LARGE'],
  ['VNPay IPN by POST', 'POST', VNPAY, json({ vnp_TxnRef: '1' }), 404, 'NOT_FOUND'],
];

describe('gateway relays with no gateway configured', () => {
  // A gateway this terminal does not take has nothing to verify a notification with: 404
  // naming it, in our error shape, and nothing is written.
  const cases: RelayCase[] = [
    ...PARSER_REFUSALS,
    ['payOS JSON array', 'POST', PAYOS, raw('[1,2]'), 404, 'NOT_FOUND'],
    ['payOS {}', 'POST', PAYOS, json({}), 404, 'NOT_FOUND'],
    ['payOS missing signature', 'POST', PAYOS, json({ data: { orderCode: 1 } }), 404, 'NOT_FOUND'],
    ['payOS text/plain', 'POST', PAYOS, raw('hello', 'text/plain'), 404, 'NOT_FOUND'],
    ['payOS no body', 'POST', PAYOS, {}, 404, 'NOT_FOUND'],
    ['VNPay junk query', 'GET', `${VNPAY}?%%%=&&&x`, {}, 404, 'NOT_FOUND'],
    ['VNPay repeated params', 'GET', `${VNPAY}?vnp_TxnRef=1&vnp_TxnRef=2`, {}, 404, 'NOT_FOUND'],
    ['VNPay no query', 'GET', VNPAY, {}, 404, 'NOT_FOUND'],
    [
      'VNPay 10k-char param',
      'GET',
      `${VNPAY}?vnp_TxnRef=${'1'.repeat(10_000)}`,
      {},
      404,
      'NOT_FOUND',
    ],
    ['MoMo garbage', 'POST', MOMO, json({ orderId: 'x' }), 404, 'NOT_FOUND'],
    ['MoMo JSON array', 'POST', MOMO, raw('[]'), 404, 'NOT_FOUND'],
    ['MoMo no body', 'POST', MOMO, {}, 404, 'NOT_FOUND'],
  ];

  it.each(cases)('%s (%s %s)', async (...c) => {
    await expectRelayAnswer(server, c);
  });
});

describe('gateway relays with the gateways configured', () => {
  let gated: TestServer;
  beforeAll(async () => {
    // Keys only: verifying a notification is local; no gateway is ever called here.
    gated = await startTestServer({
      env: {
        CARTSTATION_RECONCILE_SECONDS: '0',
        CARTSTATION_PAYOS_CLIENT_ID: 'client-1',
        CARTSTATION_PAYOS_API_KEY: 'api-key-1',
        CARTSTATION_PAYOS_CHECKSUM_KEY: 'checksum-key-1',
        CARTSTATION_VNPAY_TMN_CODE: 'TMN00001',
        CARTSTATION_VNPAY_HASH_SECRET: 'vnpay-secret-1',
        CARTSTATION_MOMO_PARTNER_CODE: 'MOMO0001',
        CARTSTATION_MOMO_ACCESS_KEY: 'momo-access-1',
        CARTSTATION_MOMO_SECRET_KEY: 'momo-secret-1',
        CARTSTATION_MOMO_IPN_URL: 'https://hq.example.vn/momo/ipn',
      },
      usbBus: null,
    });
  });
  afterAll(() => gated.stop());

  const answered: RelayCase[] = [
    ...PARSER_REFUSALS,
    [
      'payOS forged signature',
      'POST',
      PAYOS,
      json({ code: '00', data: { orderCode: 1, amount: 65_000, reference: 'R1' }, signature: 'f' }),
      400,
      PAYOS_ERROR,
    ],
    ['VNPay junk query', 'GET', `${VNPAY}?%%%=&&&x`, {}, 200, VNPAY_BAD_SIGNATURE],
    ['VNPay no query', 'GET', VNPAY, {}, 200, VNPAY_BAD_SIGNATURE],
    [
      'VNPay repeated params',
      'GET',
      `${VNPAY}?vnp_TxnRef=1&vnp_TxnRef=2&vnp_SecureHash=ab`,
      {},
      200,
      VNPAY_ERROR,
    ],
    ['VNPay nested param', 'GET', `${VNPAY}?vnp_SecureHash[a]=1`, {}, 200, VNPAY_BAD_SIGNATURE],
    [
      'VNPay amount not a number',
      'GET',
      `${VNPAY}?vnp_Amount=abc&vnp_SecureHash=ab`,
      {},
      200,
      VNPAY_ERROR,
    ],
    [
      'VNPay forged signature',
      'GET',
      `${VNPAY}?vnp_TxnRef=1&vnp_Amount=6500000&vnp_SecureHash=ab`,
      {},
      200,
      VNPAY_BAD_SIGNATURE,
    ],
    [
      'MoMo forged signature',
      'POST',
      MOMO,
      json({ orderId: '1', resultCode: 0, signature: 'f' }),
      400,
      EMPTY,
    ],
  ];

  it.each(answered)('%s (%s %s)', async (...c) => {
    await expectRelayAnswer(gated, c);
  });

  // A notification that is not even shaped like one (no signature, an array, plain text) is
  // the sender's mistake: 400, never a 500 asking for a retry that cannot help.
  const malformed: RelayCase[] = [
    ['payOS JSON array', 'POST', PAYOS, raw('[1,2]'), 400, PAYOS_ERROR],
    ['payOS missing signature', 'POST', PAYOS, json({ data: { orderCode: 1 } }), 400, PAYOS_ERROR],
    [
      'payOS signature a number',
      'POST',
      PAYOS,
      json({ data: { orderCode: 1 }, signature: 5 }),
      400,
      PAYOS_ERROR,
    ],
    ['payOS data an array', 'POST', PAYOS, json({ data: [], signature: 'x' }), 400, PAYOS_ERROR],
    ['payOS text/plain', 'POST', PAYOS, raw('hello', 'text/plain'), 400, PAYOS_ERROR],
    ['payOS no body', 'POST', PAYOS, {}, 400, PAYOS_ERROR],
    ['MoMo missing signature', 'POST', MOMO, json({ orderId: 'x' }), 400, EMPTY],
    ['MoMo JSON array', 'POST', MOMO, raw('[]'), 400, EMPTY],
    ['MoMo JSON string', 'POST', MOMO, raw('"s"'), 400, EMPTY],
    ['MoMo no body', 'POST', MOMO, {}, 400, EMPTY],
  ];

  it.each(malformed)('%s (%s %s) answers 400, not 500', async (...c) => {
    await expectRelayAnswer(gated, c);
  });

  it('writes nothing for any malformed notification, whatever it answers', async () => {
    for (const c of malformed) {
      const [, method, path, probe] = c;
      const before = snapshot(gated);
      const res = await gated.request(method, path, {
        body: probe.body,
        rawBody: probe.rawBody,
        headers: probe.headers,
      });
      expect(res.status, c[0]).toBe(400);
      expect(snapshot(gated)).toEqual(before);
    }
  });
});
