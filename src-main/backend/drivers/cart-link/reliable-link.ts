import { createFrameDecoder, MAX_PAYLOAD_BYTES, encodeFrame } from './frame.codec.ts';
import type { Frame } from './frame.codec.ts';
import { CartLinkError } from './link-errors.ts';
import { createLinkReceiver } from './link-receiver.ts';
import { createLinkSender } from './link-sender.ts';
import type { LinkTimers } from './link-sender.ts';
import { createLinkStats } from './link-stats.ts';
import type { LinkStats } from './link-stats.ts';
import { MessageType } from './messages.ts';
import type { PayloadByType, SequencedType } from './messages.ts';
import { decodePayload, encodePayload } from './payload.codec.ts';

/**
 * One end of a cart connection (docs/cart-protocol.md §3–4): frames in and out, exactly-once
 * in-order delivery, retransmission, heartbeats and dead-link detection. Transport-independent:
 * the caller moves bytes (serial port, USB endpoint, TCP socket) and supplies time, so tests
 * drive it with a fake clock. One link per transport connection; a reconnect gets a new link.
 */

export type { LinkTimers } from './link-sender.ts';

export interface LinkClock {
  /** Milliseconds on any monotonic-enough scale; only differences are used. */
  now(): number;
}

export interface ReliableLinkOptions {
  /** Writes bytes to the transport. May throw; the frame then counts as lost. */
  send(bytes: Uint8Array): void;
  /** Each received message, exactly once and in order. The payload is untrusted JSON. */
  onMessage(type: number, payload: Record<string, unknown>): void;
  /** Called once when the peer is gone (silence or exhausted retries); the link is then stopped. */
  onDead(): void;
  clock: LinkClock;
  timers: LinkTimers;
  window?: number;
  retransmitMs?: number;
  maxRetries?: number;
  heartbeatMs?: number;
  deadAfterMs?: number;
  /**
   * Stay silent (no heartbeats, no dead-link clock) until the peer's first frame arrives. The
   * terminal's end of a serial or USB line uses it: with no cart plugged in there is nobody to
   * talk to, and heartbeats sent into the void would spend sequence numbers a cart that plugs
   * in later would wait for.
   */
  waitForPeer?: boolean;
}

export interface ReliableLink {
  /** Bytes read from the transport, in chunks of any size. */
  receive(chunk: Uint8Array): void;
  /**
   * Resolves when the peer acknowledges the message; rejects with a CartLinkError when the link
   * dies or closes first. Callers that do not await must still attach a rejection handler.
   */
  sendMessage<T extends SequencedType>(type: T, payload: PayloadByType[T]): Promise<void>;
  /** Stops the link without calling onDead; unsettled sends reject with LINK_CLOSED. */
  close(): void;
  readonly stats: Readonly<LinkStats>;
}

function requirePositiveInteger(name: string, value: number, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be an integer in 1..${max}, got ${value}`);
  }
}

export function createReliableLink(options: ReliableLinkOptions): ReliableLink {
  const { clock, timers } = options;
  const windowSize = options.window ?? 8;
  const retransmitMs = options.retransmitMs ?? 150;
  const maxRetries = options.maxRetries ?? 6;
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const deadAfterMs = options.deadAfterMs ?? 3500;
  // Far below half the seq ring, so "behind" and "ahead" can never be confused.
  requirePositiveInteger('window', windowSize, 1024);
  requirePositiveInteger('retransmitMs', retransmitMs);
  requirePositiveInteger('maxRetries', maxRetries);
  requirePositiveInteger('heartbeatMs', heartbeatMs);
  requirePositiveInteger('deadAfterMs', deadAfterMs);

  const stats = createLinkStats();
  const noPayload = new Uint8Array(0);
  const emptyObject = encodePayload({});
  let state: 'open' | 'dead' | 'closed' = 'open';
  let lastSentAt = clock.now();
  let lastReceivedAt = clock.now();

  function transmit(bytes: Uint8Array): void {
    lastSentAt = clock.now();
    stats.framesSent++;
    try {
      options.send(bytes);
    } catch {
      stats.sendErrors++;
    }
  }

  const sender = createLinkSender({
    window: windowSize,
    retransmitMs,
    // Capped at the heartbeat interval: a long backoff would leave the line silent for longer
    // than deadAfterMs and make the peer declare us dead while we are still trying.
    maxBackoffMs: Math.max(retransmitMs, heartbeatMs),
    maxRetries,
    timers,
    transmit,
    onExhausted: () => die(),
    stats,
  });

  const receiver = createLinkReceiver({
    window: windowSize,
    stats,
    sendAck(seq) {
      stats.acksSent++;
      transmit(
        encodeFrame({ type: MessageType.ACK, flags: 0, seq: 0, ack: seq, payload: noPayload }),
      );
    },
    deliver(frame) {
      // Heartbeats are sequenced like everything else, which is how a lost one is noticed,
      // but they only prove liveness: the application never sees them.
      if (state !== 'open' || frame.type === MessageType.HEARTBEAT) return;
      const payload = decodePayload(frame.payload);
      if (payload === undefined) {
        stats.malformedPayloads++;
        return;
      }
      stats.messagesDelivered++;
      try {
        options.onMessage(frame.type, payload);
      } catch {
        stats.handlerErrors++;
      }
    },
  });

  function onFrame(frame: Frame): void {
    if (state !== 'open') return;
    stats.framesReceived++;
    lastReceivedAt = clock.now();
    if (!heard) {
      heard = true;
      startTimers();
    }
    if (frame.type === MessageType.ACK) {
      stats.acksReceived++;
      sender.acknowledge(frame.ack);
    } else {
      receiver.accept(frame);
    }
  }

  const decoder = createFrameDecoder(onFrame, (error) => {
    stats[`${error.code}Errors`]++;
  });

  // Both timers re-check the clock when they fire instead of being re-armed on every frame:
  // one pending timer each, however busy the line is.
  let heard = !options.waitForPeer;
  let heartbeatTimer: unknown = null;
  let deadTimer: unknown = null;
  function startTimers(): void {
    heartbeatTimer = timers.setTimeout(heartbeatDue, heartbeatMs);
    deadTimer = timers.setTimeout(deadlineDue, deadAfterMs);
  }
  if (heard) startTimers();

  function heartbeatDue(): void {
    if (state !== 'open') return;
    // With frames already queued the window is full and retransmissions keep the line busy.
    if (clock.now() - lastSentAt >= heartbeatMs && !sender.hasQueued()) {
      stats.heartbeatsSent++;
      sender.enqueue(MessageType.HEARTBEAT, emptyObject);
    }
    const wait = lastSentAt + heartbeatMs - clock.now();
    heartbeatTimer = timers.setTimeout(heartbeatDue, wait > 0 ? wait : heartbeatMs);
  }

  function deadlineDue(): void {
    if (state !== 'open') return;
    const silentFor = clock.now() - lastReceivedAt;
    if (silentFor >= deadAfterMs) return die();
    deadTimer = timers.setTimeout(deadlineDue, deadAfterMs - silentFor);
  }

  function stop(next: 'dead' | 'closed', error: CartLinkError): void {
    state = next;
    if (heartbeatTimer !== null) timers.clearTimeout(heartbeatTimer);
    if (deadTimer !== null) timers.clearTimeout(deadTimer);
    decoder.reset();
    sender.failAll(error);
  }

  function die(): void {
    if (state !== 'open') return;
    stop('dead', new CartLinkError('LINK_DEAD', 'the cart link is dead'));
    options.onDead();
  }

  return {
    receive(chunk) {
      if (state === 'open') decoder.push(chunk);
    },

    sendMessage(type, payload) {
      if (state !== 'open') {
        const code = state === 'dead' ? 'LINK_DEAD' : 'LINK_CLOSED';
        return Promise.reject(new CartLinkError(code, `the cart link is ${state}`));
      }
      // Typed callers cannot pass ACK, but untyped ones (a JSON bridge, a console) can.
      const code: number = type;
      if (code === MessageType.ACK || !Number.isInteger(code) || code < 0 || code > 0xff) {
        return Promise.reject(new CartLinkError('BAD_MESSAGE_TYPE', `cannot send type ${type}`));
      }
      const bytes = encodePayload(payload);
      if (bytes.length > MAX_PAYLOAD_BYTES) {
        const message = `payload of ${bytes.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`;
        return Promise.reject(new CartLinkError('PAYLOAD_TOO_LARGE', message));
      }
      return new Promise<void>((resolve, reject) => {
        stats.messagesSent++;
        sender.enqueue(type, bytes, { resolve, reject });
      });
    },

    close() {
      if (state === 'open') stop('closed', new CartLinkError('LINK_CLOSED', 'link closed'));
    },

    stats,
  };
}
