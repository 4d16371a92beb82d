export type CartLinkErrorCode =
  'LINK_DEAD' | 'LINK_CLOSED' | 'PAYLOAD_TOO_LARGE' | 'BAD_MESSAGE_TYPE';

/** Why a sendMessage promise was rejected. */
export class CartLinkError extends Error {
  override readonly name = 'CartLinkError';
  readonly code: CartLinkErrorCode;

  constructor(code: CartLinkErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
