import { describe, expect, it } from 'vitest';
import type { LinkStats } from './link-stats.ts';
import type { WireFaults } from './lossy-wire.fake.ts';
import { createLinkPair, flushPromises, track } from './link-pair.fake.ts';
import { MessageType } from './messages.ts';

/**
 * Exactly-once, in-order delivery through a misbehaving line. Both directions carry traffic at
 * once so ACKs are lost, duplicated and corrupted as well as data. Fault rates are chosen so a
 * frame failing all seven attempts is vanishingly rare; the seed makes every run identical.
 */

const TO_CART = 500;
const TO_TERMINAL = 150;

function exchange(faults: WireFaults, seed = 1) {
  const pair = createLinkPair({ faults, seed });
  const { a, b, time } = pair;
  const toCart = Array.from({ length: TO_CART }, (_, i) =>
    a.link.sendMessage(MessageType.DISPLAY, { text: `line ${i}` }),
  );
  const toTerminal = Array.from({ length: TO_TERMINAL }, (_, i) =>
    b.link.sendMessage(MessageType.ITEM_SCANNED, { barcode: `893${i}` }),
  );
  const acked = track([...toCart, ...toTerminal]);
  time.runUntil(() => b.received.length >= TO_CART && a.received.length >= TO_TERMINAL, 120_000);
  // Let the last ACKs (and any straggling duplicates) cross before checking the senders.
  time.advance(5_000);
  return { ...pair, acked };
}

function expectExactlyOnceInOrder(run: ReturnType<typeof exchange>) {
  expect(run.b.received.map((m) => m.payload.text)).toEqual(
    Array.from({ length: TO_CART }, (_, i) => `line ${i}`),
  );
  expect(run.a.received.map((m) => m.payload.barcode)).toEqual(
    Array.from({ length: TO_TERMINAL }, (_, i) => `893${i}`),
  );
  expect(run.a.deaths).toEqual([]);
  expect(run.b.deaths).toEqual([]);
}

describe('reliable link on a lossy wire', () => {
  it('loses nothing on a perfect wire', async () => {
    const run = exchange({});
    expectExactlyOnceInOrder(run);
    await flushPromises();
    expect(run.acked).toEqual({ resolved: TO_CART + TO_TERMINAL, rejected: [] });
    expect(run.a.link.stats.retransmits).toBe(0);
  });

  it.each<[string, WireFaults, keyof LinkStats]>([
    ['drops', { drop: 0.1 }, 'retransmits'],
    ['duplicates', { duplicate: 0.3 }, 'duplicates'],
    ['reorders', { latencyMs: 2, jitterMs: 40 }, 'outOfOrder'],
    ['corrupts', { corrupt: 0.1 }, 'crcErrors'],
    ['delays beyond the retransmit timeout', { latencyMs: 400 }, 'duplicates'],
    [
      'does all of it at once',
      { drop: 0.05, duplicate: 0.1, corrupt: 0.05, jitterMs: 30 },
      'retransmits',
    ],
  ])('delivers exactly once and in order when the wire %s', async (_name, faults, stat) => {
    const run = exchange(faults);
    expectExactlyOnceInOrder(run);
    await flushPromises();
    expect(run.acked).toEqual({ resolved: TO_CART + TO_TERMINAL, rejected: [] });
    // Proof the fault was really exercised, on the side that receives the most.
    expect(run.b.link.stats[stat] + run.a.link.stats[stat]).toBeGreaterThan(0);
  });

  it('recovers from a line yanked mid-frame and re-plugged', async () => {
    const { a, b, aToB, time } = createLinkPair({});
    const first = track([a.link.sendMessage(MessageType.LOCK, { locked: true })]);
    time.advance(50);
    // Half a frame reaches the cart, then a new stream starts with no delimiter in between:
    // the half frame and the next frame merge into one bad frame and retransmission repairs it.
    aToB.truncateNext(12);
    const rest = track(
      Array.from({ length: 20 }, (_, i) =>
        a.link.sendMessage(MessageType.DISPLAY, { text: `${i}` }),
      ),
    );
    time.runUntil(() => b.received.length === 21, 10_000);
    time.advance(1_000);
    await flushPromises();
    expect(b.received.map((m) => m.type)).toEqual([
      MessageType.LOCK,
      ...Array<number>(20).fill(MessageType.DISPLAY),
    ]);
    expect(b.received.slice(1).map((m) => m.payload.text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${i}`),
    );
    expect(b.link.stats.crcErrors + b.link.stats.cobsErrors).toBeGreaterThan(0);
    expect(first.resolved + rest.resolved).toBe(21);
  });

  it('keeps order across the sequence-number wrap at 65535', async () => {
    const count = 66_000;
    const { a, b, time } = createLinkPair({ faults: { drop: 0.02, duplicate: 0.02, jitterMs: 5 } });
    const acked = track(
      Array.from({ length: count }, (_, i) =>
        a.link.sendMessage(MessageType.WEIGHT_CHANGED, { delta_grams: i, total_grams: i }),
      ),
    );
    time.runUntil(() => b.received.length >= count, 600_000);
    time.advance(2_000);
    await flushPromises();
    let inOrder = true;
    b.received.forEach((m, i) => (inOrder &&= m.payload.delta_grams === i));
    expect(inOrder).toBe(true);
    expect(b.received).toHaveLength(count);
    expect(acked.resolved).toBe(count);
    expect(b.link.stats.duplicates).toBeGreaterThan(0);
    expect(a.link.stats.framesSent).toBeGreaterThan(65_535);
  }, 60_000);
});
