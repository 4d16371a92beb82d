import type { ManualTime } from './manual-time.fake.ts';
import type { SeededRandom } from './seeded-random.fake.ts';

/**
 * An in-memory line between two links that misbehaves on purpose. Each send() is one frame's
 * bytes; every fault is decided per frame from a seeded random source, so a failing run can be
 * replayed exactly.
 */
export interface WireFaults {
  /** Probability a frame vanishes. */
  drop?: number;
  /** Probability a frame arrives twice (the copy with its own delay). */
  duplicate?: number;
  /** Probability a frame has 1–3 bits flipped. */
  corrupt?: number;
  /** Fixed one-way delay. */
  latencyMs?: number;
  /** Extra uniform random delay in [0, jitterMs); frames overtake each other. */
  jitterMs?: number;
}

export function createLossyChannel(time: ManualTime, random: SeededRandom, faults: WireFaults) {
  let deliver: (bytes: Uint8Array) => void = () => {};
  let cut = false;
  let truncateNextTo: number | null = null;
  const counts = { sent: 0, dropped: 0, duplicated: 0, corrupted: 0, delivered: 0 };
  let lastDeliveredAt = -Infinity;

  function schedule(bytes: Uint8Array): void {
    const delay = (faults.latencyMs ?? 1) + (faults.jitterMs ? random.next() * faults.jitterMs : 0);
    time.timers.setTimeout(() => {
      if (cut) return;
      counts.delivered++;
      lastDeliveredAt = time.now();
      deliver(bytes);
    }, delay);
  }

  return {
    counts,
    connect(receiver: (bytes: Uint8Array) => void): void {
      deliver = receiver;
    },
    send(original: Uint8Array): void {
      counts.sent++;
      if (cut || random.chance(faults.drop ?? 0)) {
        counts.dropped++;
        return;
      }
      let bytes = original.slice();
      if (truncateNextTo !== null) {
        bytes = bytes.subarray(0, truncateNextTo);
        truncateNextTo = null;
      }
      if (random.chance(faults.corrupt ?? 0)) {
        counts.corrupted++;
        for (let flips = 1 + random.int(3); flips > 0; flips--) {
          const at = random.int(bytes.length * 8);
          bytes[at >> 3]! ^= 1 << (at & 7);
        }
      }
      schedule(bytes);
      if (random.chance(faults.duplicate ?? 0)) {
        counts.duplicated++;
        schedule(bytes);
      }
    },
    /** Stops everything, in flight included: a pulled cable. */
    setCut(value: boolean): void {
      cut = value;
    },
    /** The next frame loses its tail: the cable is yanked mid-frame. */
    truncateNext(keepBytes: number): void {
      truncateNextTo = keepBytes;
    },
    lastDeliveredAt: () => lastDeliveredAt,
  };
}

export type LossyChannel = ReturnType<typeof createLossyChannel>;
