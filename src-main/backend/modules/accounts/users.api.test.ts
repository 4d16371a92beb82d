import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

async function register(email: string, password = 'securePassword123', extra = {}) {
  return server.request('POST', '/users/register', {
    body: { name: 'Quốc Hoài', email, password, ...extra },
  });
}

describe('POST /users/register (seed 001)', () => {
  it('creates a customer and answers 201 with the documented shape', async () => {
    const res = await register('hoai@example.com');
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['created_at', 'email', 'id', 'name', 'role']);
    expect(res.body.id).toMatch(UUID);
    expect(res.body).toMatchObject({ name: 'Quốc Hoài', email: 'hoai@example.com', role: 'user' });
    expect(res.body.created_at).toMatch(ISO);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    await register('dup@example.com');
    const before = countRows(server, 'users');
    const res = await register('DUP@Example.com');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ detail: 'Email đã tồn tại', field: 'email' });
    expect(countRows(server, 'users')).toBe(before);
  });

  it.each([
    [{ name: 'A', password: 'secret123' }, 'Email là bắt buộc', 'email'],
    [{ name: 'A', email: '', password: 'secret123' }, 'Email là bắt buộc', 'email'],
    [{ name: 'A', email: 'not-an-email', password: 'secret123' }, 'Email không đúng mẫu', 'email'],
    [{ name: 'A', email: 42, password: 'secret123' }, 'Email không đúng mẫu', 'email'],
    [
      { name: 'A', email: 'a@b.vn', password: '12345' },
      'Mật khẩu nhất định có ít nhất 6 ký tự',
      'password',
    ],
    [{ name: 'A', email: 'a@b.vn' }, 'Mật khẩu nhất định có ít nhất 6 ký tự', 'password'],
  ])('answers 400 with the seed message for %j', async (body, detail, field) => {
    const before = countRows(server, 'users');
    const res = await server.request('POST', '/users/register', { body });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(detail);
    expect(res.body.field).toBe(field);
    expect(countRows(server, 'users')).toBe(before);
  });

  it('answers "Dữ liệu chưa đúng" naming the field for other bad data', async () => {
    const missingName = await server.request('POST', '/users/register', {
      body: { email: 'noname@example.com', password: 'secret123' },
    });
    expect(missingName.status).toBe(400);
    expect(missingName.body.detail).toMatch(/^Dữ liệu chưa đúng: name/);
    expect(missingName.body.field).toBe('name');
    const notObject = await server.request('POST', '/users/register', { body: ['x'] });
    expect(notObject.status).toBe(400);
    expect(notObject.body.detail).toMatch(/^Dữ liệu chưa đúng/);
  });
});

describe('POST /users/login and GET /users/me', () => {
  it('logs in and answers the documented token shape', async () => {
    await register('login@example.com', 'pw-123456');
    const res = await server.request('POST', '/users/login', {
      body: { email: 'login@example.com', password: 'pw-123456' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ refresh_token: 'Bearer', expires_in: 86400 });
    expect(res.body.access_token.split('.')).toHaveLength(3);
    expect(res.body.user).toEqual({
      id: expect.stringMatching(UUID),
      email: 'login@example.com',
      role: 'user',
    });

    const me = await server.request('GET', '/users/me', { token: res.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: res.body.user.id,
      name: 'Quốc Hoài',
      email: 'login@example.com',
      role: 'user',
      status: 'ACTIVE',
    });
    expect(me.body.created_at).toMatch(ISO);
  });

  it('answers 401 for a wrong password or an unknown account', async () => {
    const wrong = await server.request('POST', '/users/login', {
      body: { email: 'login@example.com', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Tài khoản chưa được xác thực');
    const unknown = await server.request('POST', '/users/login', {
      body: { email: 'ghost@example.com', password: 'whatever' },
    });
    expect(unknown.status).toBe(401);
  });

  it('answers 401 on /users/me without a token', async () => {
    const res = await server.request('GET', '/users/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      detail: 'Tài khoản chưa được xác thực',
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('POST /auth/login (unified)', () => {
  it('accepts identifier, username or email, by e-mail or phone', async () => {
    await register('phone@example.com', 'pw-123456', { phone: '0912345678' });
    for (const body of [
      { identifier: 'phone@example.com', password: 'pw-123456' },
      { identifier: '0912345678', password: 'pw-123456' },
      { identifier: '+84912345678', password: 'pw-123456' },
      { username: 'phone@example.com', password: 'pw-123456' },
      { email: 'PHONE@example.com', password: 'pw-123456' },
    ]) {
      const res = await server.request('POST', '/auth/login', { body });
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(res.body).toMatchObject({ token_type: 'bearer', role: 'customer', name: 'Quốc Hoài' });
      expect(Number.isInteger(res.body.id)).toBe(true);
    }
  });

  it('answers 401 with the seed 002 message for bad credentials', async () => {
    const res = await server.request('POST', '/auth/login', {
      body: { identifier: 'phone@example.com', password: 'bad-password' },
    });
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('Thông tin đăng nhập không chính xác');
  });

  it('answers 400 naming identifier when none is given', async () => {
    const res = await server.request('POST', '/auth/login', { body: { password: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('identifier');
  });

  it('refuses banned and soft-deleted accounts', async () => {
    await register('banned@example.com', 'pw-123456');
    await register('deleted@example.com', 'pw-123456');
    const token = await server.login('deleted@example.com', 'pw-123456');
    const db = server.backend.store.db.$client;
    db.prepare(`update users set status = 'BANNED' where email = 'banned@example.com'`).run();
    db.prepare(
      `update users set deleted_at = '2026-01-01T00:00:00Z' where email = 'deleted@example.com'`,
    ).run();

    const banned = await server.request('POST', '/auth/login', {
      body: { identifier: 'banned@example.com', password: 'pw-123456' },
    });
    expect(banned.status).toBe(403);
    expect(banned.body.detail).toBe('Tài khoản đã bị khóa');
    const bannedSeed001 = await server.request('POST', '/users/login', {
      body: { email: 'banned@example.com', password: 'pw-123456' },
    });
    expect(bannedSeed001.status).toBe(403);

    const deleted = await server.request('POST', '/auth/login', {
      body: { identifier: 'deleted@example.com', password: 'pw-123456' },
    });
    expect(deleted.status).toBe(401);
    // A token issued before the deletion no longer works either.
    expect((await server.request('GET', '/users/me', { token })).status).toBe(401);
  });
});

describe('PATCH /users/{userId}/role', () => {
  it('lets an admin change a role, records it in the audit log, and applies it at once', async () => {
    const created = await register('staff@example.com', 'pw-123456');
    const userToken = await server.login('staff@example.com', 'pw-123456');
    const adminToken = await server.login(ADMIN.email, ADMIN.password);
    const auditBefore = countRows(server, 'audit_log');

    const res = await server.request('PATCH', `/users/${created.body.id}/role`, {
      token: adminToken,
      body: { role: 'admin' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: created.body.id,
      email: 'staff@example.com',
      role: 'admin',
      updated_at: expect.stringMatching(ISO),
    });
    expect(countRows(server, 'audit_log')).toBe(auditBefore + 1);
    // The role comes from the account, not the token: the old token now has admin rights.
    const me = await server.request('GET', '/users/me', { token: userToken });
    expect(me.body.role).toBe('admin');

    const back = await server.request('PATCH', `/users/${created.body.id}/role`, {
      token: adminToken,
      body: { role: 'order_staff' },
    });
    expect(back.body.role).toBe('order_staff');
  });

  it('answers 401, 403, 400 and 404 as documented', async () => {
    const target = await register('target@example.com', 'pw-123456');
    const customer = await server.login('target@example.com', 'pw-123456');
    const admin = await server.login(ADMIN.email, ADMIN.password);
    const adminId = (await server.request('GET', '/users/me', { token: admin })).body.id;
    const path = `/users/${target.body.id}/role`;

    const noToken = await server.request('PATCH', path, { body: { role: 'admin' } });
    expect(noToken.status).toBe(401);
    const notAdmin = await server.request('PATCH', path, {
      token: customer,
      body: { role: 'admin' },
    });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.detail).toBe('Tài khoản không có quyền');
    const self = await server.request('PATCH', `/users/${adminId}/role`, {
      token: admin,
      body: { role: 'user' },
    });
    expect(self.status).toBe(400);
    expect(self.body.detail).toBe('Không thể cập nhật tài khoản chính mình');
    const missing = await server.request(
      'PATCH',
      '/users/01900000-0000-7000-8000-000000000000/role',
      {
        token: admin,
        body: { role: 'admin' },
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Tài khoản không thể tìm thấy');
    const badRole = await server.request('PATCH', path, {
      token: admin,
      body: { role: 'superuser' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.field).toBe('role');
    const noRole = await server.request('PATCH', path, { token: admin, body: {} });
    expect(noRole.status).toBe(400);
    expect(noRole.body.field).toBe('role');
    // Nothing changed along the way.
    expect((await server.request('GET', '/users/me', { token: customer })).body.role).toBe('user');
  });
});
