/**
 * The smart-cart wire protocol (docs/cart-protocol.md): framing, reliable delivery and the
 * handshake's cryptography. Pure and transport-independent; the serial, USB and TCP drivers
 * move the bytes and the device manager runs the handshake and sessions on top.
 */
export { crc32 } from './crc32.ts';
export { cobsDecode, cobsEncode, cobsMaxEncodedLength } from './cobs.ts';
export {
  createFrameDecoder,
  encodeFrame,
  parseFrame,
  serializeFrame,
  CRC_BYTES,
  FRAME_DELIMITER,
  FRAME_VERSION,
  HEADER_BYTES,
  MAX_ENCODED_FRAME_BYTES,
  MAX_FRAME_BYTES,
  MAX_PAYLOAD_BYTES,
} from './frame.codec.ts';
export type {
  Frame,
  FrameDecoder,
  FrameError,
  FrameErrorCode,
  ParseResult,
} from './frame.codec.ts';
export { createNonce, NONCE_BYTES, proofFor, verifyProof } from './handshake.ts';
export { CartLinkError } from './link-errors.ts';
export type { CartLinkErrorCode } from './link-errors.ts';
export type { LinkStats } from './link-stats.ts';
export { MessageType, messageTypeName, PROTOCOL_REVISION } from './messages.ts';
export type * from './messages.ts';
export { decodePayload, encodePayload } from './payload.codec.ts';
export { createReliableLink } from './reliable-link.ts';
export type { LinkClock, LinkTimers, ReliableLink, ReliableLinkOptions } from './reliable-link.ts';
