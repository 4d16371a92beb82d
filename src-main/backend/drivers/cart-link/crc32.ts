/**
 * CRC-32 as used by Ethernet, zlib and PNG (IEEE 802.3): reflected polynomial 0xEDB88320,
 * initial value 0xFFFFFFFF, final xor 0xFFFFFFFF. Node 20 has no `zlib.crc32` (it arrived in
 * Node 22.2), so this is the classic byte-at-a-time table version; a frame is at most ~4 KiB,
 * which this checks in a few microseconds.
 */

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

// Constant lookup data, never written after it is built: sharing it is not shared state.
const TABLE = buildTable();

/** CRC-32 of `bytes[start..end)`, as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
