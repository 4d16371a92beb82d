/**
 * Consistent Overhead Byte Stuffing (Cheshire & Baker, 1999). The encoded form never contains
 * 0x00, so a single 0x00 can end every frame on the wire and a receiver that lost sync (a yanked
 * cable, line noise, a cart rebooting mid-frame) is back in step at the next 0x00.
 * Overhead is at most one byte per 254 bytes of data, plus one.
 */

/** Largest encoded size of `length` bytes of data (without the 0x00 delimiter). */
export function cobsMaxEncodedLength(length: number): number {
  return length + Math.floor(length / 254) + 1;
}

export function cobsEncode(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(cobsMaxEncodedLength(data.length));
  let codeAt = 0;
  let code = 1;
  let o = 1;
  for (const byte of data) {
    if (byte !== 0) {
      out[o++] = byte;
      code++;
    }
    // A zero ends the block; so does a full block of 254 data bytes (code 0xFF has no zero).
    if (byte === 0 || code === 0xff) {
      out[codeAt] = code;
      codeAt = o++;
      code = 1;
    }
  }
  out[codeAt] = code;
  return out.subarray(0, o);
}

/**
 * Decodes `encoded[0..length)`, which must not include the delimiter. Returns null when the
 * input is not valid COBS (a code byte pointing past the end, or a 0x00 inside).
 */
export function cobsDecode(encoded: Uint8Array, length = encoded.length): Uint8Array | null {
  const out = new Uint8Array(length);
  let i = 0;
  let o = 0;
  while (i < length) {
    const code = encoded[i]!;
    const end = i + code;
    if (code === 0 || end > length) return null;
    for (i++; i < end; i++) {
      const byte = encoded[i]!;
      if (byte === 0) return null;
      out[o++] = byte;
    }
    // Every block but a full one (0xFF) stands for a zero after it, except at the very end.
    if (code !== 0xff && i < length) out[o++] = 0;
  }
  return out.subarray(0, o);
}
