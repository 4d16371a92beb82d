import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.request('POST', '/users/register', {
    body: { name: 'Nguyễn Văn A', email: 'a@example.com', password: 'a-123456' },
  });
  token = await server.login('a@example.com', 'a-123456');
});
afterAll(() => server.stop());

const address = (extra = {}) => ({
  address_line1: '123 Đường ABC',
  city: 'Hà Nội',
  postal_code: '100000',
  phone_number: '0912345678',
  ...extra,
});

describe('/user/profile (seed 002)', () => {
  it('reads and updates the profile', async () => {
    const patch = await server.request('PATCH', '/user/profile', {
      token,
      body: {
        first_name: 'Nguyễn',
        last_name: 'Văn A',
        phone: '+84987654321',
        avatar_url: '/a.png',
      },
    });
    expect(patch.status, patch.text).toBe(200);
    expect(patch.body).toEqual({
      status: 'success',
      code: 200,
      message: 'Profile updated successfully',
    });
    const res = await server.request('GET', '/user/profile', { token });
    expect(res.body.data).toEqual({
      first_name: 'Nguyễn',
      last_name: 'Văn A',
      email: 'a@example.com',
      phone: '0987654321',
      avatar_url: '/a.png',
    });
    // The account can now log in with that phone number.
    expect(await server.login('0987654321', 'a-123456')).toBeTruthy();
  });

  it('refuses a bad phone number and one another account uses', async () => {
    const bad = await server.request('PATCH', '/user/profile', { token, body: { phone: '12345' } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('phone');
    await server.request('POST', '/users/register', {
      body: { name: 'B', email: 'b@example.com', password: 'b-123456', phone: '0911111111' },
    });
    const taken = await server.request('PATCH', '/user/profile', {
      token,
      body: { phone: '0911111111' },
    });
    expect(taken.status).toBe(400);
    expect((await server.request('GET', '/user/profile')).status).toBe(401);
  });
});

describe('/user/addresses (seed 002)', () => {
  it('keeps exactly one default, which cannot be deleted', async () => {
    const first = await server.request('POST', '/user/addresses', { token, body: address() });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      message: 'Address created successfully',
      data: { is_default: true },
    });
    const second = await server.request('POST', '/user/addresses', {
      token,
      body: address({ address_line1: '456 Đường XYZ', city: 'TP.HCM', is_default: false }),
    });
    expect(second.body.data.is_default).toBe(false);

    const refused = await server.request('DELETE', `/user/addresses/${first.body.data.id}`, {
      token,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe(
      'Cannot delete default address. Please set another address as default first.',
    );

    const swap = await server.request('PATCH', `/user/addresses/${second.body.data.id}`, {
      token,
      body: { is_default: true },
    });
    expect(swap.body.message).toBe('Address updated successfully');
    const list = await server.request('GET', '/user/addresses', { token });
    expect(list.body.data.map((a: { is_default: boolean }) => a.is_default)).toEqual([true, false]);
    expect(list.body.data[0].id).toBe(second.body.data.id);

    const deleted = await server.request('DELETE', `/user/addresses/${first.body.data.id}`, {
      token,
    });
    expect(deleted.body.message).toBe('Address deleted successfully');
    expect((await server.request('GET', '/user/addresses', { token })).body.data).toHaveLength(1);
  });

  it('answers 404 for another account’s address and 400 for bad input, writing nothing', async () => {
    await server.request('POST', '/users/register', {
      body: { name: 'C', email: 'c@example.com', password: 'c-123456' },
    });
    const other = await server.login('c@example.com', 'c-123456');
    const mine = (await server.request('GET', '/user/addresses', { token })).body.data[0];
    expect(
      (
        await server.request('PATCH', `/user/addresses/${mine.id}`, {
          token: other,
          body: { city: 'X' },
        })
      ).status,
    ).toBe(404);
    expect((await server.request('DELETE', '/user/addresses/999999', { token })).status).toBe(404);
    const before = countRows(server, 'addresses');
    for (const body of [
      address({ phone_number: 'abc' }),
      address({ city: '' }),
      address({ postal_code: 'ABCDE' }),
      { city: 'Hà Nội' },
    ]) {
      const res = await server.request('POST', '/user/addresses', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field).toBeTruthy();
    }
    expect(countRows(server, 'addresses')).toBe(before);
  });
});
