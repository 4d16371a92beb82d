import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#main/backend/lib/clock';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Three brakes: per address on the login routes, per account on failed passwords, and per
// address on the whole API. Each test file's servers are its own, so the counts start at zero.
// The per-address windows are one real minute: every test here finishes well inside it.

async function register(server: TestServer, email: string, password: string, phone?: string) {
  const res = await server.request('POST', '/users/register', {
    body: { name: 'Khách Giới Hạn', email, password, ...(phone ? { phone } : {}) },
  });
  expect(res.status, res.text).toBe(201);
}

describe('per-address login limit (CARTSTATION_LOGIN_RATE_LIMIT=3)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CARTSTATION_LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => server.stop());

  it('answers the 4th POST /auth/login within a minute with 429 RATE_LIMITED', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await server.request('POST', '/auth/login', {
        body: { identifier: `nobody${i}@example.com`, password: 'wrong-pass' },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
    }
    // Even the right credentials are refused now: the address is braked, not the account.
    const res = await server.request('POST', '/auth/login', {
      body: { identifier: ADMIN.email, password: ADMIN.password },
    });
    expectErrorBody(res, { status: 429, code: 'RATE_LIMITED' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('leaves the rest of the API alone', async () => {
    expect((await server.request('GET', '/health')).status).toBe(200);
    const me = await server.request('GET', '/users/me');
    expectErrorBody(me, { status: 401, code: 'UNAUTHENTICATED' });
    expect((await server.request('GET', '/openapi.json')).status).toBe(200);
  });

  it('brakes POST /users/login too', async () => {
    let last = await server.request('POST', '/users/login', {
      body: { email: 'nobody@example.com', password: 'wrong-pass' },
    });
    for (let i = 0; i < 5 && last.status !== 429; i++) {
      last = await server.request('POST', '/users/login', {
        body: { email: 'nobody@example.com', password: 'wrong-pass' },
      });
    }
    expectErrorBody(last, { status: 429, code: 'RATE_LIMITED' });
  });
});

describe('per-address login limit shared by both login routes', () => {
  // config.ts documents the setting as "login attempts per minute per client address": an
  // address must not get the allowance once per login route.
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CARTSTATION_LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => server.stop());

  it('counts /auth/login and /users/login attempts together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) {
      statuses.push(
        (
          await server.request('POST', '/auth/login', {
            body: { identifier: `a${i}@x.vn`, password: 'p' },
          })
        ).status,
      );
      statuses.push(
        (
          await server.request('POST', '/users/login', {
            body: { email: `b${i}@x.vn`, password: 'p' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('per-account throttle on failed passwords', () => {
  const clock = fixedClock('2026-03-01T08:00:00.000Z');
  let server: TestServer;
  const VICTIM = { email: 'victim@example.com', password: 'victim-pass-1' };
  const OTHER = { email: 'other@example.com', password: 'other-pass-1' };
  const PHONE_USER = {
    email: 'phone-user@example.com',
    password: 'phone-pass-1',
    phone: '0987654321',
  };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    await register(server, VICTIM.email, VICTIM.password);
    await register(server, OTHER.email, OTHER.password);
    await register(server, PHONE_USER.email, PHONE_USER.password, PHONE_USER.phone);
  });
  afterAll(() => server.stop());

  const login = (identifier: string, password: string) =>
    server.request('POST', '/auth/login', { body: { identifier, password } });

  it('lets a successful login reset the count of failures', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await login(OTHER.email, 'wrong-pass')).status).toBe(401);
      expect((await login(OTHER.email, OTHER.password)).status).toBe(200);
    }
  });

  it('refuses the 6th attempt after 5 wrong passwords, even with the right one', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await login(VICTIM.email, `wrong-pass-${i}`);
      expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
    }
    const res = await login(VICTIM.email, VICTIM.password);
    expectErrorBody(res, { status: 429, code: 'RATE_LIMITED' });
    expect(res.body.detail).toMatch(/\d+ giây/);
  });

  it('applies to every spelling of the account and to POST /users/login', async () => {
    expectErrorBody(await login('  VICTIM@Example.COM ', VICTIM.password), {
      status: 429,
      code: 'RATE_LIMITED',
    });
    const seed001 = await server.request('POST', '/users/login', {
      body: { email: VICTIM.email, password: VICTIM.password },
    });
    expectErrorBody(seed001, { status: 429, code: 'RATE_LIMITED' });
  });

  it('does not touch another account', async () => {
    const res = await login(OTHER.email, OTHER.password);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(OTHER.email);
  });

  it('counts failures per account, whichever way its phone number is written', async () => {
    // All five are the same account (normalizePhone maps each to 0987654321).
    const spellings = ['0987654321', '+84987654321', '84987654321', '0987 654 321', '098-765-4321'];
    for (const identifier of spellings) {
      expect((await login(identifier, 'wrong-pass')).status).toBe(401);
    }
    const res = await login(PHONE_USER.phone, PHONE_USER.password);
    expectErrorBody(res, { status: 429, code: 'RATE_LIMITED' });
  });

  it('releases the account once the 15-minute window has passed', async () => {
    expect((await login(VICTIM.email, VICTIM.password)).status).toBe(429);
    clock.advance(15 * 60_000 + 1000);
    const res = await login(VICTIM.email, VICTIM.password);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(VICTIM.email);
  });
});

describe('global limit (CARTSTATION_RATE_LIMIT=5)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CARTSTATION_RATE_LIMIT: '5' } });
  });
  afterAll(() => server.stop());

  it('answers the 6th request to a route within a minute with 429 RATE_LIMITED', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await server.request('GET', '/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(4 - i));
    }
    const res = await server.request('GET', '/openapi.json');
    expectErrorBody(res, { status: 429, code: 'RATE_LIMITED' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps /health and /api/v1/health exempt', async () => {
    for (let i = 0; i < 12; i++) {
      expect((await server.request('GET', '/health')).status).toBe(200);
      expect((await server.request('GET', '/api/v1/health')).status).toBe(200);
    }
  });

  // "Requests per minute per client address on the whole API" (config.ts). @fastify/rate-limit's
  // README ("Preventing guessing of URLS through 404s") notes the 404 handler needs its own hook.
  it('also limits unknown routes, answering 429 in the error shape', async () => {
    let last = await server.request('GET', '/no-such-route');
    for (let i = 0; i < 6 && last.status !== 429; i++) {
      last = await server.request('GET', '/no-such-route');
    }
    expectErrorBody(last, { status: 429, code: 'RATE_LIMITED' });
  });
});
