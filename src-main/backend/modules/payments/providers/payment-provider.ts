/**
 * One contract for every online payment gateway (payOS, VNPay, MoMo). Amounts are integer đồng
 * everywhere; each provider converts to its gateway's unit (VNPay wants ×100) at the edge.
 *
 * A provider only speaks the gateway's protocol: it signs requests, verifies what the gateway
 * sends, and answers in the gateway's format. It holds no order state. Deciding whether a
 * notification pays an order (known order? amount matches? reference seen before?) belongs to
 * the caller, which then picks the `AckResult` to answer with.
 */

export type GatewayName = 'payos' | 'vnpay' | 'momo';

export interface CreatePaymentInput {
  /** From the terminal's payment sequence; never reused, so one sale has one payable code. */
  orderCode: number;
  /** Integer đồng. */
  amount: number;
  description: string;
  returnUrl: string;
  cancelUrl: string;
  /** The customer's IP when known (VNPay asks for it). */
  ipAddress?: string;
}

export interface CreatedPayment {
  checkoutUrl: string;
  /** The gateway's handle for this payment; keep it and pass it back to `queryPayment`. */
  providerRef: string;
  qrCode?: string;
  /** True when the gateway already had this order code and its existing link was returned. */
  reused: boolean;
}

/** The parts of an incoming webhook/IPN request a provider needs (Fastify's request shape). */
export interface NotificationRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface GatewayNotification {
  orderCode: number;
  /** Integer đồng carried by this notification (one transfer, for payOS). */
  amount: number;
  /** What the gateway says about this transfer; the caller sums amounts per order. */
  paid: boolean;
  /** Unique per transfer: deduplicate on this, never on the order code. */
  reference: string;
  raw: unknown;
}

export type ParsedNotification =
  | { ok: true; notification: GatewayNotification }
  | { ok: false; reason: 'bad_signature' | 'malformed' };

export type AckResult =
  | 'ok'
  | 'bad_signature'
  /** Not a notification at all (no signature, wrong shape): resending it cannot help. */
  | 'malformed'
  | 'unknown_order'
  | 'amount_mismatch'
  | 'already_confirmed'
  | 'error';

export interface GatewayAnswer {
  status: number;
  body: unknown;
  contentType?: string;
}

export type GatewayPaymentStatus = 'paid' | 'pending' | 'cancelled' | 'expired' | 'unknown';

export interface PaymentQueryResult {
  status: GatewayPaymentStatus;
  /** Integer đồng the gateway reports as received. */
  amountPaid: number;
  /** Each transfer received, keyed like notifications' `reference` so both deduplicate. */
  transfers: { reference: string; amount: number }[];
}

export interface PaymentProvider {
  readonly name: GatewayName;
  /** False when keys or URLs are missing: the method is then offered as unavailable. */
  isConfigured(): boolean;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /** Verifies the signature exactly as the gateway documents before trusting any field. */
  parseNotification(request: NotificationRequest): Promise<ParsedNotification>;
  acknowledge(result: AckResult): GatewayAnswer;
  /** For reconciliation of payments left pending; `providerRef` comes from `createPayment`. */
  queryPayment(orderCode: number, providerRef?: string): Promise<PaymentQueryResult>;
}

export type UnavailableReason = 'not_configured' | 'unreachable' | 'timeout' | 'server_error';

/** The gateway cannot be reached (offline store, DNS, timeout, 5xx) or is not configured. */
export class GatewayUnavailableError extends Error {
  override readonly name = 'GatewayUnavailableError';
  readonly code = 'GATEWAY_UNAVAILABLE';

  constructor(
    readonly gateway: GatewayName,
    readonly reason: UnavailableReason,
    options?: { cause?: unknown },
  ) {
    super(`${gateway} is unavailable (${reason})`, options);
  }
}

/** The gateway answered, but refused the request or answered something we cannot trust. */
export class GatewayRejectedError extends Error {
  override readonly name = 'GatewayRejectedError';
  readonly code = 'GATEWAY_REJECTED';

  constructor(
    readonly gateway: GatewayName,
    readonly gatewayCode: string,
    message: string,
  ) {
    super(`${gateway} rejected the request (${gatewayCode}): ${message}`);
  }
}
