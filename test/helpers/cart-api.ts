import { expect } from 'vitest';
import { liveClient } from './carts.ts';
import type { TestServer } from './test-server.ts';

export interface DeviceLinkView {
  id: number;
  link: { online: boolean; transport: string | null; address: string | null };
  session: { id: string; customer_name: string; status: string } | null;
}

/** The API calls the smart-cart tests keep making: customers, binding, phones, device views. */
export function cartApi(server: TestServer, admin: string) {
  let customers = 0;
  return {
    /** Registers and signs in a new customer; returns the access token. */
    async customer(name: string): Promise<string> {
      const email = `cart-customer-${++customers}@example.com`;
      const password = 'khach-123456';
      const res = await server.request('POST', '/users/register', {
        body: { name, email, password },
      });
      expect(res.status, res.text).toBe(201);
      return server.login(email, password);
    },

    /** Binds the customer to the cart by its QR payload, as the phone does. */
    async bind(token: string, cart: { qr_payload: string }): Promise<{ id: string }> {
      const res = await server.request('POST', '/api/v1/sessions', {
        token,
        body: { qr: cart.qr_payload },
      });
      expect(res.status, res.text).toBe(201);
      return res.body.data;
    },

    /** The customer's live WebSocket, once its first snapshot has arrived. */
    async phone(token: string) {
      const phone = await liveClient(server, { token });
      await phone.until((m) => m.type === 'snapshot');
      return phone;
    },

    async device(id: number): Promise<DeviceLinkView> {
      const res = await server.request('GET', '/api/v1/devices', { token: admin });
      expect(res.status, res.text).toBe(200);
      const found = (res.body.data as DeviceLinkView[]).find((d) => d.id === id);
      if (!found) throw new Error(`device ${id} is not listed`);
      return found;
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the documented session view
    async session(token: string, id: string): Promise<any> {
      const res = await server.request('GET', `/api/v1/sessions/${id}`, { token });
      expect(res.status, res.text).toBe(200);
      return res.body.data;
    },
  };
}

export type CartApi = ReturnType<typeof cartApi>;
