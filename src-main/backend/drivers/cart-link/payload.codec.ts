/**
 * Payloads are UTF-8 JSON objects (docs/cart-protocol.md §2.3). Decoding is strict about the
 * encoding and the top-level shape and lenient about content: unknown fields are the consumer's
 * business, which is what lets newer carts add fields without breaking older terminals.
 */

export function encodePayload(payload: object): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload));
}

/** The payload as a plain object; an empty payload is `{}`; undefined when malformed. */
export function decodePayload(bytes: Uint8Array): Record<string, unknown> | undefined {
  if (bytes.length === 0) return {};
  try {
    // fatal: invalid UTF-8 is a sender bug we want to see in the stats, not U+FFFD in a barcode.
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isObject ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
