/**
 * Message types of the cart wire protocol and their JSON payloads (docs/cart-protocol.md §5).
 * The types describe what a well-behaved peer sends; anything received is untrusted and must be
 * validated by whoever consumes it.
 */

export const MessageType = {
  // cart → terminal
  HELLO: 0x01,
  PROOF: 0x03,
  ITEM_SCANNED: 0x10,
  WEIGHT_CHANGED: 0x11,
  ITEM_REMOVED: 0x12,
  RECOGNITION: 0x13,
  BUTTON: 0x14,
  // terminal → cart
  CHALLENGE: 0x02,
  WELCOME: 0x04,
  REFUSED: 0x05,
  SESSION_BOUND: 0x20,
  CART_CONTENTS: 0x21,
  DISPLAY: 0x22,
  LOCK: 0x23,
  MODEL_UPDATE: 0x24,
  SESSION_ENDED: 0x25,
  // both ways
  ACK: 0x06,
  HEARTBEAT: 0x07,
} as const;

export type MessageTypeName = keyof typeof MessageType;
export type MessageTypeCode = (typeof MessageType)[MessageTypeName];

/** Version of the message set carried in HELLO.protocol (the frame header has its own). */
export const PROTOCOL_REVISION = 1;

export interface HelloPayload {
  cart_id: string;
  firmware: string;
  protocol: number;
}
export interface ProofPayload {
  /** Lowercase hex HMAC-SHA256(key, nonce + ':' + cart_id); see handshake.ts. */
  mac: string;
}
export interface ItemScannedPayload {
  barcode: string;
}
export interface WeightChangedPayload {
  delta_grams: number;
  total_grams: number;
}
export interface ItemRemovedPayload {
  barcode: string;
}
export interface RecognitionLabel {
  label: string;
  /** 0..1 */
  confidence: number;
  barcode?: string;
  /** [x, y, width, height] in the camera image's pixels, origin top-left. */
  box?: [number, number, number, number];
}
export interface RecognitionPayload {
  labels: RecognitionLabel[];
}
export interface ButtonPayload {
  button: 'help' | 'checkout';
}
export interface ChallengePayload {
  /** 32 random bytes as 64 lowercase hex digits. */
  nonce: string;
}
export interface WelcomePayload {
  terminal: string;
  heartbeat_ms: number;
}
export interface RefusedPayload {
  reason: string;
}
export interface SessionBoundPayload {
  customer_name: string;
}
export interface CartLine {
  name: string;
  quantity: number;
  /** Money is integer đồng, as everywhere in Cartstation. */
  unit_price: number;
  subtotal: number;
}
export interface CartContentsPayload {
  items: CartLine[];
  total: number;
}
export interface DisplayPayload {
  text: string;
  qr?: string;
}
export interface LockPayload {
  locked: boolean;
}
export interface ModelUpdatePayload {
  version: string;
  sha256: string;
  url: string;
}
export interface SessionEndedPayload {
  reason: string;
}
export type HeartbeatPayload = Record<string, never>;

/** Payload of each type that carries one (every type but ACK). */
export interface PayloadByType {
  [MessageType.HELLO]: HelloPayload;
  [MessageType.PROOF]: ProofPayload;
  [MessageType.ITEM_SCANNED]: ItemScannedPayload;
  [MessageType.WEIGHT_CHANGED]: WeightChangedPayload;
  [MessageType.ITEM_REMOVED]: ItemRemovedPayload;
  [MessageType.RECOGNITION]: RecognitionPayload;
  [MessageType.BUTTON]: ButtonPayload;
  [MessageType.CHALLENGE]: ChallengePayload;
  [MessageType.WELCOME]: WelcomePayload;
  [MessageType.REFUSED]: RefusedPayload;
  [MessageType.SESSION_BOUND]: SessionBoundPayload;
  [MessageType.CART_CONTENTS]: CartContentsPayload;
  [MessageType.DISPLAY]: DisplayPayload;
  [MessageType.LOCK]: LockPayload;
  [MessageType.MODEL_UPDATE]: ModelUpdatePayload;
  [MessageType.SESSION_ENDED]: SessionEndedPayload;
  [MessageType.HEARTBEAT]: HeartbeatPayload;
}

/** Every type that travels sequenced and acknowledged, i.e. all but ACK. */
export type SequencedType = keyof PayloadByType;

const NAMES = new Map<number, MessageTypeName>(
  Object.entries(MessageType).map(([name, code]) => [code, name as MessageTypeName]),
);

/** The name of a type code, or undefined for a code this revision does not know. */
export function messageTypeName(code: number): MessageTypeName | undefined {
  return NAMES.get(code);
}
