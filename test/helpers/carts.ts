import WebSocket from 'ws';
import { connectTcp } from '#main/cart-sim/sim-transports';
import { createSimCart } from '#main/cart-sim/sim-cart';
import type { TestServer } from './test-server.ts';

export interface LiveMessage {
  type: string;
  session?: string;
  version?: number;
  event?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
}

/** Pairs a cart through the API (as the admin) and returns its code, key and QR payload. */
export async function pairCart(server: TestServer, adminToken: string, name = 'Xe đẩy thử') {
  const res = await server.request('POST', '/api/v1/devices', {
    token: adminToken,
    body: { name },
  });
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${res.text}`);
  return res.body.data as { id: number; cart_code: string; key: string; qr_payload: string };
}

/** The terminal's TCP port for carts (the server must start with CARTSTATION_CART_TCP_PORT). */
export function cartPort(server: TestServer): number {
  const address = server.backend.services.manager.tcpAddress();
  if (!address) throw new Error('the cart TCP listener is off');
  return address.port;
}

export async function connectSimCart(server: TestServer, cart: { cart_code: string; key: string }) {
  const sim = createSimCart(await connectTcp('127.0.0.1', cartPort(server)), {
    cartId: cart.cart_code,
    key: cart.key,
  });
  await sim.connect();
  return sim;
}

/** A WebSocket client of /api/v1/live that records every message. */
export async function liveClient(server: TestServer, query: Record<string, string>) {
  const url = new URL('/api/v1/live', server.url.replace('http', 'ws'));
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const socket = new WebSocket(url);
  const messages: LiveMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)) as LiveMessage);
    for (const w of waiters) w();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    messages,
    closed,
    /** Resolves when some received message satisfies `predicate`. */
    until(predicate: (m: LiveMessage) => boolean, timeoutMs = 5000): Promise<LiveMessage> {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching live message in ${timeoutMs} ms: ${JSON.stringify(messages)}`),
          );
        }, timeoutMs);
        const check = () => {
          const m = messages.find(predicate);
          if (!m) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(m);
        };
        waiters.add(check);
      });
    },
    close: () => socket.close(),
  };
}
