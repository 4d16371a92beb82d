import {
  APIError,
  ConnectionError,
  ConnectionTimeoutError,
  InvalidSignatureError,
  PayOS,
  WebhookError,
  type PaymentLink,
  type Webhook,
} from '@payos/node';
import {
  asciiText,
  isRecord,
  parseOrderCode,
  parseWholeNumber,
  requireWholeDong,
} from './gateway-support.ts';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type AckResult,
  type CreatePaymentInput,
  type CreatedPayment,
  type GatewayAnswer,
  type GatewayPaymentStatus,
  type NotificationRequest,
  type ParsedNotification,
  type PaymentProvider,
  type PaymentQueryResult,
} from './payment-provider.ts';

export interface PayosConfig {
  clientId: string;
  apiKey: string;
  checksumKey: string;
  /** API base, e.g. https://api-merchant.payos.vn */
  baseUrl: string;
  /**
   * Where a link's checkout page lives (https://pay.payos.vn/web/); the link lookup used to
   * reuse an existing order answers no checkoutUrl, so it is rebuilt from the link id.
   */
  checkoutBaseUrl: string;
  timeoutMs?: number;
  /** The SDK's own retries on timeouts and 5xx; a retried create is what answers code 231. */
  maxRetries?: number;
}

/** payOS answers this code when the order code already has a payment link. */
const ORDER_EXISTS = '231';
/** payOS's code for "no such payment link". */
const LINK_NOT_FOUND = '101';

const STATUS: Record<PaymentLink['status'], GatewayPaymentStatus> = {
  PAID: 'paid',
  PENDING: 'pending',
  PROCESSING: 'pending',
  // A link keeps taking transfers until the sum is reached; the caller sums them.
  UNDERPAID: 'pending',
  CANCELLED: 'cancelled',
  FAILED: 'cancelled',
  EXPIRED: 'expired',
};

export function createPayosProvider(config: PayosConfig): PaymentProvider {
  const configured = [
    config.clientId,
    config.apiKey,
    config.checksumKey,
    config.baseUrl,
    config.checkoutBaseUrl,
  ].every((value) => value.trim() !== '');
  const client = configured
    ? new PayOS({
        clientId: config.clientId,
        apiKey: config.apiKey,
        checksumKey: config.checksumKey,
        baseURL: config.baseUrl,
        timeout: config.timeoutMs ?? 15_000,
        maxRetries: config.maxRetries ?? 2,
        logLevel: 'off',
      })
    : null;

  function sdk(): PayOS {
    if (!client) throw new GatewayUnavailableError('payos', 'not_configured');
    return client;
  }

  function translate(error: unknown): unknown {
    if (error instanceof ConnectionError || error instanceof ConnectionTimeoutError) {
      const reason = error instanceof ConnectionTimeoutError ? 'timeout' : 'unreachable';
      return new GatewayUnavailableError('payos', reason, { cause: error });
    }
    if (error instanceof InvalidSignatureError) {
      return new GatewayRejectedError('payos', 'BAD_RESPONSE_SIGNATURE', error.message);
    }
    if (error instanceof APIError) {
      if ((error.status ?? 0) >= 500) {
        return new GatewayUnavailableError('payos', 'server_error', { cause: error });
      }
      return new GatewayRejectedError('payos', String(error.code ?? error.status), error.message);
    }
    return error;
  }

  const checkoutUrlOf = (linkId: string) =>
    new URL(encodeURIComponent(linkId), config.checkoutBaseUrl.replace(/\/?$/, '/')).toString();

  /**
   * The SDK retries a create that timed out; when the first try did reach payOS, the retry
   * answers 231. The link that exists is the one the customer may already be paying, so it is
   * reused, never replaced by a second payable code for the same sale.
   */
  async function reuseExisting(input: CreatePaymentInput): Promise<CreatedPayment> {
    const link = await sdk().paymentRequests.get(input.orderCode);
    if (link.amount !== input.amount) {
      throw new GatewayRejectedError('payos', ORDER_EXISTS, 'order code exists for another amount');
    }
    if (STATUS[link.status] === 'cancelled' || STATUS[link.status] === 'expired') {
      throw new GatewayRejectedError('payos', ORDER_EXISTS, `order code exists, ${link.status}`);
    }
    return { checkoutUrl: checkoutUrlOf(link.id), providerRef: link.id, reused: true };
  }

  return {
    name: 'payos',
    isConfigured: () => configured,

    async createPayment(input) {
      try {
        const link = await sdk().paymentRequests.create({
          orderCode: input.orderCode,
          amount: requireWholeDong(input.amount),
          // Becomes the bank transfer content: ASCII, and payOS caps it at 25 characters.
          description: asciiText(input.description, /[A-Za-z0-9 ]/, 25) || `DH${input.orderCode}`,
          returnUrl: input.returnUrl,
          cancelUrl: input.cancelUrl,
        });
        return {
          checkoutUrl: link.checkoutUrl,
          providerRef: link.paymentLinkId,
          qrCode: link.qrCode,
          reused: false,
        };
      } catch (error) {
        if (error instanceof APIError && error.code === ORDER_EXISTS) {
          try {
            return await reuseExisting(input);
          } catch (lookupError) {
            throw translate(lookupError);
          }
        }
        throw translate(error);
      }
    },

    async parseNotification(request: NotificationRequest): Promise<ParsedNotification> {
      const body = request.body;
      if (!isRecord(body) || !isRecord(body.data) || typeof body.signature !== 'string') {
        return { ok: false, reason: 'malformed' };
      }
      try {
        // verify() is async: an un-awaited promise would be truthy and pass anything.
        await sdk().webhooks.verify(body as unknown as Webhook);
      } catch (error) {
        if (error instanceof WebhookError) return { ok: false, reason: 'bad_signature' };
        throw error;
      }
      const data = body.data;
      const orderCode = parseOrderCode(data.orderCode);
      const amount = parseWholeNumber(data.amount);
      const reference = data.reference;
      if (orderCode === null || amount === null || typeof reference !== 'string' || !reference) {
        return { ok: false, reason: 'malformed' };
      }
      // Only `data` is signed; the top-level code/success are not, so they decide nothing.
      const paid = data.code === '00';
      return { ok: true, notification: { orderCode, amount, paid, reference, raw: body } };
    },

    acknowledge(result: AckResult): GatewayAnswer {
      // payOS retries until it gets a 2xx, and its confirm-webhook check posts a sample for an
      // order we do not know: everything we have handled answers 200.
      if (result === 'bad_signature' || result === 'malformed') {
        return { status: 400, body: { success: false } };
      }
      if (result === 'error') return { status: 500, body: { success: false } };
      return { status: 200, body: { success: true } };
    },

    async queryPayment(orderCode): Promise<PaymentQueryResult> {
      let link: PaymentLink;
      try {
        link = await sdk().paymentRequests.get(orderCode);
      } catch (error) {
        if (error instanceof APIError && (error.status === 404 || error.code === LINK_NOT_FOUND)) {
          return { status: 'unknown', amountPaid: 0, transfers: [] };
        }
        throw translate(error);
      }
      return {
        status: STATUS[link.status] ?? 'unknown',
        amountPaid: link.amountPaid,
        transfers: link.transactions.map(({ reference, amount }) => ({ reference, amount })),
      };
    },
  };
}
