import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server.stop());

describe('/admin/settings/rental (seed 002)', () => {
  it('starts from the documented defaults, merges partial updates and audits them', async () => {
    const res = await server.request('GET', '/admin/settings/rental', { token: admin });
    expect(res.body.data).toEqual({
      duration_limits: { min_days: 1, max_days: 30 },
      deposit: { default_rate: 80 },
      penalty: { overdue_fee_rate: 150, cancellation_policy: 'flexible' },
      rent_to_own: { enabled: true, rent_deduction: 100 },
    });
    const audits = countRows(server, 'audit_log');
    const patch = await server.request('PATCH', '/admin/settings/rental', {
      token: admin,
      body: { duration_limits: { max_days: 7 }, penalty: { cancellation_policy: 'strict' } },
    });
    expect(patch.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Rental configuration updated successfully',
    });
    expect(countRows(server, 'audit_log')).toBe(audits + 1);
    const after = (await server.request('GET', '/admin/settings/rental', { token: admin })).body
      .data;
    expect(after.duration_limits).toEqual({ min_days: 1, max_days: 7 });
    expect(after.penalty).toEqual({ overdue_fee_rate: 150, cancellation_policy: 'strict' });
  });

  it('refuses impossible settings and non-admins', async () => {
    for (const [body, field] of [
      [{ duration_limits: { min_days: 10, max_days: 5 } }, 'duration_limits.max_days'],
      [{ penalty: { cancellation_policy: 'lenient' } }, 'penalty.cancellation_policy'],
      [{ deposit: { default_rate: -1 } }, 'deposit.default_rate'],
    ] as const) {
      const res = await server.request('PATCH', '/admin/settings/rental', { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field).toBe(field);
    }
    await server.request('POST', '/users/register', {
      body: { name: 'X', email: 'x@example.com', password: 'x-123456' },
    });
    const customer = await server.login('x@example.com', 'x-123456');
    expect(
      (await server.request('GET', '/admin/settings/rental', { token: customer })).status,
    ).toBe(403);
  });

  it('limits rental days in the cart', async () => {
    const bike = await server.request('POST', '/admin/products', {
      token: admin,
      body: {
        name: 'Xe thuê ngắn',
        category_id: 1,
        variants: [
          { sku: 'RENT-1', price: 1_000_000, stock: 5, is_rentable: true, rent_price: 50_000 },
        ],
      },
    });
    await server.request('POST', '/users/register', {
      body: { name: 'Y', email: 'y@example.com', password: 'y-123456' },
    });
    const token = await server.login('y@example.com', 'y-123456');
    const tooLong = await server.request('POST', '/store/cart/items', {
      token,
      body: {
        product_id: bike.body.data.id,
        quantity: 1,
        transaction_type: 'rent',
        rental_days: 8,
      },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      field: 'rental_days',
      detail: 'rental_days must be between 1 and 7',
    });
  });
});
