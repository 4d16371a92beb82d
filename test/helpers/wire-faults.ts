import { cobsDecode, parseFrame, type Frame } from '#main/backend/drivers/cart-link/index';
import type { SeededRandom } from '#main/backend/drivers/cart-link/seeded-random.fake';
import type { ByteTransport } from '#main/backend/drivers/transport';

/**
 * The same transport, except that every write goes through `rewrite`, which decides what
 * actually reaches the line (nothing, the bytes twice, later, damaged…). A reliable link writes
 * exactly one encoded frame per call, which is what makes this a frame-level fault injector.
 */
export function tamperWrites(
  inner: ByteTransport,
  rewrite: (bytes: Uint8Array, write: (bytes: Uint8Array) => void) => void,
): ByteTransport {
  return {
    kind: inner.kind,
    address: inner.address,
    write: (bytes) => rewrite(bytes, (b) => inner.write(b)),
    onData: (listener) => inner.onData(listener),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
  };
}

/** The frame in one write (COBS bytes and the 0x00 delimiter), or null when it holds none. */
export function frameIn(bytes: Uint8Array): Frame | null {
  if (bytes.length < 2 || bytes[bytes.length - 1] !== 0) return null;
  const raw = cobsDecode(bytes, bytes.length - 1);
  if (!raw) return null;
  const parsed = parseFrame(raw);
  return parsed.ok ? parsed.frame : null;
}

/** A copy with one bit flipped somewhere before the closing delimiter: line noise in a frame. */
export function flipOneBit(bytes: Uint8Array, random: SeededRandom): Uint8Array {
  const copy = bytes.slice();
  const at = random.int(copy.length - 1);
  copy[at] = copy[at]! ^ (1 << random.int(8));
  return copy;
}
