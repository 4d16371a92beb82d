import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#main/backend/lib/clock';
import { DEFAULT_RENTAL_SETTINGS } from '#shared/contracts/settings';
import { orderApi, type Shopper } from '#test/helpers/order-api';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';
import { createOrderLifecycle } from './order-lifecycle.ts';
import { createOrdersRepo } from './orders.repo.ts';
import { createRentalsRepo } from './rentals.repo.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const clock = fixedClock('2025-03-01T02:00:00.000Z');

let server: TestServer;
let api: ReturnType<typeof orderApi>;
let lan: Shopper & { id: number };
let minh: Shopper & { id: number };
let bike: { productId: number; sku: string };
let helmet: { productId: number; sku: string };
/** The overdue sweep over the test server's own database, as the module's timer runs it. */
let sweep: () => number;

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' }, clock });
  api = orderApi(server);
  lan = await api.customer('Chị Lan');
  minh = await api.customer('Anh Minh');
  bike = await api.product('Xe đạp địa hình', {
    price: 3_000_000,
    stock: 10,
    rent: 80_000,
    deposit: 500_000,
  });
  helmet = await api.product('Mũ bảo hiểm', { price: 200_000, stock: 20, rent: 15_000 });
  const db = server.backend.store.db;
  sweep = createOrderLifecycle({
    orders: createOrdersRepo(db),
    rentals: createRentalsRepo(db),
    settings: () => DEFAULT_RENTAL_SETTINGS,
    clock,
  }).sweepOverdue;
});
afterAll(() => server.stop());

const post = async (path: string, body?: unknown, token?: string) =>
  server.request('POST', path, { token: token ?? (await api.admin()), body });
const prepare = (orderId: number, body: object, token?: string) =>
  post(`/admin/orders/${orderId}/rental-preparation`, body, token);
const itemsOf = async (orderId: number) =>
  ((await api.detail(orderId, 'rental')).items as { id: number; variant_id: number }[]).map(
    (i) => i.id,
  );
const settings = async (body: object) =>
  server.request('PATCH', '/admin/settings/rental', { token: await api.admin(), body });

/** A rental handed out: every line prepared with a fresh asset, then Active. */
async function activeRental(
  who: Shopper,
  lines: { productId: number; quantity: number; rentalDays: number }[],
) {
  const { rental } = await api.order(who, lines);
  for (const item of await itemsOf(rental!)) {
    const res = await prepare(rental!, {
      order_item_id: item,
      inventory_asset_id: `ASSET-${item}`,
      description: 'Xe tốt',
    });
    expect(res.status, res.text).toBe(200);
  }
  expect((await api.setStatus(rental!, 'rental', 'Active')).status).toBe(200);
  return rental!;
}

describe('POST /admin/orders/{order_id}/rental-preparation (seed 002)', () => {
  it('assigns units, moves Confirmed to Preparing, and starts the rental once all are ready', async () => {
    const { rental } = await api.order(lan, [
      { productId: bike.productId, quantity: 2, rentalDays: 3 },
      { productId: helmet.productId, quantity: 1, rentalDays: 5 },
    ]);
    const [first, second] = await itemsOf(rental!);
    const admin = await api.admin();
    const adminId = server.backend.store.db.$client
      .prepare("select id from users where role = 'admin'")
      .pluck()
      .get();

    const res = await prepare(rental!, {
      order_item_id: first,
      inventory_asset_id: 'ASSET-001',
      description: 'Xe mới, tình trạng tốt',
      evidence_photos: ['https://example.com/photo1.jpg'],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Rental item prepared and assigned successfully',
    });
    const detail = await api.detail(rental!, 'rental');
    expect(detail.status).toBe('Preparing');
    expect(detail.items[0]).toMatchObject({
      id: first,
      asset_id: 'ASSET-001',
      condition_note: 'Xe mới, tình trạng tốt',
      evidence_photos: ['https://example.com/photo1.jpg'],
      prepared_at: '2025-03-01T02:00:00.000Z',
      prepared_by: adminId,
    });
    expect(detail.history.at(-1)).toMatchObject({
      from: 'Confirmed',
      to: 'Preparing',
      by: adminId,
      at: '2025-03-01T02:00:00.000Z',
    });

    // Re-preparing a line while Preparing updates it without another status change.
    const events = countRows(server, 'order_events');
    const redo = await prepare(rental!, {
      order_item_id: first,
      inventory_asset_id: 'ASSET-002',
      description: 'Trầy nhẹ ở khung',
    });
    expect(redo.status).toBe(200);
    expect(countRows(server, 'order_events')).toBe(events);

    const early = await api.setStatus(rental!, 'rental', 'Active');
    expect(early.status).toBe(400);
    expect(early.body.detail).toBe(
      `Item ${second} (Mũ bảo hiểm) must be prepared before the rental starts`,
    );

    // One physical unit can't go out with two rentals.
    const { rental: other } = await api.order(minh, [
      { productId: bike.productId, quantity: 1, rentalDays: 1 },
    ]);
    const [otherItem] = await itemsOf(other!);
    const taken = await prepare(other!, {
      order_item_id: otherItem,
      inventory_asset_id: 'ASSET-002',
      description: 'ok',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toMatch(/^Asset ASSET-002 is already assigned to RN-/);

    await prepare(rental!, {
      order_item_id: second,
      inventory_asset_id: 'MU-7',
      description: 'ok',
    });
    const go = await server.request('PATCH', `/admin/orders/${rental}/status?type=rental`, {
      token: admin,
      body: { status: 'Active' },
    });
    expect(go.status, go.text).toBe(200);
    // The longest line (5 days) sets the end.
    expect(api.row(rental!)).toMatchObject({
      rental_start: '2025-03-01T02:00:00.000Z',
      rental_end: '2025-03-06T02:00:00.000Z',
    });

    const late = await prepare(rental!, {
      order_item_id: first,
      inventory_asset_id: 'ASSET-003',
      description: 'x',
    });
    expect(late.status).toBe(400);
    expect(late.body.detail).toBe(
      "Cannot update preparation details when order is 'Active'. Request must be Confirmed or Preparing.",
    );
  });

  it('names the field of bad input and answers 404/403 for unknown or forbidden calls', async () => {
    const { rental, sale } = await api.order(lan, [
      { productId: 1, quantity: 1 },
      { productId: bike.productId, quantity: 1, rentalDays: 2 },
    ]);
    const [item] = await itemsOf(rental!);
    const ok = { order_item_id: item, inventory_asset_id: 'A-1', description: 'ok' };
    const events = countRows(server, 'order_events');
    const cases: [object, string][] = [
      [{ inventory_asset_id: 'A-1', description: 'ok' }, 'order_item_id is required'],
      [{ ...ok, order_item_id: 'one' }, 'order_item_id'],
      [{ ...ok, inventory_asset_id: '' }, 'inventory_asset_id'],
      [{ ...ok, inventory_asset_id: '   ' }, 'inventory_asset_id must not be blank'],
      [{ order_item_id: item, inventory_asset_id: 'A-1' }, 'description is required'],
      [{ ...ok, description: ' ' }, 'description must not be blank'],
      [{ ...ok, evidence_photos: 'photo.jpg' }, 'evidence_photos'],
      [{ ...ok, evidence_photos: [''] }, 'evidence_photos'],
    ];
    for (const [body, detail] of cases) {
      const res = await prepare(rental!, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.detail).toContain(detail);
    }
    const unknown = await prepare(999_999, ok);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('Rental order not found');
    expect((await prepare(sale!, ok)).status).toBe(404);
    const foreignItem = await prepare(rental!, { ...ok, order_item_id: item! + 1_000 });
    expect(foreignItem.status).toBe(404);
    expect(foreignItem.body.detail).toBe('Order item not found');
    expect((await prepare(rental!, ok, await lan.token())).status).toBe(403);
    expect(
      (await server.request('POST', `/admin/orders/${rental}/rental-preparation`, { body: ok }))
        .status,
    ).toBe(401);
    expect(countRows(server, 'order_events')).toBe(events);
    expect(api.row(rental!).status).toBe('Confirmed');
  });
});

describe('overdue rentals and returns', () => {
  it('marks Active rentals Overdue once past their end, once, by nobody', async () => {
    const rental = await activeRental(lan, [
      { productId: bike.productId, quantity: 2, rentalDays: 3 },
      { productId: helmet.productId, quantity: 1, rentalDays: 1 },
    ]);
    const stock = { bike: api.stockOf(bike.sku), helmet: api.stockOf(helmet.sku) };
    expect(api.row(rental).rental_end).toBe('2025-03-04T02:00:00.000Z');

    clock.advance(3 * DAY - MINUTE);
    sweep();
    expect(api.row(rental).status).toBe('Active');
    clock.advance(2 * MINUTE);
    expect(sweep()).toBeGreaterThanOrEqual(1);
    expect(api.row(rental).status).toBe('Overdue');
    expect(api.events(rental).at(-1)).toMatchObject({
      from_status: 'Active',
      to_status: 'Overdue',
      actor_user_id: null,
      note: 'overdue',
      created_at: '2025-03-04T02:01:00.000Z',
    });
    expect(sweep()).toBe(0);
    expect(api.events(rental).filter((e) => e.to_status === 'Overdue')).toHaveLength(1);

    // A day and a minute late when the return is accepted: two whole days.
    clock.advance(DAY);
    const asked = await post(`/api/v1/orders/${rental}/return-request`, {}, await lan.token());
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body.data).toMatchObject({
      status: 'Return Requested',
      requested_from_status: 'Overdue',
    });
    expect(sweep()).toBe(0);
    const accepted = await post(`/admin/orders/${rental}/request-review?type=rental`, {
      decision: 'accept',
    });
    expect(accepted.body.message).toBe('Rental order request accepted');
    // 2 days × (2 × 80 000 + 15 000) per day × 150 %
    expect(api.row(rental)).toMatchObject({
      status: 'Returned',
      returned_at: '2025-03-05T02:01:00.000Z',
      overdue_fee: 525_000,
      request_kind: null,
    });
    expect(api.stockOf(bike.sku)).toBe(stock.bike + 2);
    expect(api.stockOf(helmet.sku)).toBe(stock.helmet + 1);
    const detail = await api.detail(rental, 'rental');
    expect(detail).toMatchObject({ overdue_fee: 525_000, returned_at: '2025-03-05T02:01:00.000Z' });
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual([
      'Confirmed',
      'Preparing',
      'Active',
      'Overdue',
      'Return Requested',
      'Returned',
    ]);
  });

  it('charges nothing for an on-time return, and a declined return goes back to Active', async () => {
    const rental = await activeRental(minh, [
      { productId: helmet.productId, quantity: 1, rentalDays: 2 },
    ]);
    const asked = await post(`/api/v1/orders/${rental}/return-request`, {}, await minh.token());
    expect(asked.status).toBe(200);
    const declined = await post(`/admin/orders/${rental}/request-review?type=rental`, {
      decision: 'decline',
      reason: 'Chưa nhận được xe',
    });
    expect(declined.body.message).toBe('Rental order request declined');
    expect(api.row(rental).status).toBe('Active');
    expect(api.events(rental).at(-1)!.note).toBe('Chưa nhận được xe');
    const cancel = await post(`/api/v1/orders/${rental}/cancel-request`, {}, await minh.token());
    expect(cancel.status).toBe(409);
    expect(cancel.body.detail).toBe("Cannot request cancellation when order is 'Active'");

    clock.advance(DAY);
    expect((await api.setStatus(rental, 'rental', 'Returned')).status).toBe(200);
    expect(api.row(rental)).toMatchObject({ status: 'Returned', overdue_fee: 0 });
    expect(api.row(rental).returned_at).toBe(clock.now().toISOString());
    const again = await post(`/api/v1/orders/${rental}/return-request`, {}, await minh.token());
    expect(again.status).toBe(409);
  });

  it('uses the overdue rate in force at the return, rounded down to whole đồng', async () => {
    const cheap = await api.product('Khóa xe', { price: 90_000, stock: 5, rent: 15_001 });
    expect((await settings({ penalty: { overdue_fee_rate: 12.5 } })).status).toBe(200);
    try {
      const rental = await activeRental(lan, [
        { productId: cheap.productId, quantity: 1, rentalDays: 1 },
      ]);
      clock.advance(3 * DAY);
      // PATCH straight from Active: the fee is computed the same way as on a reviewed return.
      expect((await api.setStatus(rental, 'rental', 'Returned')).status).toBe(200);
      // 2 days late × 15 001 × 12.5 % = 3 750.25 → 3 750
      expect(api.row(rental).overdue_fee).toBe(3_750);
    } finally {
      await settings({ penalty: { overdue_fee_rate: 150 } });
    }
  });
});

describe('POST /api/v1/orders/{order_id}/buy-out (rent-to-own)', () => {
  it('sells the rented units at today’s price less the rent deduction; the stock stays out', async () => {
    const { rental: waiting } = await api.order(lan, [
      { productId: bike.productId, quantity: 1, rentalDays: 3 },
    ]);
    const early = await post(`/api/v1/orders/${waiting}/buy-out`, undefined, await lan.token());
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(
      "Cannot buy out a rental when it is 'Confirmed'. Rental must be Active or Overdue.",
    );

    const rental = await activeRental(lan, [
      { productId: bike.productId, quantity: 1, rentalDays: 3 },
    ]);
    const stock = api.stockOf(bike.sku);
    expect(
      (await post(`/api/v1/orders/${rental}/buy-out`, undefined, await minh.token())).status,
    ).toBe(404);
    expect((await post('/api/v1/orders/999999/buy-out', undefined, await lan.token())).status).toBe(
      404,
    );
    expect((await server.request('POST', `/api/v1/orders/${rental}/buy-out`)).status).toBe(401);
    const { sale } = await api.order(lan, [{ productId: 1, quantity: 1 }]);
    const notRental = await post(`/api/v1/orders/${sale}/buy-out`, undefined, await lan.token());
    expect(notRental.status).toBe(409);
    expect(notRental.body.detail).toMatch(/is not a rental$/);

    await settings({ rent_to_own: { enabled: false } });
    const off = await post(`/api/v1/orders/${rental}/buy-out`, undefined, await lan.token());
    expect(off.status).toBe(409);
    expect(off.body.detail).toBe('Rent-to-own is not enabled');
    await settings({ rent_to_own: { enabled: true, rent_deduction: 50 } });

    const orders = countRows(server, 'orders');
    const res = await post(`/api/v1/orders/${rental}/buy-out`, undefined, await lan.token());
    expect(res.status, res.text).toBe(200);
    // 3 000 000 today; rent paid 3 × 80 000 = 240 000, half of it deducted.
    expect(res.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Rental bought out',
      data: {
        rental_order_id: rental,
        rental_order_number: expect.stringMatching(/^RN-/),
        sale_order_id: expect.any(Number),
        sale_order_number: expect.stringMatching(/^SO-\d{8}-[0-9A-Z]{4}$/),
        subtotal: 3_000_000,
        rent_deduction: 120_000,
        total_amount: 2_880_000,
        overdue_fee: 0,
      },
    });
    const saleId = res.body.data.sale_order_id;
    expect(countRows(server, 'orders')).toBe(orders + 1);
    expect(api.stockOf(bike.sku)).toBe(stock);
    expect(api.row(rental)).toMatchObject({
      status: 'Returned',
      converted_to_order_id: saleId,
      returned_at: clock.now().toISOString(),
    });
    expect(api.row(saleId)).toMatchObject({
      kind: 'sale',
      status: 'Delivered',
      user_id: lan.id,
      subtotal: 3_000_000,
      discount: 120_000,
      total: 2_880_000,
      deposit: 0,
    });
    const saleDetail = await api.detail(saleId, 'sale');
    expect(saleDetail.items).toEqual([
      expect.objectContaining({ quantity: 1, unit_price: 3_000_000, total_line: 3_000_000 }),
    ]);
    expect(api.events(rental).at(-1)).toMatchObject({
      from_status: 'Active',
      to_status: 'Returned',
      actor_user_id: lan.id,
      note: `bought out as ${res.body.data.sale_order_number}`,
    });
    const mine = await server.request('GET', '/api/v1/orders', { token: await lan.token() });
    expect(mine.body.data[0]).toMatchObject({ id: saleId, status: 'Delivered' });
    const twice = await post(`/api/v1/orders/${rental}/buy-out`, undefined, await lan.token());
    expect(twice.status).toBe(409);
    await settings({ rent_to_own: { rent_deduction: 100 } });
  });

  it('lets staff buy out an overdue rental; the deduction never takes the price below zero', async () => {
    const rental = await activeRental(minh, [
      { productId: helmet.productId, quantity: 1, rentalDays: 20 },
    ]);
    const stock = api.stockOf(helmet.sku);
    clock.advance(20 * DAY + MINUTE);
    sweep();
    expect(api.row(rental).status).toBe('Overdue');
    const res = await post(`/api/v1/orders/${rental}/buy-out`);
    expect(res.status, res.text).toBe(200);
    // Rent paid 20 × 15 000 = 300 000 > 200 000: free, but one day late × 15 000 × 150 %.
    expect(res.body.data).toMatchObject({
      subtotal: 200_000,
      rent_deduction: 200_000,
      total_amount: 0,
      overdue_fee: 22_500,
    });
    expect(api.stockOf(helmet.sku)).toBe(stock);
    expect(api.row(res.body.data.sale_order_id).user_id).toBe(minh.id);
  });
});

describe('the overdue sweep at start', () => {
  it('catches rentals that ran out while the terminal was off', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cartstation-rentals-'));
    const offClock = fixedClock('2025-06-01T02:00:00.000Z');
    try {
      const first = await startTestServer({
        env: { CARTSTATION_DEMO: 'true' },
        clock: offClock,
        dataDir,
      });
      const local = orderApi(first);
      const who = await local.customer('Cô Ba');
      const p = await local.product('Xe cũ', { price: 1_000_000, stock: 2, rent: 50_000 });
      const { rental } = await local.order(who, [
        { productId: p.productId, quantity: 1, rentalDays: 1 },
      ]);
      const [item] = ((await local.detail(rental!, 'rental')).items as { id: number }[]).map(
        (i) => i.id,
      );
      await first.request('POST', `/admin/orders/${rental}/rental-preparation`, {
        token: await local.admin(),
        body: { order_item_id: item, inventory_asset_id: 'OLD-1', description: 'ok' },
      });
      expect((await local.setStatus(rental!, 'rental', 'Active')).status).toBe(200);
      await first.stop();

      offClock.advance(2 * DAY);
      const second = await startTestServer({
        env: { CARTSTATION_DEMO: 'true' },
        clock: offClock,
        dataDir,
      });
      try {
        expect(orderApi(second).row(rental!).status).toBe('Overdue');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
