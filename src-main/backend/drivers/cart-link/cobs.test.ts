import { describe, expect, it } from 'vitest';
import { cobsDecode, cobsEncode, cobsMaxEncodedLength } from './cobs.ts';
import { createSeededRandom } from './seeded-random.fake.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('COBS', () => {
  // The examples from the COBS paper / Wikipedia.
  it.each([
    [[0x00], '0101'],
    [[0x00, 0x00], '010101'],
    [[0x11, 0x22, 0x00, 0x33], '03112202' + '33'],
    [[0x11, 0x22, 0x33, 0x44], '0511223344'],
    [[0x11, 0x00, 0x00, 0x00], '0211010101'],
    [[], '01'],
  ])('encodes %j as %s', (input, expected) => {
    const encoded = cobsEncode(bytes(...input));
    expect(hex(encoded)).toBe(expected);
    expect([...cobsDecode(encoded)!]).toEqual(input);
  });

  it('splits runs of 254 non-zero bytes into full blocks', () => {
    for (const length of [253, 254, 255, 508, 509, 4109]) {
      const data = new Uint8Array(length).fill(0x42);
      const encoded = cobsEncode(data);
      expect(encoded.includes(0)).toBe(false);
      expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(length));
      expect(cobsDecode(encoded)).toEqual(data);
    }
  });

  it('round-trips random data and never emits a zero', () => {
    const random = createSeededRandom(7);
    for (let i = 0; i < 300; i++) {
      const data = random.bytes(random.int(1200));
      // Plenty of zeros too, not just the 1-in-256 that uniform bytes give.
      for (let z = random.int(20); z > 0 && data.length > 0; z--) data[random.int(data.length)] = 0;
      const encoded = cobsEncode(data);
      expect(encoded.includes(0)).toBe(false);
      expect(cobsDecode(encoded)).toEqual(data);
    }
  });

  it('rejects a code byte pointing past the end and a zero inside', () => {
    expect(cobsDecode(bytes(0x05, 0x11, 0x22))).toBeNull();
    expect(cobsDecode(bytes(0x03, 0x11, 0x00))).toBeNull();
    expect(cobsDecode(bytes(0x00))).toBeNull();
  });

  it('decodes only the given prefix of a buffer', () => {
    expect([...cobsDecode(bytes(0x02, 0x11, 0x09, 0x09), 2)!]).toEqual([0x11]);
  });
});
