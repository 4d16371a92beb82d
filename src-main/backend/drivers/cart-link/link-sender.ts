import { encodeFrame } from './frame.codec.ts';
import type { LinkStats } from './link-stats.ts';
import { FIRST_SEQ, nextSeq, seqDistance } from './seq.ts';

/**
 * The sending half of a reliable link: numbers frames, keeps at most `window` of them in
 * flight, retransmits each until its ACK arrives, and gives up after `maxRetries`.
 */

export interface LinkTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  // Declared as a method so Node's and the DOM's clearTimeout both fit (method parameters are
  // checked bivariantly); the handle is whatever setTimeout returned.
  clearTimeout(handle: unknown): void;
}

export interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

export interface LinkSenderDeps {
  window: number;
  retransmitMs: number;
  /** Ceiling of the exponential backoff. */
  maxBackoffMs: number;
  maxRetries: number;
  timers: LinkTimers;
  /** Writes one frame's bytes to the transport. */
  transmit(bytes: Uint8Array): void;
  /** A frame went unacknowledged through every retry. */
  onExhausted(): void;
  stats: LinkStats;
}

interface Outgoing {
  type: number;
  payload: Uint8Array;
  waiter: Waiter | undefined;
}

interface InFlight {
  seq: number;
  bytes: Uint8Array;
  retries: number;
  timer: unknown;
  waiter: Waiter | undefined;
}

export function createLinkSender(deps: LinkSenderDeps) {
  const { timers, stats } = deps;
  let next = FIRST_SEQ;
  // Insertion order is sequence order, so the first key is always the oldest unacknowledged.
  const inFlight = new Map<number, InFlight>();
  // A FIFO with a moving head: Array.shift() would make a long burst quadratic.
  let queue: Outgoing[] = [];
  let head = 0;

  /**
   * Selective repeat: the window bounds the span from the oldest unacknowledged frame, not just
   * the count in flight, so the receiver never sees a seq beyond what it can buffer even when
   * later frames were acknowledged while an earlier one is still being retried.
   */
  function windowOpen(): boolean {
    const oldest = inFlight.keys().next();
    return oldest.done === true || seqDistance(oldest.value, next) < deps.window;
  }

  function arm(entry: InFlight): void {
    const delay = Math.min(deps.retransmitMs * 2 ** entry.retries, deps.maxBackoffMs);
    entry.timer = timers.setTimeout(() => expire(entry), delay);
  }

  function expire(entry: InFlight): void {
    if (inFlight.get(entry.seq) !== entry) return;
    if (entry.retries >= deps.maxRetries) return deps.onExhausted();
    entry.retries++;
    stats.retransmits++;
    arm(entry);
    deps.transmit(entry.bytes);
  }

  function pump(): void {
    while (head < queue.length && windowOpen()) {
      const { type, payload, waiter } = queue[head++]!;
      const seq = next;
      next = nextSeq(seq);
      const entry: InFlight = {
        seq,
        bytes: encodeFrame({ type, flags: 0, seq, ack: 0, payload }),
        retries: 0,
        timer: undefined,
        waiter,
      };
      inFlight.set(seq, entry);
      // Armed before the write: a synchronous transport may deliver the ACK inside transmit().
      arm(entry);
      deps.transmit(entry.bytes);
    }
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
  }

  return {
    /** Queues a frame; `waiter` settles when it is acknowledged or the link fails. */
    enqueue(type: number, payload: Uint8Array, waiter?: Waiter): void {
      queue.push({ type, payload, waiter });
      pump();
    },

    acknowledge(seq: number): void {
      const entry = inFlight.get(seq);
      if (!entry) {
        stats.staleAcks++;
        return;
      }
      timers.clearTimeout(entry.timer);
      inFlight.delete(seq);
      entry.waiter?.resolve();
      pump();
    },

    /** True while frames wait for the window to open. */
    hasQueued: () => head < queue.length,

    /** Stops every timer and rejects every unsettled waiter. */
    failAll(error: Error): void {
      for (const entry of inFlight.values()) timers.clearTimeout(entry.timer);
      const waiters = [...inFlight.values(), ...queue.slice(head)].map((e) => e.waiter);
      inFlight.clear();
      queue = [];
      head = 0;
      for (const waiter of waiters) waiter?.reject(error);
    },
  };
}

export type LinkSender = ReturnType<typeof createLinkSender>;
