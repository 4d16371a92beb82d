import { randomBytes } from 'node:crypto';
import { verifyProof } from '#main/backend/drivers/cart-link/handshake';
import { MessageType } from '#main/backend/drivers/cart-link/messages';
import {
  createReliableLink,
  type ReliableLink,
} from '#main/backend/drivers/cart-link/reliable-link';
import type { ByteTransport } from '#main/backend/drivers/transport';
import type { Clock } from '#main/backend/lib/clock';
import type { Logger } from '#main/backend/lib/logger';
import type { CartEvents } from './cart-events.ts';
import type { Device, DevicesRepo } from './devices.repo.ts';

export type OutboundType =
  'SESSION_BOUND' | 'CART_CONTENTS' | 'DISPLAY' | 'LOCK' | 'SESSION_ENDED' | 'MODEL_UPDATE';

export interface CartConnection {
  transport: ByteTransport;
  since: string;
  device(): Device | null;
  send(type: OutboundType, payload: object): void;
  close(): void;
}

const HANDSHAKE_TIMEOUT_MS = 10_000;

const text = (v: unknown, max = 128) => (typeof v === 'string' && v.length <= max ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * One cart on one transport: the handshake (HELLO → CHALLENGE → PROOF → WELCOME), then its
 * events, validated before anything acts on them. A cart that can't prove its key is refused
 * and disconnected; nothing it sent before proving changes anything.
 */
export function createCartConnection(
  transport: ByteTransport,
  deps: {
    devices: Pick<DevicesRepo, 'byCartCode'>;
    events: CartEvents;
    clock: Clock;
    logger: Logger;
    heartbeatMs?: number;
    deadAfterMs?: number;
    onIdentified(device: Device, connection: CartConnection): void;
    onGone(device: Device | null, connection: CartConnection): void;
  },
): CartConnection {
  let claimed: Device | null = null;
  let proven: Device | null = null;
  let nonce = '';
  let gone = false;
  const log = deps.logger.child({ transport: transport.kind, address: transport.address });

  const newLink = (): ReliableLink =>
    createReliableLink({
      send: (bytes) => transport.write(bytes),
      onMessage,
      onDead: () => void transport.close(),
      clock: { now: () => deps.clock.now().getTime() },
      timers: { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      heartbeatMs: deps.heartbeatMs,
      deadAfterMs: deps.deadAfterMs,
      // The terminal speaks only once a cart has: see ReliableLinkOptions.waitForPeer.
      waitForPeer: true,
    });
  let link = newLink();

  const quietly = (p: Promise<void>) => p.catch(() => undefined);

  /**
   * A refused TCP cart is disconnected. A serial or USB line, though, is the terminal's port,
   * not the cart's connection: closing and reopening it would leave the cart's old link
   * holding sequence numbers the new one reuses, and its next attempt could never get through
   * (a line has no connection boundary). So the line stays open and the link starts afresh,
   * ready for the cart's next HELLO at sequence 1.
   */
  function refuse(reason: string) {
    log.warn({ reason, cart: claimed?.cartCode }, 'cart refused');
    const refused = link;
    quietly(
      refused.sendMessage(MessageType.REFUSED, { reason }).finally(() => {
        if (transport.kind === 'tcp') return void transport.close();
        if (link !== refused || gone) return;
        refused.close();
        claimed = null;
        proven = null;
        nonce = '';
        link = newLink();
      }),
    );
  }

  function onMessage(type: number, payload: Record<string, unknown>) {
    if (type === MessageType.HELLO) {
      const cartId = text(payload.cart_id, 32);
      claimed = cartId ? deps.devices.byCartCode(cartId) : null;
      if (!claimed || claimed.status !== 'active') return refuse('unknown cart');
      nonce = randomBytes(32).toString('hex');
      proven = null;
      quietly(link.sendMessage(MessageType.CHALLENGE, { nonce }));
      claimedFirmware = text(payload.firmware, 64);
      return;
    }
    if (type === MessageType.PROOF) {
      const mac = text(payload.mac, 128);
      if (
        !claimed ||
        !nonce ||
        !mac ||
        !verifyProof(claimed.secretKey, nonce, claimed.cartCode, mac)
      ) {
        return refuse('bad key');
      }
      proven = claimed;
      nonce = '';
      quietly(
        link.sendMessage(MessageType.WELCOME, {
          terminal: 'cartstation',
          heartbeat_ms: deps.heartbeatMs ?? 1000,
        }),
      );
      deps.onIdentified(proven, connection);
      deps.events.identified(proven.id, claimedFirmware);
      return;
    }
    if (!proven) return; // nothing counts before the cart has proven who it is
    const id = proven.id;
    switch (type) {
      case MessageType.ITEM_SCANNED: {
        const barcode = text(payload.barcode, 64);
        if (barcode) deps.events.scanned(id, barcode);
        break;
      }
      case MessageType.ITEM_REMOVED: {
        const barcode = text(payload.barcode, 64);
        if (barcode) deps.events.removed(id, barcode);
        break;
      }
      case MessageType.WEIGHT_CHANGED: {
        const delta = num(payload.delta_grams);
        if (delta !== null && Math.abs(delta) < 1_000_000) deps.events.weighed(id, delta);
        break;
      }
      case MessageType.RECOGNITION: {
        const labels = Array.isArray(payload.labels) ? payload.labels.slice(0, 20) : [];
        deps.events.recognised(
          id,
          labels.flatMap((l: Record<string, unknown>) => {
            const label = text(l?.label);
            const confidence = num(l?.confidence);
            return label && confidence !== null
              ? [{ label, confidence, barcode: text(l.barcode, 64) ?? undefined }]
              : [];
          }),
        );
        break;
      }
      case MessageType.BUTTON: {
        const button =
          payload.button === 'help' || payload.button === 'checkout' ? payload.button : null;
        if (button) deps.events.button(id, button);
        break;
      }
      default:
        break; // heartbeats and unknown types carry nothing to act on
    }
  }
  let claimedFirmware: string | null = null;

  const connection: CartConnection = {
    transport,
    since: deps.clock.now().toISOString(),
    device: () => proven,
    send(type, payload) {
      if (!proven || gone) return;
      quietly(link.sendMessage(MessageType[type], payload as never));
    },
    close() {
      void transport.close();
    },
  };

  // A connection that never proves a key is dropped (docs/cart-protocol.md: 10 s).
  const handshakeTimer = setTimeout(() => {
    if (!proven) refuse('handshake timeout');
  }, HANDSHAKE_TIMEOUT_MS);
  handshakeTimer.unref();

  transport.onData((chunk) => link.receive(chunk));
  transport.onClose((reason) => {
    if (gone) return;
    gone = true;
    clearTimeout(handshakeTimer);
    link.close();
    log.info({ reason, cart: proven?.cartCode }, 'cart link closed');
    deps.onGone(proven, connection);
  });
  return connection;
}
