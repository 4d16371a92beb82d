import {
  createFrameDecoder,
  decodePayload,
  encodeFrame,
  encodePayload,
  MessageType,
  messageTypeName,
  proofFor,
} from '#main/backend/drivers/cart-link/index';
import type { ByteTransport } from '#main/backend/drivers/transport';

export interface RawMessage {
  seq: number;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * A cart that writes frames by hand (docs/cart-protocol.md §2–3) instead of through a reliable
 * link, so a test can send the same seq twice, or n + 1 before n, and see exactly which frames
 * the terminal acknowledges. It acknowledges everything the terminal sends, and records each
 * terminal message once (the terminal may retransmit).
 */
export function createRawCart(transport: ByteTransport) {
  const messages: RawMessage[] = [];
  /** The `ack` field of every ACK the terminal sent, in arrival order. */
  const acks: number[] = [];
  const seen = new Set<string>();
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
  };

  const decoder = createFrameDecoder(
    (frame) => {
      if (frame.type === MessageType.ACK) {
        acks.push(frame.ack);
        return wake();
      }
      transport.write(
        encodeFrame({
          type: MessageType.ACK,
          flags: 0,
          seq: 0,
          ack: frame.seq,
          payload: new Uint8Array(0),
        }),
      );
      // Retransmissions repeat seq and bytes. Keyed on both, because a frame of the terminal's
      // previous link on this line (it recycles an idle line) may share a seq with a new one.
      const key = `${frame.seq}:${frame.type}:${Buffer.from(frame.payload).toString('hex')}`;
      if (seen.has(key)) return;
      seen.add(key);
      messages.push({
        seq: frame.seq,
        name: messageTypeName(frame.type) ?? `0x${frame.type.toString(16)}`,
        payload: decodePayload(frame.payload) ?? {},
      });
      wake();
    },
    () => undefined,
  );
  transport.onData((chunk) => decoder.push(chunk));

  function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`raw cart: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
    });
  }

  const frame = (type: number, seq: number, payload: object) =>
    encodeFrame({ type, flags: 0, seq, ack: 0, payload: encodePayload(payload) });
  const send = (type: number, seq: number, payload: object) =>
    transport.write(frame(type, seq, payload));
  const next = (name: string, timeoutMs = 5000): Promise<RawMessage> =>
    waitFor(() => messages.find((m) => m.name === name), name, timeoutMs);

  return {
    messages,
    acks,
    /** The wire bytes of one frame: COBS-encoded, with its 0x00 delimiter. */
    frame,
    write: (bytes: Uint8Array) => transport.write(bytes),
    send,
    /** Resolves with the terminal's first message of that name. */
    next,
    /** Resolves once the terminal has acknowledged `seq` at least `times` times. */
    acked(seq: number, times = 1, timeoutMs = 5000): Promise<number> {
      return waitFor(
        () => {
          const n = acks.filter((a) => a === seq).length;
          return n >= times ? n : undefined;
        },
        `${times} ACKs of seq ${seq}`,
        timeoutMs,
      );
    },
    /**
     * HELLO (seq 1) → CHALLENGE → PROOF (seq 2) → WELCOME; the next free seq is 3. Each is
     * retransmitted unchanged until answered, as a link would: the first HELLO may land while
     * the terminal is reopening the line.
     */
    async handshake(cartId: string, key: string, timeoutMs = 8000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      const retransmitted = async (bytes: Uint8Array, answer: string) => {
        const resend = setInterval(() => transport.write(bytes), 300);
        transport.write(bytes);
        try {
          return await next(answer, Math.max(deadline - Date.now(), 1));
        } finally {
          clearInterval(resend);
        }
      };
      const hello = { cart_id: cartId, firmware: 'raw-1.0', protocol: 1 };
      const challenge = await retransmitted(frame(MessageType.HELLO, 1, hello), 'CHALLENGE');
      const mac = proofFor(key, String(challenge.payload.nonce), cartId);
      await retransmitted(frame(MessageType.PROOF, 2, { mac }), 'WELCOME');
    },
    close: () => transport.close(),
  };
}

export type RawCart = ReturnType<typeof createRawCart>;
