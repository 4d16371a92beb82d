import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createNonce, NONCE_BYTES, proofFor, verifyProof } from './handshake.ts';

const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const NONCE = 'ff'.repeat(32);
// The example of docs/cart-protocol.md §6, checked independently with Python's hmac module.
const MAC = '943da48c3db9e60d8575d50636fac0620a7a71973129c9d969bfbc533b4b2adc';

describe('cart handshake', () => {
  it('computes HMAC-SHA256(key, nonce + ":" + cart_id) as lowercase hex', () => {
    expect(proofFor(KEY, NONCE, 'C-07')).toBe(MAC);
    const expected = createHmac('sha256', Buffer.from(KEY, 'hex'))
      .update(`${NONCE}:C-07`)
      .digest('hex');
    expect(proofFor(KEY, NONCE, 'C-07')).toBe(expected);
  });

  it('accepts the right proof, in either hex case', () => {
    expect(verifyProof(KEY, NONCE, 'C-07', MAC)).toBe(true);
    expect(verifyProof(KEY, NONCE, 'C-07', MAC.toUpperCase())).toBe(true);
  });

  it('refuses a proof for another cart, nonce or key', () => {
    expect(verifyProof(KEY, NONCE, 'C-08', MAC)).toBe(false);
    expect(verifyProof(KEY, 'ee'.repeat(32), 'C-07', MAC)).toBe(false);
    expect(verifyProof('11'.repeat(32), NONCE, 'C-07', MAC)).toBe(false);
  });

  it.each([
    ['a MAC of the wrong length', KEY, NONCE, MAC.slice(0, 62)],
    ['a MAC with odd digits', KEY, NONCE, `${MAC}0`],
    ['a MAC that is not hex', KEY, NONCE, `zz${MAC.slice(2)}`],
    ['an empty MAC', KEY, NONCE, ''],
    ['a key that is not hex', 'not-a-key', NONCE, MAC],
    ['an empty key', '', NONCE, MAC],
    ['a short nonce', KEY, 'ff', MAC],
    ['a MAC that is not a string', KEY, NONCE, 42 as unknown as string],
  ])('returns false for %s without throwing', (_name, key, nonce, mac) => {
    expect(verifyProof(key, nonce, 'C-07', mac)).toBe(false);
  });

  it('refuses to compute a proof with a malformed key', () => {
    expect(() => proofFor('abc', NONCE, 'C-07')).toThrow(RangeError);
  });

  it('makes 32-byte hex nonces from the given random source', () => {
    expect(createNonce()).toMatch(/^[0-9a-f]{64}$/);
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce((n) => new Uint8Array(n).fill(0xab))).toBe('ab'.repeat(NONCE_BYTES));
  });
});
