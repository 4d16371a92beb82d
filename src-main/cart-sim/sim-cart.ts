import { proofFor } from '#main/backend/drivers/cart-link/handshake';
import { MessageType } from '#main/backend/drivers/cart-link/messages';
import { createReliableLink } from '#main/backend/drivers/cart-link/reliable-link';
import type { ByteTransport } from '#main/backend/drivers/transport';

export interface SimCartOptions {
  cartId: string;
  key: string;
  firmware?: string;
  heartbeatMs?: number;
  deadAfterMs?: number;
}

export interface ReceivedMessage {
  type: number;
  name: string;
  payload: Record<string, unknown>;
}

const NAMES = new Map(Object.entries(MessageType).map(([name, code]) => [code as number, name]));

/**
 * A cart, in software: speaks the wire protocol over any byte transport. Used by the
 * `cart-sim` command, the demo store, the tests and the benchmarks.
 */
export function createSimCart(transport: ByteTransport, options: SimCartOptions) {
  const received: ReceivedMessage[] = [];
  const listeners = new Set<(m: ReceivedMessage) => void>();
  let welcomed: (() => void) | null = null;
  let refused: ((reason: string) => void) | null = null;
  let dead = false;

  const link = createReliableLink({
    send: (bytes) => transport.write(bytes),
    onMessage(type, payload) {
      const message = { type, name: NAMES.get(type) ?? `0x${type.toString(16)}`, payload };
      if (type === MessageType.CHALLENGE) {
        const mac = proofFor(options.key, String(payload.nonce), options.cartId);
        link.sendMessage(MessageType.PROOF, { mac }).catch(() => undefined);
      } else if (type === MessageType.WELCOME) welcomed?.();
      else if (type === MessageType.REFUSED) refused?.(String(payload.reason));
      if (type !== MessageType.HEARTBEAT) {
        received.push(message);
        for (const l of listeners) l(message);
      }
    },
    onDead: () => {
      dead = true;
      void transport.close();
    },
    clock: { now: () => performance.now() },
    timers: { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    heartbeatMs: options.heartbeatMs,
    deadAfterMs: options.deadAfterMs,
  });
  transport.onData((chunk) => link.receive(chunk));
  transport.onClose(() => {
    dead = true;
    link.close();
  });

  const send = <T extends Parameters<typeof link.sendMessage>[0]>(
    type: T,
    payload: Parameters<typeof link.sendMessage<T>>[1],
  ) => link.sendMessage(type, payload);

  return {
    received,
    get dead() {
      return dead;
    },
    stats: () => link.stats,
    /** HELLO → CHALLENGE → PROOF → WELCOME; rejects with the reason when refused. */
    connect(timeoutMs = 5000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no WELCOME in time')), timeoutMs);
        welcomed = () => {
          clearTimeout(timer);
          resolve();
        };
        refused = (reason) => {
          clearTimeout(timer);
          reject(new Error(`refused: ${reason}`));
        };
        send(MessageType.HELLO, {
          cart_id: options.cartId,
          firmware: options.firmware ?? 'sim-1.0',
          protocol: 1,
        }).catch(() => undefined);
      });
    },
    scan: (barcode: string) => send(MessageType.ITEM_SCANNED, { barcode }),
    remove: (barcode: string) => send(MessageType.ITEM_REMOVED, { barcode }),
    weigh: (deltaGrams: number, totalGrams = 0) =>
      send(MessageType.WEIGHT_CHANGED, { delta_grams: deltaGrams, total_grams: totalGrams }),
    recognise: (labels: { label: string; confidence: number; barcode?: string }[]) =>
      send(MessageType.RECOGNITION, { labels }),
    press: (button: 'help' | 'checkout') => send(MessageType.BUTTON, { button }),
    /** Resolves with the next message of that name (or one already received after `from`). */
    next(name: string, timeoutMs = 5000, from = 0): Promise<ReceivedMessage> {
      const seen = received.slice(from).find((m) => m.name === name);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no ${name} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (m: ReceivedMessage) => {
          if (m.name !== name) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(m);
        };
        listeners.add(listener);
      });
    },
    /** Raw bytes straight onto the line: noise the terminal must survive. */
    noise: (bytes: Uint8Array) => transport.write(bytes),
    close: async () => {
      link.close();
      await transport.close();
    },
  };
}

export type SimCart = ReturnType<typeof createSimCart>;
