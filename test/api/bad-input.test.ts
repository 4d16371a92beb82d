import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  countRows,
  startTestServer,
  type RequestOptions,
  type TestServer,
} from '#test/helpers/test-server';
import { expectErrorBody, type ExpectedError } from './error-body.ts';

// Bad input of every kind must be refused with a 4xx `{ detail, code }` answer, write nothing,
// and never reach the 500 branch of the error handler.

let server: TestServer;
let adminToken: string;
/** Local id of a customer account that the role-change attempts below aim at. */
let bystanderId: number;

const BYSTANDER = {
  name: 'Người qua đường',
  email: 'bystander@example.com',
  password: 'bystander-pw',
};

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.request('POST', '/users/register', { body: BYSTANDER });
  expect(res.status).toBe(201);
  adminToken = await server.login(ADMIN.email, ADMIN.password);
  const login = await server.request('POST', '/auth/login', {
    body: { identifier: BYSTANDER.email, password: BYSTANDER.password },
  });
  bystanderId = login.body.id;
});
afterAll(() => server.stop());

/** Every column of every account, in id order: "nothing changed" means this is identical. */
function usersSnapshot(): unknown[] {
  return server.backend.store.db.$client
    .prepare(
      `select id, uuid, name, first_name, last_name, email, phone, password_hash, role, status,
              token_version, created_at, updated_at, deleted_at
         from users order by id`,
    )
    .all();
}

/** Sends a request that must be refused, and checks the answer and that no account changed. */
async function expectRefused(
  method: string,
  path: string,
  options: RequestOptions,
  expected: ExpectedError,
) {
  const rows = countRows(server, 'users');
  const before = usersSnapshot();
  const res = await server.request(method, path, options);
  expectErrorBody(res, expected);
  expect(countRows(server, 'users')).toBe(rows);
  expect(usersSnapshot()).toEqual(before);
  return res;
}

const validRegistration = (email: string) => ({
  name: 'Khách hàng',
  email,
  password: 'secret-123',
});

/** `:id` stands for the bystander's id, known only once the server has started. */
const ENDPOINTS: [method: string, path: string][] = [
  ['POST', '/users/register'],
  ['POST', '/users/login'],
  ['POST', '/auth/login'],
  ['PATCH', '/users/:id/role'],
];
const resolve = (path: string) => path.replace(':id', String(bystanderId));
/** The admin's token where the route needs one, so the refusal is about the body alone. */
const tokenFor = (path: string) => (path.includes(':id') ? adminToken : undefined);

describe('malformed JSON', () => {
  const BROKEN = [
    '{"email": "a@b.vn",',
    "{'email': 'a@b.vn'}",
    '{email: "a@b.vn"}',
    '{"role": "admin"}}',
    'undefined',
    '   ',
    '\u0000',
  ];

  it.each(ENDPOINTS.flatMap(([m, p]) => BROKEN.map((raw) => [m, p, raw] as const)))(
    '%s %s answers 400 INVALID_JSON for the body %j',
    async (method, path, rawBody) => {
      await expectRefused(
        method,
        resolve(path),
        { rawBody, token: tokenFor(path) },
        { status: 400, code: 'INVALID_JSON' },
      );
    },
  );

  it.each(ENDPOINTS)(
    '%s %s answers 400 INVALID_JSON for an empty JSON body',
    async (method, path) => {
      await expectRefused(
        method,
        resolve(path),
        { rawBody: '', token: tokenFor(path) },
        { status: 400, code: 'INVALID_JSON' },
      );
    },
  );

  it('refuses a __proto__ / constructor.prototype poisoning attempt without writing', async () => {
    for (const rawBody of [
      '{"name":"P","email":"proto@example.com","password":"secret-123","__proto__":{"role":"admin"}}',
      '{"name":"P","email":"proto@example.com","password":"secret-123","constructor":{"prototype":{"role":"admin"}}}',
    ]) {
      await expectRefused(
        'POST',
        '/users/register',
        { rawBody },
        { status: 400, code: 'INVALID_JSON' },
      );
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it.each(['null', '[]', '["x"]', '"text"', '42', 'true'])(
    'answers 400 VALIDATION_ERROR when the JSON body is %s instead of an object',
    async (rawBody) => {
      await expectRefused(
        'POST',
        '/users/register',
        { rawBody },
        { status: 400, code: 'VALIDATION_ERROR' },
      );
      await expectRefused(
        'POST',
        '/users/login',
        { rawBody },
        { status: 400, code: 'VALIDATION_ERROR' },
      );
      await expectRefused(
        'POST',
        '/auth/login',
        { rawBody },
        { status: 400, code: 'VALIDATION_ERROR' },
      );
      await expectRefused(
        'PATCH',
        `/users/${bystanderId}/role`,
        { rawBody, token: adminToken },
        { status: 400, code: 'VALIDATION_ERROR' },
      );
    },
  );
});

describe('wrong types', () => {
  // A failing case here may have really changed the bystander's role; put it back so that one
  // failure doesn't cascade into the next tests.
  afterEach(() => {
    server.backend.store.db.$client
      .prepare(`update users set role = 'customer' where id = ?`)
      .run(bystanderId);
  });

  // Each value has the wrong JSON type for its field. Whether or not a lenient parser could
  // turn it into a string, a JSON API that documents a string must refuse it.
  it.each([
    ['password as number', { password: 12345678 }, 'password'],
    ['password as boolean', { password: true }, 'password'],
    ['password as object', { password: { value: 'secret-123' } }, 'password'],
    ['password as array', { password: ['secret-123'] }, 'password'],
    ['password as null', { password: null }, 'password'],
    ['email as number', { email: 42 }, 'email'],
    ['email as array', { email: ['wrapped@example.com'] }, 'email'],
    ['email as object', { email: { address: 'obj@example.com' } }, 'email'],
    ['name as object', { name: { first: 'A' } }, 'name'],
    ['name as array', { name: ['A', 'B'] }, 'name'],
    ['name as number', { name: 42 }, 'name'],
    ['phone as number', { phone: 84912345001 }, 'phone'],
    ['phone as object', { phone: { n: '0912345001' } }, 'phone'],
  ])('POST /users/register refuses %s', async (label, override, field) => {
    const body = { ...validRegistration(`${label.replaceAll(' ', '-')}@example.com`), ...override };
    await expectRefused(
      'POST',
      '/users/register',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it.each([
    ['password as number', { identifier: 'x@example.com', password: 12345678 }, 'password'],
    ['password as object', { identifier: 'x@example.com', password: { a: 1 } }, 'password'],
    ['identifier as object', { identifier: { $ne: null }, password: 'whatever-1' }, 'identifier'],
    ['identifier as number', { identifier: 912345678, password: 'whatever-1' }, 'identifier'],
    ['username as boolean', { username: true, password: 'whatever-1' }, 'username'],
  ])('POST /auth/login refuses %s', async (_label, body, field) => {
    await expectRefused(
      'POST',
      '/auth/login',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it('POST /auth/login does not log in with the identifier wrapped in an array', async () => {
    // If the array is unwrapped into a string, this succeeds with the admin's real password.
    await expectRefused(
      'POST',
      '/auth/login',
      { body: { identifier: [ADMIN.email], password: ADMIN.password } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'identifier' },
    );
  });

  it.each([
    ['email as object', { email: { $gt: '' }, password: 'whatever-1' }, 'email'],
    ['email as array', { email: [BYSTANDER.email], password: BYSTANDER.password }, 'email'],
    ['password as number', { email: BYSTANDER.email, password: 123456789 }, 'password'],
    ['password as array', { email: BYSTANDER.email, password: [BYSTANDER.password] }, 'password'],
  ])('POST /users/login refuses %s', async (_label, body, field) => {
    await expectRefused(
      'POST',
      '/users/login',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it.each([
    ['role as object', { role: { name: 'admin' } }],
    ['role as array', { role: ['admin'] }],
    ['role as number', { role: 3 }],
    ['role as boolean', { role: true }],
    ['role as null', { role: null }],
  ])('PATCH /users/{userId}/role refuses %s and leaves the role alone', async (_label, body) => {
    await expectRefused(
      'PATCH',
      `/users/${bystanderId}/role`,
      { body, token: adminToken },
      { status: 400, code: 'VALIDATION_ERROR', field: 'role' },
    );
  });
});

describe('missing fields', () => {
  it.each([
    ['name', { email: 'noname@example.com', password: 'secret-123' }],
    ['email', { name: 'A', password: 'secret-123' }],
    ['password', { name: 'A', email: 'nopass@example.com' }],
    ['email', {}],
  ])('POST /users/register names %s when it is missing', async (field, body) => {
    await expectRefused(
      'POST',
      '/users/register',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it.each([
    ['name', { name: '   ', email: 'blank-name@example.com', password: 'secret-123' }],
    ['name', { name: '', email: 'empty-name@example.com', password: 'secret-123' }],
    ['email', { name: 'A', email: '   ', password: 'secret-123' }],
    ['password', { name: 'A', email: 'empty-pw@example.com', password: '' }],
  ])('POST /users/register treats a blank %s as missing', async (field, body) => {
    await expectRefused(
      'POST',
      '/users/register',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it.each([
    ['email', { password: 'whatever-1' }],
    ['password', { email: BYSTANDER.email }],
    ['email', { email: '', password: 'whatever-1' }],
    ['password', { email: BYSTANDER.email, password: '' }],
  ])('POST /users/login names %s', async (field, body) => {
    await expectRefused(
      'POST',
      '/users/login',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it.each([
    ['password', {}],
    ['password', { identifier: BYSTANDER.email }],
    ['identifier', { password: 'whatever-1' }],
    ['identifier', { identifier: '', password: 'whatever-1' }],
  ])('POST /auth/login names %s', async (field, body) => {
    await expectRefused(
      'POST',
      '/auth/login',
      { body },
      { status: 400, code: 'VALIDATION_ERROR', field },
    );
  });

  it('PATCH /users/{userId}/role names role when it is missing', async () => {
    await expectRefused(
      'PATCH',
      `/users/${bystanderId}/role`,
      { body: {}, token: adminToken },
      { status: 400, code: 'VALIDATION_ERROR', field: 'role' },
    );
  });

  it('ignores a role smuggled into a registration: the account is a customer', async () => {
    const res = await server.request('POST', '/users/register', {
      body: {
        ...validRegistration('smuggler@example.com'),
        role: 'admin',
        status: 'ACTIVE',
        id: 1,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe('user');
    const row = server.backend.store.db.$client
      .prepare(`select role from users where email = 'smuggler@example.com'`)
      .get() as { role: string };
    expect(row.role).toBe('customer');
  });
});

describe('oversized values and bodies', () => {
  const MIB = 1024 * 1024;

  it.each(['/users/register', '/users/login', '/auth/login'])(
    'POST %s answers 413 BODY_TOO_LARGE above 1 MiB',
    async (path) => {
      const rawBody = JSON.stringify({
        ...validRegistration('big@example.com'),
        name: 'x'.repeat(MIB + 16),
      });
      await expectRefused('POST', path, { rawBody }, { status: 413, code: 'BODY_TOO_LARGE' });
    },
  );

  it('answers 413 BODY_TOO_LARGE for a chunked body without Content-Length', async () => {
    const before = countRows(server, 'users');
    const { status, text } = await new Promise<{ status: number; text: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          `${server.url}/users/register`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          },
          (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (data += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: data }));
          },
        );
        req.on('error', reject);
        req.write('{"name":"');
        const chunk = 'y'.repeat(64 * 1024);
        // The server may answer and close before all of it is sent; that is fine.
        for (let i = 0; i < 20; i++) req.write(chunk);
        req.end('","email":"chunked@example.com","password":"secret-123"}');
      },
    );
    expect(status, text).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ code: 'BODY_TOO_LARGE', detail: expect.any(String) });
    expect(countRows(server, 'users')).toBe(before);
  });

  it('refuses a huge field inside an accepted body with 400 naming it', async () => {
    await expectRefused(
      'POST',
      '/users/register',
      { body: { ...validRegistration('bigname@example.com'), name: 'N'.repeat(512 * 1024) } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'name' },
    );
    await expectRefused(
      'POST',
      '/users/register',
      { body: { ...validRegistration('bigpw@example.com'), password: 'p'.repeat(10_000) } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'password' },
    );
    await expectRefused(
      'POST',
      '/users/register',
      { body: { ...validRegistration(`${'e'.repeat(300)}@example.com`) } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'email' },
    );
    await expectRefused(
      'POST',
      '/auth/login',
      { body: { identifier: BYSTANDER.email, password: 'p'.repeat(100_000) } },
      { status: 400, code: 'VALIDATION_ERROR', field: 'password' },
    );
  });
});

describe('content types', () => {
  it.each([
    ['application/xml', '<user><email>a@b.vn</email></user>'],
    ['application/x-www-form-urlencoded', 'name=A&email=form%40example.com&password=secret-123'],
    [
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.vn\r\n--xyz--',
    ],
    ['image/png', 'not really a png'],
  ])('answers 415 UNSUPPORTED_MEDIA_TYPE for %s', async (contentType, rawBody) => {
    for (const path of ['/users/register', '/auth/login']) {
      await expectRefused(
        'POST',
        path,
        { rawBody, headers: { 'content-type': contentType } },
        { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      );
    }
  });

  it('refuses a JSON document sent as text/plain with a 4xx, writing nothing', async () => {
    const rows = countRows(server, 'users');
    const res = await server.request('POST', '/users/register', {
      rawBody: JSON.stringify(validRegistration('plain@example.com')),
      headers: { 'content-type': 'text/plain' },
    });
    expect([400, 415]).toContain(res.status);
    expectErrorBody(res, { status: res.status, code: res.body?.code });
    expect(countRows(server, 'users')).toBe(rows);
  });

  it('accepts application/json with a charset parameter (control)', async () => {
    const res = await server.request('POST', '/users/register', {
      body: validRegistration('charset@example.com'),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(res.status).toBe(201);
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', '/nope?x=%27%3B%20DROP%20TABLE%20users'],
    ['POST', '/users/unknown'],
    ['GET', '/users/register'],
    ['DELETE', '/users/me'],
    ['PUT', '/auth/login'],
    ['GET', '/api/v1/nope'],
    ['GET', '/users/me/extra/segments'],
  ])('%s %s answers 404 { detail, code: NOT_FOUND }', async (method, path) => {
    const res = await server.request(method, path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: expect.any(String), code: 'NOT_FOUND' });
    expect(res.body.detail).toContain(path.split('?')[0]);
    expect(res.body.detail).not.toContain('DROP');
  });

  it('adds success:false on seed 003 /api/ routes', async () => {
    const res = await server.request('GET', '/api/legacy/thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ success: false, detail: expect.any(String), code: 'NOT_FOUND' });
  });

  it('answers a malformed percent-encoding in a path parameter with { detail, code }', async () => {
    const before = usersSnapshot();
    const res = await server.request('PATCH', '/users/%E0%A4%A/role', {
      body: { role: 'admin' },
      token: adminToken,
    });
    expectErrorBody(res, { status: 400, code: res.body?.code });
    expect(usersSnapshot()).toEqual(before);
  });

  it('answers an over-long path parameter with a 4xx { detail, code }', async () => {
    const before = usersSnapshot();
    const res = await server.request('PATCH', `/users/${'9'.repeat(150)}/role`, {
      body: { role: 'admin' },
      token: adminToken,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectErrorBody(res, { status: res.status, code: res.body?.code });
    expect(usersSnapshot()).toEqual(before);
  });
});

describe('SQL-looking input', () => {
  const SQL_NAME = "'; DROP TABLE users; --";
  const SQL_EMAIL = "a'--@x.com";
  const SQL_PASSWORD = "' OR 1=1 --";

  it('stores SQL-looking name, e-mail and password literally and changes no other row', async () => {
    const before = usersSnapshot();
    const res = await server.request('POST', '/users/register', {
      body: { name: SQL_NAME, email: SQL_EMAIL, password: SQL_PASSWORD },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ name: SQL_NAME, email: SQL_EMAIL });

    const after = usersSnapshot();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    const row = server.backend.store.db.$client
      .prepare('select name, email from users where uuid = ?')
      .get(res.body.id);
    expect(row).toEqual({ name: SQL_NAME, email: SQL_EMAIL });

    // The literal credentials work, and nothing else does.
    const token = await server.login(SQL_EMAIL, SQL_PASSWORD);
    const me = await server.request('GET', '/users/me', { token });
    expect(me.body).toMatchObject({ name: SQL_NAME, email: SQL_EMAIL, role: 'user' });
  });

  it.each([
    "' OR 1=1 --",
    "' OR '1'='1",
    "admin@store.test' --",
    "admin@store.test'--",
    'admin@store.test" OR ""="',
    "' UNION SELECT password_hash FROM users --@x.com",
    "0912345678' OR 1=1 --",
    '%',
    '_',
    '*',
  ])('never logs anyone in with the identifier %j', async (identifier) => {
    // Four attempts: a fifth failure for one identifier would trip the per-account throttle.
    for (const password of [ADMIN.password, "' OR 1=1 --"]) {
      await expectRefused(
        'POST',
        '/auth/login',
        { body: { identifier, password } },
        {
          status: 401,
          code: 'UNAUTHENTICATED',
        },
      );
      await expectRefused(
        'POST',
        '/users/login',
        { body: { email: identifier, password } },
        {
          status: 401,
          code: 'UNAUTHENTICATED',
        },
      );
    }
  });

  it.each(['1 OR 1=1', '1; DROP TABLE users', "' OR ''='", '%', '*'])(
    'PATCH /users/%s/role finds nobody and changes nothing',
    async (ref) => {
      await expectRefused(
        'PATCH',
        `/users/${encodeURIComponent(ref)}/role`,
        { body: { role: 'admin' }, token: adminToken },
        { status: 404, code: 'NOT_FOUND' },
      );
    },
  );

  it('refuses the role "admin\' --" with 400 naming role', async () => {
    await expectRefused(
      'PATCH',
      `/users/${bystanderId}/role`,
      { body: { role: "admin' --" }, token: adminToken },
      { status: 400, code: 'VALIDATION_ERROR', field: 'role' },
    );
  });

  it('stores unusual Unicode literally (or refuses it with a 4xx)', async () => {
    const names = [
      'Nguyễn Văn A 🛒',
      'تسوق',
      'Tên\u0000ẩn',
      '<script>alert(1)</script>',
      '\u202Eevil',
    ];
    for (const [i, name] of names.entries()) {
      const email = `unicode-${i}@example.com`;
      const rows = countRows(server, 'users');
      const res = await server.request('POST', '/users/register', {
        body: { name, email, password: 'secret-123' },
      });
      expect(res.status, `${JSON.stringify(name)}: ${res.text}`).toBeLessThan(500);
      if (res.status === 201) {
        const token = await server.login(email, 'secret-123');
        const me = await server.request('GET', '/users/me', { token });
        expect(me.body.name).toBe(name);
        expect(countRows(server, 'users')).toBe(rows + 1);
      } else {
        expectErrorBody(res, { status: res.status, code: res.body?.code });
        expect(countRows(server, 'users')).toBe(rows);
      }
    }
  });

  it('still has an intact users table afterwards', () => {
    const db = server.backend.store.db.$client;
    expect(
      db.prepare(`select name from sqlite_master where type = 'table' and name = 'users'`).get(),
    ).toEqual({
      name: 'users',
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countRows(server, 'users')).toBeGreaterThanOrEqual(2);
  });
});
