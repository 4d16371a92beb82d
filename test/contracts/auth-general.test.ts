import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#main/backend/lib/clock';
import { startTestServer, type TestServer } from '#test/helpers/test-server';
import { dataOf, expectError, newCustomer, type Customer } from './seed-client.ts';

// Seed 002 "Base URL & Authentication": a JWT from `/auth/login`, sent as
// `Authorization: Bearer <access_token>`; "Token có thời hạn: **30 ngày** (720 giờ)".

const DAY = 86_400_000;
const clock = fixedClock('2026-03-02T02:00:00Z');
let server: TestServer;
let customer: Customer;

beforeAll(async () => {
  server = await startTestServer({
    clock,
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  customer = await newCustomer(server);
});
afterAll(() => server?.stop());

describe('Bearer tokens of POST /auth/login', () => {
  it('answers the documented login fields', async () => {
    const res = await server.request('POST', '/auth/login', {
      body: { identifier: customer.email, password: 'contract-123456' },
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.access_token).toBe('string');
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.role).toBe('customer');
    expect(res.body.name).toBe(customer.name);
    expect(Number.isInteger(res.body.id)).toBe(true);
  });

  it('401 for wrong credentials', async () => {
    const res = await server.request('POST', '/auth/login', {
      body: { identifier: customer.email, password: 'wrong-password' },
    });
    expectError(res, 401);
  });

  it('401 with a malformed or missing Authorization header', async () => {
    expectError(await server.request('GET', '/store/cart'), 401);
    expectError(
      await server.request('GET', '/store/cart', {
        headers: { authorization: `Token ${customer.token}` },
      }),
      401,
    );
    expectError(await server.request('GET', '/store/cart', { token: `${customer.token}x` }), 401);
  });

  it('a token is still accepted 29 days after login ("thời hạn: 30 ngày")', async () => {
    const login = await server.request('POST', '/auth/login', {
      body: { identifier: customer.email, password: 'contract-123456' },
    });
    const token = login.body.access_token as string;
    dataOf(await server.request('GET', '/store/cart', { token }));
    clock.advance(29 * DAY);
    try {
      dataOf(await server.request('GET', '/store/cart', { token }));
    } finally {
      clock.advance(-29 * DAY);
    }
  });

  it('a token is refused 31 days after login', async () => {
    const login = await server.request('POST', '/auth/login', {
      body: { identifier: customer.email, password: 'contract-123456' },
    });
    const token = login.body.access_token as string;
    clock.advance(31 * DAY);
    try {
      expectError(await server.request('GET', '/store/cart', { token }), 401);
    } finally {
      clock.advance(-31 * DAY);
    }
  });
});
