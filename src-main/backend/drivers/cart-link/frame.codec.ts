import { cobsDecode, cobsEncode, cobsMaxEncodedLength } from './cobs.ts';
import { crc32 } from './crc32.ts';

/**
 * One frame of the cart wire protocol (docs/cart-protocol.md §2):
 *   version u8 | type u8 | flags u8 | seq u16 BE | ack u16 BE | length u16 BE | payload | crc32 u32 BE
 * COBS-encoded and followed by one 0x00 on the wire. Pure functions: no I/O, no clock.
 */

export const FRAME_VERSION = 1;
export const HEADER_BYTES = 9;
export const CRC_BYTES = 4;
export const MAX_PAYLOAD_BYTES = 4096;
export const MAX_FRAME_BYTES = HEADER_BYTES + MAX_PAYLOAD_BYTES + CRC_BYTES;
/** Longest run of bytes a valid frame can occupy between two delimiters. */
export const MAX_ENCODED_FRAME_BYTES = cobsMaxEncodedLength(MAX_FRAME_BYTES);
export const FRAME_DELIMITER = 0x00;

export interface Frame {
  type: number;
  flags: number;
  seq: number;
  ack: number;
  payload: Uint8Array;
}

export type FrameErrorCode = 'cobs' | 'crc' | 'version' | 'length' | 'overflow';

export interface FrameError {
  code: FrameErrorCode;
  message: string;
}

export type ParseResult = { ok: true; frame: Frame } | { ok: false; error: FrameError };

function checkField(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`frame ${name} must be an integer in 0..${max}, got ${value}`);
  }
}

/** The frame's bytes before COBS, CRC included. Throws on a frame we must never send. */
export function serializeFrame(frame: Frame): Uint8Array {
  checkField('type', frame.type, 0xff);
  checkField('flags', frame.flags, 0xff);
  checkField('seq', frame.seq, 0xffff);
  checkField('ack', frame.ack, 0xffff);
  checkField('payload length', frame.payload.length, MAX_PAYLOAD_BYTES);
  const bytes = new Uint8Array(HEADER_BYTES + frame.payload.length + CRC_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FRAME_VERSION);
  view.setUint8(1, frame.type);
  view.setUint8(2, frame.flags);
  view.setUint16(3, frame.seq);
  view.setUint16(5, frame.ack);
  view.setUint16(7, frame.payload.length);
  bytes.set(frame.payload, HEADER_BYTES);
  const crcAt = HEADER_BYTES + frame.payload.length;
  view.setUint32(crcAt, crc32(bytes, 0, crcAt));
  return bytes;
}

/** Validates and splits a frame's bytes (already COBS-decoded). Never throws. */
export function parseFrame(raw: Uint8Array): ParseResult {
  const fail = (code: FrameErrorCode, message: string): ParseResult => ({
    ok: false,
    error: { code, message },
  });
  if (raw.length < HEADER_BYTES + CRC_BYTES) return fail('length', `frame of ${raw.length} bytes`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const crcAt = raw.length - CRC_BYTES;
  // CRC first: on a noisy line most bad frames are damaged ones, and their other fields are noise.
  if (view.getUint32(crcAt) !== crc32(raw, 0, crcAt)) return fail('crc', 'checksum mismatch');
  const version = view.getUint8(0);
  if (version !== FRAME_VERSION) return fail('version', `unsupported frame version ${version}`);
  const length = view.getUint16(7);
  if (length > MAX_PAYLOAD_BYTES || HEADER_BYTES + length !== crcAt) {
    return fail('length', `length field ${length} for ${crcAt - HEADER_BYTES} payload bytes`);
  }
  return {
    ok: true,
    frame: {
      type: view.getUint8(1),
      flags: view.getUint8(2),
      seq: view.getUint16(3),
      ack: view.getUint16(5),
      // A copy, so the frame stays valid after the decoder reuses its buffer.
      payload: raw.slice(HEADER_BYTES, crcAt),
    },
  };
}

/** The bytes to write to the wire for one frame: COBS(frame) followed by 0x00. */
export function encodeFrame(frame: Frame): Uint8Array {
  const stuffed = cobsEncode(serializeFrame(frame));
  const wire = new Uint8Array(stuffed.length + 1);
  wire.set(stuffed);
  wire[stuffed.length] = FRAME_DELIMITER;
  return wire;
}

export interface FrameDecoder {
  /** Feeds bytes as they arrive, in chunks of any size (a byte at a time is fine). */
  push(chunk: Uint8Array): void;
  /** Forgets a partial frame, e.g. when the transport reopens. */
  reset(): void;
  readonly errors: Readonly<Record<FrameErrorCode, number>>;
}

/**
 * A stream decoder for a byte stream of frames. Bad input is reported through `onError` and
 * counted, never thrown: a cart on a noisy serial line must not be able to crash the terminal.
 * Memory stays bounded: a run of bytes longer than any valid frame is dropped up to the next 0x00.
 */
export function createFrameDecoder(
  onFrame: (frame: Frame) => void,
  onError: (error: FrameError) => void,
): FrameDecoder {
  const buffer = new Uint8Array(MAX_ENCODED_FRAME_BYTES);
  const errors: Record<FrameErrorCode, number> = {
    cobs: 0,
    crc: 0,
    version: 0,
    length: 0,
    overflow: 0,
  };
  let filled = 0;
  let discarding = false;

  const report = (error: FrameError) => {
    errors[error.code]++;
    onError(error);
  };

  function endOfFrame(): void {
    const length = filled;
    filled = 0;
    if (discarding) {
      discarding = false;
      return;
    }
    // Two delimiters in a row make an empty frame: a legal way to flush the line, not an error.
    if (length === 0) return;
    const raw = cobsDecode(buffer, length);
    if (raw === null) return report({ code: 'cobs', message: 'invalid COBS encoding' });
    const parsed = parseFrame(raw);
    if (parsed.ok) onFrame(parsed.frame);
    else report(parsed.error);
  }

  return {
    push(chunk) {
      for (const byte of chunk) {
        if (byte === FRAME_DELIMITER) endOfFrame();
        else if (discarding) continue;
        else if (filled < buffer.length) buffer[filled++] = byte;
        else {
          discarding = true;
          filled = 0;
          report({ code: 'overflow', message: `no delimiter within ${buffer.length} bytes` });
        }
      }
    },
    reset() {
      filled = 0;
      discarding = false;
    },
    errors,
  };
}
