import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '#test/helpers/test-server';
import {
  addAddress,
  dataOf,
  expectError,
  expectMessage,
  isNumber,
  newCustomer,
  type Customer,
} from './seed-client.ts';

// Seed 002 `/user/profile` and `/user/addresses*`: "Tất cả endpoints trong section này yêu cầu
// authentication với role "customer"."

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({
    env: { CARTSTATION_DEMO: 'true', CARTSTATION_LOGIN_RATE_LIMIT: '100000' },
  });
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(() => server?.stop());

const ADDRESS_KEYS = ['address_line1', 'city', 'id', 'is_default', 'phone_number', 'postal_code'];

async function addresses(customer: Customer) {
  const res = await server.request('GET', '/user/addresses', { token: customer.token });
  const data = dataOf(res);
  expect(Array.isArray(data)).toBe(true);
  return data as {
    id: number;
    address_line1: string;
    city: string;
    postal_code: string | null;
    phone_number: string;
    is_default: boolean;
  }[];
}

describe('/user/* access', () => {
  it('every route needs a token (401)', async () => {
    const address = { address_line1: '1 Lê Lợi', city: 'Huế', phone_number: '0912345678' };
    for (const [method, path, body] of [
      ['GET', '/user/profile'],
      ['PATCH', '/user/profile', { first_name: 'Nguyễn' }],
      ['GET', '/user/addresses'],
      ['POST', '/user/addresses', address],
      ['PATCH', '/user/addresses/1', { city: 'Huế' }],
      ['DELETE', '/user/addresses/1'],
    ] as const) {
      expectError(await server.request(method, path, { body }), 401);
    }
  });

  // "Auth Required: ✅ Yes (Customer)" and "yêu cầu authentication với role "customer"";
  // general section: "403 - Forbidden (Insufficient permissions)".
  it('refuses a non-customer (the admin) with 403', async () => {
    expectError(await server.request('GET', '/user/profile', { token: admin }), 403);
    expectError(await server.request('GET', '/user/addresses', { token: admin }), 403);
  });
});

describe('GET /user/profile', () => {
  it('answers the documented fields of the signed-in customer', async () => {
    const me = await newCustomer(server);
    const data = dataOf(await server.request('GET', '/user/profile', { token: me.token }));
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['first_name', 'last_name', 'email', 'phone', 'avatar_url']),
    );
    expect(data.email).toBe(me.email);
  });
});

describe('PATCH /user/profile', () => {
  it('200 "Profile updated successfully"; the profile then carries every field sent', async () => {
    const me = await newCustomer(server);
    const body = {
      first_name: 'Nguyễn',
      last_name: 'Văn A',
      phone: '0987654321',
      avatar_url: 'https://example.com/new-avatar.jpg',
    };
    const res = await server.request('PATCH', '/user/profile', { token: me.token, body });
    expectMessage(res, 'Profile updated successfully');
    const data = dataOf(await server.request('GET', '/user/profile', { token: me.token }));
    expect(data).toMatchObject({ ...body, email: me.email });
  });

  it('every field is optional: a partial update keeps the others', async () => {
    const me = await newCustomer(server);
    const full = { first_name: 'Trần', last_name: 'Thị B', phone: '0912345678' };
    expectMessage(
      await server.request('PATCH', '/user/profile', { token: me.token, body: full }),
      'Profile updated successfully',
    );
    expectMessage(
      await server.request('PATCH', '/user/profile', {
        token: me.token,
        body: { last_name: 'Thị C' },
      }),
      'Profile updated successfully',
    );
    const data = dataOf(await server.request('GET', '/user/profile', { token: me.token }));
    expect(data).toMatchObject({ first_name: 'Trần', last_name: 'Thị C', phone: '0912345678' });
  });
});

describe('GET /user/addresses', () => {
  it('answers an empty list for a new customer, then the addresses with documented fields', async () => {
    const me = await newCustomer(server);
    expect(await addresses(me)).toEqual([]);
    await addAddress(server, me, { address_line1: '123 Đường ABC', postal_code: '100000' });
    const [only, ...rest] = await addresses(me);
    expect(rest).toEqual([]);
    expect(Object.keys(only!).sort()).toEqual(expect.arrayContaining(ADDRESS_KEYS));
    expect(only).toMatchObject({
      address_line1: '123 Đường ABC',
      city: 'Huế',
      postal_code: '100000',
      phone_number: '0912345678',
    });
    expect(isNumber(only!.id)).toBe(true);
    expect(typeof only!.is_default).toBe('boolean');
  });

  it("lists only the caller's own addresses", async () => {
    const me = await newCustomer(server);
    const other = await newCustomer(server);
    await addAddress(server, other, { address_line1: '9 Khác' });
    const mine = await addAddress(server, me, { address_line1: '1 Của tôi' });
    expect((await addresses(me)).map((a) => a.id)).toEqual([mine]);
  });
});

describe('POST /user/addresses', () => {
  it('200 "Address created successfully" with the created address in data', async () => {
    const me = await newCustomer(server);
    const body = {
      address_line1: '123 Đường ABC',
      city: 'Hà Nội',
      postal_code: '100000',
      phone_number: '0912345678',
      is_default: false,
    };
    const res = await server.request('POST', '/user/addresses', { token: me.token, body });
    expectMessage(res, 'Address created successfully');
    const data = res.body.data;
    expect(isNumber(data.id)).toBe(true);
    const { is_default: _ignored, ...fields } = body;
    expect(data).toMatchObject(fields);
    expect(typeof data.is_default).toBe('boolean');
    expect((await addresses(me)).map((a) => a.id)).toEqual([data.id]);
  });

  it('is_default: true makes the new address the only default', async () => {
    const me = await newCustomer(server);
    const first = await addAddress(server, me, { is_default: true });
    const second = await addAddress(server, me, {
      address_line1: '2 Trần Hưng Đạo',
      is_default: true,
    });
    const list = await addresses(me);
    expect(list.find((a) => a.id === second)!.is_default).toBe(true);
    expect(list.find((a) => a.id === first)!.is_default).toBe(false);
  });

  // The seed's request example, sent verbatim. No error response is documented for this route.
  it('accepts the request body of the seed as documented (phone_number "0123456789")', async () => {
    const me = await newCustomer(server);
    const res = await server.request('POST', '/user/addresses', {
      token: me.token,
      body: {
        address_line1: '123 Đường ABC',
        city: 'Hà Nội',
        postal_code: '100000',
        phone_number: '0123456789',
        is_default: false,
      },
    });
    expectMessage(res, 'Address created successfully');
    expect(res.body.data.phone_number).toBe('0123456789');
  });
});

describe('PATCH /user/addresses/{address_id}', () => {
  it('200 "Address updated successfully"; the address carries the new values', async () => {
    const me = await newCustomer(server);
    const id = await addAddress(server, me);
    const body = {
      address_line1: '456 Đường XYZ',
      city: 'TP.HCM',
      postal_code: '700000',
      phone_number: '0987654321',
    };
    const res = await server.request('PATCH', `/user/addresses/${id}`, { token: me.token, body });
    expectMessage(res, 'Address updated successfully');
    expect((await addresses(me)).find((a) => a.id === id)).toMatchObject(body);
  });

  it('is_default: true moves the default to this address', async () => {
    const me = await newCustomer(server);
    const first = await addAddress(server, me, { is_default: true });
    const second = await addAddress(server, me, { address_line1: '2 Hai Bà Trưng' });
    expectMessage(
      await server.request('PATCH', `/user/addresses/${second}`, {
        token: me.token,
        body: { is_default: true },
      }),
      'Address updated successfully',
    );
    const list = await addresses(me);
    expect(list.find((a) => a.id === second)!.is_default).toBe(true);
    expect(list.find((a) => a.id === first)!.is_default).toBe(false);
  });

  it('404 "Address not found" for an unknown address and for another customer\'s', async () => {
    const me = await newCustomer(server);
    const other = await newCustomer(server);
    const theirs = await addAddress(server, other);
    for (const id of [987654, theirs]) {
      const res = await server.request('PATCH', `/user/addresses/${id}`, {
        token: me.token,
        body: { city: 'Đà Nẵng' },
      });
      expectError(res, 404, 'Address not found');
    }
    expect((await addresses(other))[0]?.city).toBe('Huế');
  });
});

describe('DELETE /user/addresses/{address_id}', () => {
  it('400 for the default address with the documented text', async () => {
    const me = await newCustomer(server);
    const id = await addAddress(server, me, { is_default: true });
    const res = await server.request('DELETE', `/user/addresses/${id}`, { token: me.token });
    expectError(
      res,
      400,
      'Cannot delete default address. Please set another address as default first.',
    );
    expect((await addresses(me)).map((a) => a.id)).toEqual([id]);
  });

  it('200 "Address deleted successfully" for a non-default address, then 404', async () => {
    const me = await newCustomer(server);
    const keep = await addAddress(server, me, { is_default: true });
    const drop = await addAddress(server, me, {
      address_line1: '7 Phan Bội Châu',
      is_default: false,
    });
    const path = `/user/addresses/${drop}`;
    expectMessage(
      await server.request('DELETE', path, { token: me.token }),
      'Address deleted successfully',
    );
    expect((await addresses(me)).map((a) => a.id)).toEqual([keep]);
    expectError(
      await server.request('DELETE', path, { token: me.token }),
      404,
      'Address not found',
    );
  });

  it('404 "Address not found" for another customer\'s address', async () => {
    const me = await newCustomer(server);
    const other = await newCustomer(server);
    await addAddress(server, other, { is_default: true });
    const theirs = await addAddress(server, other, { address_line1: '8 Khác', is_default: false });
    const res = await server.request('DELETE', `/user/addresses/${theirs}`, { token: me.token });
    expectError(res, 404, 'Address not found');
    expect(await addresses(other)).toHaveLength(2);
  });
});
