import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi, type Shopper } from '#test/helpers/order-api';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let api: ReturnType<typeof orderApi>;
let admin: string;
let lan: Shopper & { id: number };
let minh: Shopper & { id: number };
let bike: { productId: number; sku: string };

beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  api = orderApi(server);
  admin = await api.admin();
  lan = await api.customer('Chị Lan');
  minh = await api.customer('Anh Minh');
  bike = await api.product('Xe đạp thuê', { price: 3_000_000, stock: 10, rent: 80_000 });
});
afterAll(() => server.stop());

const post = (path: string, token: string | undefined, body?: unknown) =>
  server.request('POST', path, { token, body });

describe('GET /admin/customers/{customer_id}/orders (seed 002)', () => {
  it("pages one customer's orders in the /admin/orders row shape", async () => {
    const first = await api.order(lan, [
      { productId: 1, quantity: 1 },
      { productId: bike.productId, quantity: 1, rentalDays: 2 },
    ]);
    await api.order(minh, [{ productId: 1, quantity: 1 }]);
    await api.order(lan, [{ productId: 1, quantity: 2 }]);

    const res = await server.request('GET', `/admin/customers/${lan.id}/orders`, {
      token: admin,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'success',
      code: 200,
      pagination: { total_items: 3, total_pages: 1, current_page: 1, limit: 10 },
    });
    expect(res.body.data.map((o: { customer_name: string }) => o.customer_name)).toEqual([
      'Chị Lan',
      'Chị Lan',
      'Chị Lan',
    ]);
    const all = await server.request('GET', '/admin/orders?limit=100', { token: admin });
    const sameRow = all.body.data.find((o: { db_id: number }) => o.db_id === first.rental);
    expect(res.body.data.find((o: { db_id: number }) => o.db_id === first.rental)).toEqual(sameRow);

    const rentals = await server.request(
      'GET',
      `/admin/customers/${lan.id}/orders?type=rental&page=1&limit=1`,
      { token: admin },
    );
    expect(rentals.body.data).toEqual([
      expect.objectContaining({ db_id: first.rental, type: 'rental', status: 'Confirmed' }),
    ]);
    expect(rentals.body.pagination).toEqual({
      total_items: 1,
      total_pages: 1,
      current_page: 1,
      limit: 1,
    });
    const page2 = await server.request('GET', `/admin/customers/${lan.id}/orders?page=2&limit=2`, {
      token: admin,
    });
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.pagination).toMatchObject({ total_items: 3, total_pages: 2 });
  });

  it('answers 404 for an unknown customer and 400/401/403 for bad calls', async () => {
    const unknown = await server.request('GET', '/admin/customers/999999/orders', {
      token: admin,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('Customer not found');
    // The admin is an account but not a customer.
    const adminId = server.backend.store.db.$client
      .prepare("select id from users where role = 'admin'")
      .pluck()
      .get() as number;
    expect(
      (await server.request('GET', `/admin/customers/${adminId}/orders`, { token: admin })).status,
    ).toBe(404);
    const badType = await server.request('GET', `/admin/customers/${lan.id}/orders?type=gift`, {
      token: admin,
    });
    expect(badType.status).toBe(400);
    expect(badType.body.detail).toContain('type');
    const badLimit = await server.request('GET', `/admin/customers/${lan.id}/orders?limit=0`, {
      token: admin,
    });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.detail).toContain('limit');
    expect(
      (await server.request('GET', '/admin/customers/abc/orders', { token: admin })).status,
    ).toBe(400);
    const asCustomer = await server.request('GET', `/admin/customers/${lan.id}/orders`, {
      token: await lan.token(),
    });
    expect(asCustomer.status).toBe(403);
    expect((await server.request('GET', `/admin/customers/${lan.id}/orders`)).status).toBe(401);
  });
});

describe('cancel requests on a sale', () => {
  it('opens a request, is declined back to where it was, then accepted with a restock', async () => {
    const stock = api.stockOf('CS-001-1');
    const { sale } = await api.order(lan, [{ productId: 1, quantity: 2 }]);
    expect(api.stockOf('CS-001-1')).toBe(stock - 2);
    const token = await lan.token();

    const asked = await post(`/api/v1/orders/${sale}/cancel-request`, token, {
      reason: 'Đặt nhầm màu',
    });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Cancel request sent',
      data: {
        id: sale,
        number: expect.stringMatching(/^SO-/),
        type: 'sale',
        status: 'Cancel Requested',
        requested_from_status: 'Pending',
      },
    });
    expect(api.row(sale!)).toMatchObject({
      request_kind: 'cancel',
      request_reason: 'Đặt nhầm màu',
      requested_from_status: 'Pending',
    });
    const detail = await api.detail(sale!, 'sale');
    expect(detail).toMatchObject({
      status: 'Cancel Requested',
      request: { kind: 'cancel', reason: 'Đặt nhầm màu', from: 'Pending' },
      actions: { can_cancel: true, can_confirm: false, can_ship: false, can_complete: false },
    });
    expect(detail.history.at(-1)).toMatchObject({
      from: 'Pending',
      to: 'Cancel Requested',
      by: lan.id,
      note: 'Đặt nhầm màu',
    });

    const again = await post(`/api/v1/orders/${sale}/cancel-request`, token, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("Cannot request cancellation when order is 'Cancel Requested'");
    // Staff can't jump past the request to some other status.
    const jump = await api.setStatus(sale!, 'sale', 'Confirmed');
    expect(jump.status).toBe(400);
    expect(jump.body.detail).toBe('Cannot change order status from Cancel Requested to Confirmed');

    const declined = await post(`/admin/orders/${sale}/request-review?type=sale`, admin, {
      decision: 'decline',
      reason: 'Đã đóng gói',
    });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Sales order request declined',
    });
    expect(api.row(sale!)).toMatchObject({
      status: 'Pending',
      request_kind: null,
      request_reason: null,
      requested_from_status: null,
    });
    expect(api.stockOf('CS-001-1')).toBe(stock - 2);

    const nothingOpen = await post(`/admin/orders/${sale}/request-review?type=sale`, admin, {
      decision: 'accept',
    });
    expect(nothingOpen.status).toBe(400);
    expect(nothingOpen.body.detail).toBe("Order has no open request to review; it is 'Pending'");

    expect((await api.setStatus(sale!, 'sale', 'Confirmed')).status).toBe(200);
    await post(`/api/v1/orders/${sale}/cancel-request`, token, {});
    const audits = countRows(server, 'audit_log');
    const accepted = await post(`/admin/orders/${sale}/request-review?type=sale`, admin, {
      decision: 'accept',
    });
    expect(accepted.body.message).toBe('Sales order request accepted');
    expect(api.row(sale!)).toMatchObject({ status: 'Cancelled', request_kind: null });
    expect(api.stockOf('CS-001-1')).toBe(stock);
    expect(countRows(server, 'audit_log')).toBe(audits + 1);
    expect(api.events(sale!).map((e) => [e.from_status, e.to_status, e.actor_user_id])).toEqual([
      [null, 'Pending', lan.id],
      ['Pending', 'Cancel Requested', lan.id],
      ['Cancel Requested', 'Pending', expect.any(Number)],
      ['Pending', 'Confirmed', expect.any(Number)],
      ['Confirmed', 'Cancel Requested', lan.id],
      ['Cancel Requested', 'Cancelled', expect.any(Number)],
    ]);
    expect(api.events(sale!).at(-1)!.note).toBe('cancel request accepted');
  });

  it('accepts a request without a body and refuses it once the sale has shipped', async () => {
    const { sale } = await api.order(minh, [{ productId: 1, quantity: 1 }]);
    const token = await minh.token();
    // No body, no content-type: the reason is optional.
    const bare = await server.request('POST', `/api/v1/orders/${sale}/cancel-request`, { token });
    expect(bare.status, bare.text).toBe(200);
    await post(`/admin/orders/${sale}/request-review?type=sale`, admin, { decision: 'decline' });
    await api.setStatus(sale!, 'sale', 'Confirmed');
    await api.setStatus(sale!, 'sale', 'Shipped');
    const late = await post(`/api/v1/orders/${sale}/cancel-request`, token, {});
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe("Cannot request cancellation when order is 'Shipped'");
    const sold = await post(`/api/v1/orders/${sale}/return-request`, token, {});
    expect(sold.status).toBe(409);
    expect(sold.body.detail).toBe("Cannot request a return when order is 'Shipped'");
  });

  it('rejects strangers, unknown orders and bad input without changing anything', async () => {
    const { sale } = await api.order(lan, [{ productId: 1, quantity: 1 }]);
    const events = countRows(server, 'order_events');
    const stranger = await post(`/api/v1/orders/${sale}/cancel-request`, await minh.token(), {});
    expect(stranger.status).toBe(404);
    expect(stranger.body.detail).toBe('Order not found');
    expect((await post('/api/v1/orders/999999/cancel-request', await lan.token(), {})).status).toBe(
      404,
    );
    expect((await post(`/api/v1/orders/${sale}/cancel-request`, undefined, {})).status).toBe(401);
    const long = await post(`/api/v1/orders/${sale}/cancel-request`, await lan.token(), {
      reason: 'x'.repeat(501),
    });
    expect(long.status).toBe(400);
    expect(long.body.detail).toContain('reason');
    expect((await post('/api/v1/orders/0/cancel-request', await lan.token(), {})).status).toBe(400);

    const review = `/admin/orders/${sale}/request-review`;
    const noType = await post(review, admin, { decision: 'accept' });
    expect(noType.status).toBe(400);
    expect(noType.body.detail).toContain('type');
    const badDecision = await post(`${review}?type=sale`, admin, { decision: 'maybe' });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.detail).toBe('decision must be one of accept, decline');
    const missing = await post(`${review}?type=sale`, admin, {});
    expect(missing.body.detail).toBe('decision is required');
    expect((await post(`${review}?type=rental`, admin, { decision: 'accept' })).status).toBe(404);
    expect(
      (await post('/admin/orders/999999/request-review?type=sale', admin, { decision: 'accept' }))
        .status,
    ).toBe(404);
    const customer = await post(`${review}?type=sale`, await lan.token(), { decision: 'accept' });
    expect(customer.status).toBe(403);
    expect(countRows(server, 'order_events')).toBe(events);
    expect(api.row(sale!).status).toBe('Pending');
  });
});

describe('cancel requests on a rental', () => {
  it('cancels a Preparing rental on acceptance and puts the units back', async () => {
    const { rental } = await api.order(lan, [
      { productId: bike.productId, quantity: 2, rentalDays: 3 },
    ]);
    const stock = api.stockOf(bike.sku);
    await api.setStatus(rental!, 'rental', 'Preparing');
    const asked = await post(`/api/v1/orders/${rental}/cancel-request`, await lan.token(), {
      reason: 'Đổi lịch',
    });
    expect(asked.body.data).toMatchObject({
      status: 'Cancel Requested',
      requested_from_status: 'Preparing',
    });
    const noReturn = await post(`/api/v1/orders/${rental}/return-request`, await lan.token(), {});
    expect(noReturn.status).toBe(409);
    const declined = await post(`/admin/orders/${rental}/request-review?type=rental`, admin, {
      decision: 'decline',
    });
    expect(declined.body.message).toBe('Rental order request declined');
    expect(api.row(rental!).status).toBe('Preparing');
    await post(`/api/v1/orders/${rental}/cancel-request`, await lan.token(), {});
    const accepted = await post(`/admin/orders/${rental}/request-review?type=rental`, admin, {
      decision: 'accept',
    });
    expect(accepted.body.message).toBe('Rental order request accepted');
    expect(api.row(rental!).status).toBe('Cancelled');
    expect(api.stockOf(bike.sku)).toBe(stock + 2);
  });
});
