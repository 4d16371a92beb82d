import { describe, expect, it } from 'vitest';
import { MessageType, messageTypeName } from './messages.ts';
import { decodePayload, encodePayload } from './payload.codec.ts';

describe('message types', () => {
  it('have the codes of docs/cart-protocol.md §5, each used once', () => {
    expect(MessageType).toEqual({
      HELLO: 0x01,
      CHALLENGE: 0x02,
      PROOF: 0x03,
      WELCOME: 0x04,
      REFUSED: 0x05,
      ACK: 0x06,
      HEARTBEAT: 0x07,
      ITEM_SCANNED: 0x10,
      WEIGHT_CHANGED: 0x11,
      ITEM_REMOVED: 0x12,
      RECOGNITION: 0x13,
      BUTTON: 0x14,
      SESSION_BOUND: 0x20,
      CART_CONTENTS: 0x21,
      DISPLAY: 0x22,
      LOCK: 0x23,
      MODEL_UPDATE: 0x24,
      SESSION_ENDED: 0x25,
    });
    expect(new Set(Object.values(MessageType)).size).toBe(Object.keys(MessageType).length);
    expect(messageTypeName(0x21)).toBe('CART_CONTENTS');
    expect(messageTypeName(0x99)).toBeUndefined();
  });
});

describe('payload codec', () => {
  it('round-trips UTF-8 JSON objects', () => {
    const payload = { text: 'Cà phê sữa đá', qr: 'CS1:C-07:abc' };
    expect(decodePayload(encodePayload(payload))).toEqual(payload);
    expect(decodePayload(new Uint8Array(0))).toEqual({});
  });

  it('rejects what is not a JSON object in valid UTF-8', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(decodePayload(text('[1]'))).toBeUndefined();
    expect(decodePayload(text('null'))).toBeUndefined();
    expect(decodePayload(text('"x"'))).toBeUndefined();
    expect(decodePayload(text('{"a":'))).toBeUndefined();
    expect(decodePayload(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toBeUndefined();
  });
});
