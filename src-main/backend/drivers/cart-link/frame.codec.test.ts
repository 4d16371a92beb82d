import { describe, expect, it } from 'vitest';
import { cobsEncode } from './cobs.ts';
import { crc32 } from './crc32.ts';
import type { Frame, FrameError } from './frame.codec.ts';
import {
  createFrameDecoder,
  encodeFrame,
  MAX_ENCODED_FRAME_BYTES,
  MAX_PAYLOAD_BYTES,
  parseFrame,
  serializeFrame,
} from './frame.codec.ts';
import { encodePayload } from './payload.codec.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

const hello: Frame = {
  type: 0x01,
  flags: 0,
  seq: 1,
  ack: 0,
  payload: encodePayload({ cart_id: 'C-07', firmware: '1.4.2', protocol: 1 }),
};

// The worked example of docs/cart-protocol.md §2.4; if this changes, so must the document.
const HELLO_RAW =
  '01 01 00 0001 0000 0032' +
  '7b2263617274 5f6964223a22 432d3037222c 226669726d77 617265223a22 312e342e3222' +
  '2c2270726f74 6f636f6c223a 317d' +
  '15f8deaa';
const HELLO_WIRE =
  '03 0101 01 02 01 01 01 38 32' +
  '7b2263617274 5f6964223a22 432d3037222c 226669726d77 617265223a22 312e342e3222' +
  '2c2270726f74 6f636f6c223a 317d' +
  '15f8deaa 00';
const ACK_WIRE = '03 01 06 01 01 01 02 01 01 05 36df635d 00';

function collect() {
  const frames: Frame[] = [];
  const errors: FrameError[] = [];
  const decoder = createFrameDecoder(
    (f) => frames.push(f),
    (e) => errors.push(e),
  );
  return { frames, errors, decoder };
}

/** A frame's wire bytes with the raw bytes altered after the CRC was computed. */
function withValidCrc(raw: Uint8Array): Uint8Array {
  const copy = raw.slice();
  new DataView(copy.buffer).setUint32(copy.length - 4, crc32(copy, 0, copy.length - 4));
  return new Uint8Array([...cobsEncode(copy), 0]);
}

describe('frame codec', () => {
  it('produces the documented worked example', () => {
    expect(hex(serializeFrame(hello))).toBe(hex(fromHex(HELLO_RAW)));
    expect(hex(encodeFrame(hello))).toBe(hex(fromHex(HELLO_WIRE)));
    const ack: Frame = { type: 0x06, flags: 0, seq: 0, ack: 1, payload: new Uint8Array(0) };
    expect(hex(encodeFrame(ack))).toBe(hex(fromHex(ACK_WIRE)));
  });

  it('round-trips every header field and a maximal payload', () => {
    const frame: Frame = {
      type: 0xff,
      flags: 0xa5,
      seq: 0xffff,
      ack: 0x1234,
      payload: new Uint8Array(MAX_PAYLOAD_BYTES).fill(0),
    };
    const wire = encodeFrame(frame);
    expect(wire.length - 1).toBeLessThanOrEqual(MAX_ENCODED_FRAME_BYTES);
    const { frames, errors, decoder } = collect();
    decoder.push(wire);
    expect(errors).toEqual([]);
    expect(frames).toEqual([frame]);
  });

  it('refuses to build a frame it could not send', () => {
    const tooBig = { ...hello, payload: new Uint8Array(MAX_PAYLOAD_BYTES + 1) };
    expect(() => serializeFrame(tooBig)).toThrow(RangeError);
    expect(() => serializeFrame({ ...hello, seq: 65536 })).toThrow(RangeError);
    expect(() => serializeFrame({ ...hello, type: -1 })).toThrow(RangeError);
  });

  it('decodes frames split at every possible point, one byte at a time too', () => {
    const wire = new Uint8Array([...encodeFrame(hello), ...encodeFrame({ ...hello, seq: 2 })]);
    for (let cut = 0; cut <= wire.length; cut++) {
      const { frames, decoder } = collect();
      decoder.push(wire.subarray(0, cut));
      decoder.push(wire.subarray(cut));
      expect(frames.map((f) => f.seq)).toEqual([1, 2]);
    }
    const { frames, decoder } = collect();
    for (const byte of wire) decoder.push(new Uint8Array([byte]));
    expect(frames.map((f) => f.seq)).toEqual([1, 2]);
  });

  it('ignores empty frames and resynchronises after garbage', () => {
    const { frames, errors, decoder } = collect();
    decoder.push(new Uint8Array([0, 0, 0]));
    expect(errors).toEqual([]);
    decoder.push(new Uint8Array([0x13, 0x37, 0x99, 0x01]));
    decoder.push(new Uint8Array([0x00, ...encodeFrame(hello)]));
    expect(frames).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['cobs']);
    expect(decoder.errors.cobs).toBe(1);
  });

  it('reports a corrupted frame as a CRC error', () => {
    const wire = encodeFrame(hello);
    wire[20]! ^= 0x04;
    const { frames, errors, decoder } = collect();
    decoder.push(wire);
    expect(frames).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['crc']);
  });

  it('rejects a wrong version, a wrong length field and a runt, even with a valid CRC', () => {
    const raw = serializeFrame(hello);
    const { frames, decoder } = collect();
    const badVersion = raw.slice();
    badVersion[0] = 2;
    decoder.push(withValidCrc(badVersion));
    const badLength = raw.slice();
    badLength[8] = 0x31;
    decoder.push(withValidCrc(badLength));
    const hugeLength = raw.slice();
    hugeLength[7] = 0x20;
    decoder.push(withValidCrc(hugeLength));
    decoder.push(new Uint8Array([...cobsEncode(new Uint8Array([1, 2, 3])), 0]));
    expect(frames).toEqual([]);
    expect(decoder.errors).toEqual({ cobs: 0, crc: 0, version: 1, length: 3, overflow: 0 });
    expect(parseFrame(raw).ok).toBe(true);
  });

  it('bounds its buffer: an endless run without a delimiter is dropped, then it recovers', () => {
    const { frames, errors, decoder } = collect();
    const junk = new Uint8Array(1000).fill(0x41);
    for (let i = 0; i < 50; i++) decoder.push(junk);
    expect(errors.map((e) => e.code)).toEqual(['overflow']);
    decoder.push(new Uint8Array([0, ...encodeFrame(hello)]));
    expect(frames).toHaveLength(1);
  });

  it('drops a partial frame on reset', () => {
    const wire = encodeFrame(hello);
    const { frames, errors, decoder } = collect();
    decoder.push(wire.subarray(0, 30));
    decoder.reset();
    decoder.push(wire);
    expect(frames).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
