import { createLossyChannel } from './lossy-wire.fake.ts';
import type { WireFaults } from './lossy-wire.fake.ts';
import { createManualTime } from './manual-time.fake.ts';
import { createReliableLink } from './reliable-link.ts';
import type { ReliableLink, ReliableLinkOptions } from './reliable-link.ts';
import { createSeededRandom } from './seeded-random.fake.ts';

type Tuning = Omit<ReliableLinkOptions, 'send' | 'onMessage' | 'onDead' | 'clock' | 'timers'>;

export interface Endpoint {
  link: ReliableLink;
  received: { type: number; payload: Record<string, unknown> }[];
  /** Times onDead was called, with the clock at each call. */
  deaths: number[];
}

/**
 * Two links joined by a lossy wire (a = terminal, b = cart, though the link is symmetric), on
 * one manual clock. Each direction has its own faults and its own slice of the random stream.
 */
export function createLinkPair(options: {
  seed?: number;
  faults?: WireFaults;
  aToB?: WireFaults;
  bToA?: WireFaults;
  tuning?: Tuning;
}) {
  const time = createManualTime();
  const random = createSeededRandom(options.seed ?? 1);
  const aToB = createLossyChannel(time, random, options.aToB ?? options.faults ?? {});
  const bToA = createLossyChannel(time, random, options.bToA ?? options.faults ?? {});

  function endpoint(send: (bytes: Uint8Array) => void): Endpoint {
    const self: Endpoint = {
      received: [],
      deaths: [],
      link: createReliableLink({
        ...options.tuning,
        send,
        onMessage: (type, payload) => self.received.push({ type, payload }),
        onDead: () => self.deaths.push(time.now()),
        clock: time.clock,
        timers: time.timers,
      }),
    };
    return self;
  }

  const a = endpoint((bytes) => aToB.send(bytes));
  const b = endpoint((bytes) => bToA.send(bytes));
  aToB.connect((bytes) => b.link.receive(bytes));
  bToA.connect((bytes) => a.link.receive(bytes));
  return { time, random, a, b, aToB, bToA };
}

/** Settlement of each promise, observable synchronously from the manual clock's loop. */
export function track(promises: Promise<void>[]) {
  const state = { resolved: 0, rejected: [] as unknown[] };
  for (const p of promises) {
    p.then(
      () => state.resolved++,
      (error: unknown) => state.rejected.push(error),
    );
  }
  return state;
}

/** Lets promise callbacks queued by the clock's timers run. */
export const flushPromises = () => new Promise<void>((resolve) => setImmediate(resolve));
