import { describe, expect, it } from 'vitest';
import type { Frame } from './frame.codec.ts';
import { createFrameDecoder, encodeFrame, MAX_PAYLOAD_BYTES } from './frame.codec.ts';
import { createSeededRandom } from './seeded-random.fake.ts';
import type { SeededRandom } from './seeded-random.fake.ts';

/**
 * Fuzz-style robustness checks with a fixed seed: bounded, repeatable, and hostile enough to
 * shake out crashes. The invariant is that the decoder never throws and only ever delivers
 * frames that were really sent, whatever happens to the bytes in between.
 */

const ITERATIONS = 1500;

function randomFrame(random: SeededRandom): Frame {
  const size = random.chance(0.1) ? random.int(MAX_PAYLOAD_BYTES + 1) : random.int(120);
  return {
    type: random.int(256),
    flags: random.int(256),
    seq: random.int(65536),
    ack: random.int(65536),
    payload: random.bytes(size),
  };
}

const key = (f: Frame) =>
  `${f.type}/${f.flags}/${f.seq}/${f.ack}/${Buffer.from(f.payload).toString('base64')}`;

function decoderExpecting(sent: Set<string>) {
  const stats = { delivered: 0, errors: 0, forged: 0 };
  const decoder = createFrameDecoder(
    (frame) => {
      stats.delivered++;
      if (!sent.has(key(frame))) stats.forged++;
    },
    () => stats.errors++,
  );
  return { decoder, stats };
}

function chunks(random: SeededRandom, bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + random.int(64);
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

describe('frame decoder under hostile input', () => {
  it('survives pure noise and delivers nothing from it', () => {
    const random = createSeededRandom(0xc0ffee);
    const { decoder, stats } = decoderExpecting(new Set());
    const feed = () => {
      for (let i = 0; i < ITERATIONS; i++) {
        // Mostly short bursts, sometimes long zero-free runs that must hit the overflow guard.
        const long = random.chance(0.05);
        const noise = random.bytes(long ? 5000 + random.int(5000) : random.int(300));
        if (long || random.chance(0.5)) noise.forEach((b, j) => (noise[j] = b === 0 ? 1 : b));
        for (const chunk of chunks(random, noise)) decoder.push(chunk);
      }
    };
    expect(feed).not.toThrow();
    expect(decoder.errors.overflow).toBeGreaterThan(0);
    expect(stats.delivered).toBe(0);
    expect(stats.errors).toBeGreaterThan(0);
  });

  it('never delivers a truncated or bit-flipped frame, and keeps decoding good ones', () => {
    const random = createSeededRandom(0xbad5eed);
    const sent = new Set<string>();
    const { decoder, stats } = decoderExpecting(sent);
    let intact = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const frame = randomFrame(random);
      sent.add(key(frame));
      const wire = encodeFrame(frame).slice();
      const fault = random.int(3);
      let bytes = wire;
      if (fault === 1) {
        // Truncated: the line was yanked; a delimiter may or may not come after.
        bytes = wire.subarray(0, random.int(wire.length));
        if (random.chance(0.5)) bytes = new Uint8Array([...bytes, 0]);
      } else if (fault === 2) {
        for (let flips = 1 + random.int(4); flips > 0; flips--) {
          const bit = random.int(wire.length * 8);
          wire[bit >> 3]! ^= 1 << (bit & 7);
        }
      } else {
        intact++;
      }
      for (const chunk of chunks(random, bytes)) decoder.push(chunk);
      // Flush whatever a damaged frame left behind, as a sender's next delimiter would.
      decoder.push(new Uint8Array([0]));
    }
    expect(stats.forged).toBe(0);
    // Every intact frame got through (a damaged one never swallows the next: we flushed).
    expect(stats.delivered).toBeGreaterThanOrEqual(intact);
    expect(stats.errors).toBeGreaterThan(0);
  });

  it('recovers the next frame after a corrupted one without an explicit flush', () => {
    const random = createSeededRandom(42);
    const sent = new Set<string>();
    const { decoder, stats } = decoderExpecting(sent);
    let good = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const frame = randomFrame(random);
      sent.add(key(frame));
      const wire = encodeFrame(frame).slice();
      if (random.chance(0.3)) wire[random.int(wire.length - 1)]! ^= 1 << random.int(8);
      // (a flip that turns a byte into 0x00 splits the frame in two; both halves must fail)
      else good++;
      decoder.push(wire);
    }
    expect(stats.forged).toBe(0);
    // The delimiter was left alone, so damage never spills into the next frame.
    expect(stats.delivered).toBe(good);
  });
});
