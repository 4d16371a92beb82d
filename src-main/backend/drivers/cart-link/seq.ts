/**
 * Sequence numbers are u16 but never 0 (0 marks "no sequence" in ACK frames), so the usable
 * space is 1..65535: a ring of 65535 values. Comparisons use serial-number arithmetic
 * (RFC 1982 style) over that ring: `b` is "after" `a` when it is less than half the ring ahead.
 */

export const FIRST_SEQ = 1;
export const MAX_SEQ = 0xffff;
const RING = MAX_SEQ; // values 1..65535
const HALF = (RING - 1) / 2; // 32767

export function isSeq(value: number): boolean {
  return Number.isInteger(value) && value >= FIRST_SEQ && value <= MAX_SEQ;
}

export function nextSeq(seq: number): number {
  return seq >= MAX_SEQ ? FIRST_SEQ : seq + 1;
}

/**
 * How far `to` is ahead of `from` (negative when behind), in -32767..32767. Both must be
 * valid sequence numbers (1..65535).
 */
export function seqDistance(from: number, to: number): number {
  const d = (((to - from) % RING) + RING) % RING;
  return d > HALF ? d - RING : d;
}
