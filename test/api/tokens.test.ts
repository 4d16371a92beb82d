import { randomBytes } from 'node:crypto';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#main/backend/lib/clock';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import { expectErrorBody } from './error-body.ts';

// Every way a bearer token can be wrong must end in 401 UNAUTHENTICATED: never a 500, never
// another account's rights.

const START = '2026-03-01T08:00:00.000Z';
const DAY_MS = 86_400_000;
const clock = fixedClock(START);
let server: TestServer;

const CUSTOMER = { email: 'token-user@example.com', password: 'token-pass-1' };

beforeAll(async () => {
  server = await startTestServer({ clock });
  const res = await server.request('POST', '/users/register', {
    body: { name: 'Khách Token', ...CUSTOMER },
  });
  expect(res.status).toBe(201);
});
afterAll(() => server.stop());

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const segments = (token: string) => token.split('.') as [string, string, string];

async function expectUnauthenticated(token: string | null, headers?: Record<string, string>) {
  for (const [method, path] of [
    ['GET', '/users/me'],
    ['GET', '/api/v1/status'],
  ] as const) {
    const res = await server.request(method, path, { token: token ?? undefined, headers });
    expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
  }
}

/** Signs `payload` the way the server does, with the given key and algorithm. */
function sign(payload: JWTPayload, key: Uint8Array, alg = 'HS256') {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

describe('a genuine token (control)', () => {
  it('opens /users/me, and the admin token opens /api/v1/status', async () => {
    const token = await server.login(CUSTOMER.email, CUSTOMER.password);
    const me = await server.request('GET', '/users/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(CUSTOMER.email);
    const admin = await server.login(ADMIN.email, ADMIN.password);
    expect((await server.request('GET', '/api/v1/status', { token: admin })).status).toBe(200);
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    const lower = await server.request('GET', '/users/me', {
      headers: { authorization: `bearer ${token}` },
    });
    expect(lower.status).toBe(200);
  });
});

describe('expiry', () => {
  it("seed 001's /users/login token lasts 24 h and is refused one second later", async () => {
    const res = await server.request('POST', '/users/login', {
      body: { email: CUSTOMER.email, password: CUSTOMER.password },
    });
    const token = res.body.access_token as string;
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(86_400);
    expect(claims.iat).toBe(Math.floor(clock.now().getTime() / 1000));

    clock.advance(DAY_MS - 1000);
    expect((await server.request('GET', '/users/me', { token })).status).toBe(200);
    clock.advance(2000); // 24 h + 1 s after issue
    await expectUnauthenticated(token);

    // A fresh login at the new "now" works again.
    const fresh = await server.login(CUSTOMER.email, CUSTOMER.password);
    expect((await server.request('GET', '/users/me', { token: fresh })).status).toBe(200);
  });

  it('seed 002\'s /auth/login token lasts 30 days ("thời hạn: 30 ngày")', async () => {
    const res = await server.request('POST', '/auth/login', {
      body: { identifier: CUSTOMER.email, password: CUSTOMER.password },
    });
    expect(res.body.expires_in).toBe(30 * 86_400);
    const token = res.body.access_token as string;
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(30 * 86_400);
    clock.advance(30 * DAY_MS - 1000);
    expect((await server.request('GET', '/users/me', { token })).status).toBe(200);
    clock.advance(2000);
    await expectUnauthenticated(token);
  });
});

describe('tampering', () => {
  it('refuses a token whose signature has one character changed', async () => {
    const [header, payload, signature] = segments(
      await server.login(CUSTOMER.email, CUSTOMER.password),
    );
    // A middle character: the last one of a base64url signature may carry only padding bits.
    const i = Math.floor(signature.length / 2);
    const flipped =
      signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1);
    await expectUnauthenticated(`${header}.${payload}.${flipped}`);
    await expectUnauthenticated(`${header}.${payload}.`);
    await expectUnauthenticated(`${header}.${payload}`);
  });

  it('refuses a payload edited to claim admin, keeping the original signature', async () => {
    const [header, payload, signature] = segments(
      await server.login(CUSTOMER.email, CUSTOMER.password),
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JWTPayload;
    const forged = b64url(JSON.stringify({ ...claims, role: 'admin' }));
    await expectUnauthenticated(`${header}.${forged}.${signature}`);
  });

  it('refuses alg "none" with a payload copied from a real token', async () => {
    const [, payload, signature] = segments(await server.login(ADMIN.email, ADMIN.password));
    for (const alg of ['none', 'None', 'NONE']) {
      const header = b64url(JSON.stringify({ alg, typ: 'JWT' }));
      await expectUnauthenticated(`${header}.${payload}.`);
      await expectUnauthenticated(`${header}.${payload}.${signature}`);
    }
  });

  it('refuses a token signed with another secret, even with identical claims', async () => {
    const claims = decodeJwt(await server.login(ADMIN.email, ADMIN.password));
    await expectUnauthenticated(await sign(claims, randomBytes(64)));
  });

  it("refuses a token signed with the store's own secret but another algorithm", async () => {
    const claims = decodeJwt(await server.login(ADMIN.email, ADMIN.password));
    const secret = server.backend.store.secret;
    await expectUnauthenticated(await sign(claims, secret, 'HS512'));
    await expectUnauthenticated(await sign(claims, secret, 'HS384'));
  });
});

describe('claims, checked even under a valid signature', () => {
  // These tokens carry the store's real signature, as if issued by a buggy or older build:
  // each must still be refused by the claim checks, not only by the signature check.
  let valid: JWTPayload;
  beforeAll(async () => {
    valid = decodeJwt(await server.login(CUSTOMER.email, CUSTOMER.password));
  });
  const signed = (payload: JWTPayload) => sign(payload, server.backend.store.secret);

  it('accepts the re-signed genuine claims (control)', async () => {
    const res = await server.request('GET', '/users/me', { token: await signed(valid) });
    expect(res.status).toBe(200);
  });

  it.each([
    ['another issuer', { iss: 'someone-else' }],
    ['no issuer', { iss: undefined }],
    ['no expiry', { exp: undefined }],
    ['no issued-at', { iat: undefined }],
    ['no subject', { sub: undefined }],
    ['an unknown subject', { sub: '01900000-0000-7000-8000-000000000000' }],
    ['a token version that is a string', { tv: '0' }],
    ['no token version', { tv: undefined }],
    ['a stale token version', { tv: -1 }],
    ['no role', { role: undefined }],
    ['an expiry in the past', { exp: 1_000_000_000 }],
    ['a not-before in the future', { nbf: 4_000_000_000 }],
  ])('refuses %s', async (_label, override: Record<string, unknown>) => {
    const payload: Record<string, unknown> = { ...valid, ...override };
    for (const key of Object.keys(override)) if (override[key] === undefined) delete payload[key];
    await expectUnauthenticated(await signed(payload));
  });

  it("takes the role from the account, not from the token's claim", async () => {
    const token = await signed({ ...valid, role: 'admin' });
    const status = await server.request('GET', '/api/v1/status', { token });
    expectErrorBody(status, { status: 403, code: 'FORBIDDEN' });
    const me = await server.request('GET', '/users/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('user');
  });
});

describe('malformed Authorization headers', () => {
  it.each([
    'Bearer',
    'Bearer ',
    'Bearer  ',
    'Basic dXNlcjpwYXNz',
    'Basic YWRtaW5Ac3RvcmUudGVzdDphZG1pbi1wYXNzLTEyMw==', // the admin's real credentials
    'garbage',
    'Bearer a.b.c',
    'Bearer ...',
    'Bearer not-a-jwt',
    'Bearer eyJhbGciOiJIUzI1NiJ9',
    'Bearer eyJ.eyJ.sig',
    'Bearer %%%.%%%.%%%',
    `Bearer ${'x'.repeat(8000)}`,
    `Bearer ${'a.'.repeat(2000)}a`,
    'Bearer null',
    'Bearer undefined',
    'Token abc',
    'Bearer\tabc',
  ])('answers 401 for %j', async (header) => {
    await expectUnauthenticated(null, { authorization: header });
  });

  it('answers 401 for a genuine token with the wrong scheme, no scheme, or extra words', async () => {
    const token = await server.login(CUSTOMER.email, CUSTOMER.password);
    for (const header of [
      token,
      `Basic ${token}`,
      `Token ${token}`,
      `Bearer ${token} extra`,
      `Bearer ${token}, Bearer ${token}`,
      `BearerX ${token}`,
      `Bearer "${token}"`,
    ]) {
      await expectUnauthenticated(null, { authorization: header });
    }
  });
});

describe('revocation', () => {
  const db = () => server.backend.store.db.$client;

  it("refuses a token once the account's token_version is bumped, and accepts a new one", async () => {
    const token = await server.login(CUSTOMER.email, CUSTOMER.password);
    expect((await server.request('GET', '/users/me', { token })).status).toBe(200);

    db()
      .prepare('update users set token_version = token_version + 1 where email = ?')
      .run(CUSTOMER.email);
    await expectUnauthenticated(token);

    const fresh = await server.login(CUSTOMER.email, CUSTOMER.password);
    expect(decodeJwt(fresh).tv).toBe(Number(decodeJwt(token).tv) + 1);
    expect((await server.request('GET', '/users/me', { token: fresh })).status).toBe(200);
  });

  it('refuses the admin token after its version is bumped, on admin routes too', async () => {
    const token = await server.login(ADMIN.email, ADMIN.password);
    db()
      .prepare('update users set token_version = token_version + 1 where email = ?')
      .run(ADMIN.email);
    await expectUnauthenticated(token);
    const res = await server.request('PATCH', '/users/1/role', { token, body: { role: 'admin' } });
    expectErrorBody(res, { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses the token of an account banned after it signed in', async () => {
    const token = await server.login(CUSTOMER.email, CUSTOMER.password);
    db().prepare(`update users set status = 'BANNED' where email = ?`).run(CUSTOMER.email);
    try {
      await expectUnauthenticated(token);
    } finally {
      db().prepare(`update users set status = 'ACTIVE' where email = ?`).run(CUSTOMER.email);
    }
  });
});
