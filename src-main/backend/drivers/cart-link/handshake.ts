import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cart authentication (docs/cart-protocol.md §6): the terminal sends a fresh random nonce and
 * the cart answers with HMAC-SHA256(key, nonce + ':' + cart_id), proving it holds the key
 * paired with that cart id without ever sending the key. A fresh nonce per handshake makes a
 * recorded PROOF worthless on the next connection.
 */

export const NONCE_BYTES = 32;
const MAC_BYTES = 32;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

function hexBytes(hex: string, expectedBytes?: number): Buffer | null {
  if (typeof hex !== 'string' || !HEX.test(hex)) return null;
  if (expectedBytes !== undefined && hex.length !== expectedBytes * 2) return null;
  return Buffer.from(hex, 'hex');
}

/** A challenge nonce: 32 random bytes as lowercase hex. `random` is injectable for tests only. */
export function createNonce(random: (size: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(NONCE_BYTES)).toString('hex');
}

function mac(key: Buffer, nonceHex: string, cartId: string): Buffer {
  return createHmac('sha256', key).update(`${nonceHex}:${cartId}`, 'utf8').digest();
}

/**
 * The PROOF a cart holding `keyHex` sends for `nonceHex`, as lowercase hex. The nonce is used
 * as the exact text received in CHALLENGE. Throws on a malformed key: that is our own
 * configuration error, not a cart's.
 */
export function proofFor(keyHex: string, nonceHex: string, cartId: string): string {
  const key = hexBytes(keyHex);
  if (!key) throw new RangeError('cart key must be non-empty hex with an even number of digits');
  return mac(key, nonceHex, cartId).toString('hex');
}

/**
 * Whether `macHex` proves possession of `keyHex` for this nonce and cart. Never throws: every
 * malformed input (from the cart or the key store) is simply "not proven". The comparison is
 * constant-time so the terminal leaks nothing about how much of a guessed MAC was right.
 */
export function verifyProof(
  keyHex: string,
  nonceHex: string,
  cartId: string,
  macHex: string,
): boolean {
  try {
    const key = hexBytes(keyHex);
    const given = hexBytes(macHex, MAC_BYTES);
    if (!key || !given || typeof cartId !== 'string' || !hexBytes(nonceHex, NONCE_BYTES)) {
      return false;
    }
    return timingSafeEqual(mac(key, nonceHex, cartId), given);
  } catch {
    return false;
  }
}
