import type { IdGenerator } from '#main/backend/lib/ids';
import {
  isRecord,
  parseOrderCode,
  parseWholeNumber,
  postJson,
  requireWholeDong,
  sameSignature,
} from './gateway-support.ts';
import {
  MOMO_CREATE_FIELDS,
  MOMO_IPN_FIELDS,
  MOMO_QUERY_FIELDS,
  momoSign,
  type MomoSignatureValues,
} from './momo-signature.ts';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type AckResult,
  type GatewayAnswer,
  type GatewayPaymentStatus,
  type PaymentProvider,
} from './payment-provider.ts';

export interface MomoConfig {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
  /** Gateway base, e.g. https://payment.momo.vn (paths /v2/gateway/api/… are appended). */
  endpoint: string;
  /** Where MoMo posts the IPN; MoMo takes it per request rather than from a portal. */
  ipnUrl: string;
  requestType?: string;
  lang?: 'vi' | 'en';
  /** MoMo asks callers to wait at least 30 s for create and query. */
  timeoutMs?: number;
}

export interface MomoDeps {
  ids: IdGenerator;
}

/** Non-final result codes: the customer may still pay. */
const STILL_PENDING = new Set([1000, 7000, 7002, 8000, 9000]);
/** Final result codes of a payment that did not happen. */
const ENDED: Record<number, GatewayPaymentStatus> = {
  1005: 'expired',
  1003: 'cancelled',
  1006: 'cancelled',
  1001: 'cancelled',
  1002: 'cancelled',
  1004: 'cancelled',
  1007: 'cancelled',
  1017: 'cancelled',
  1026: 'cancelled',
  1080: 'cancelled',
  1081: 'cancelled',
  4001: 'cancelled',
  4100: 'cancelled',
};
/** "orderId is invalid or not found". */
const ORDER_NOT_FOUND = 42;

function statusOf(resultCode: number): GatewayPaymentStatus {
  if (resultCode === 0) return 'paid';
  if (STILL_PENDING.has(resultCode)) return 'pending';
  return ENDED[resultCode] ?? 'unknown';
}

export function createMomoProvider(config: MomoConfig, deps: MomoDeps): PaymentProvider {
  const configured = [
    config.partnerCode,
    config.accessKey,
    config.secretKey,
    config.endpoint,
    config.ipnUrl,
  ].every((value) => value.trim() !== '');
  const timeoutMs = config.timeoutMs ?? 30_000;
  const url = (path: string) => new URL(path, config.endpoint.replace(/\/?$/, '/')).toString();
  const { accessKey, partnerCode, secretKey } = config;

  function ensureConfigured() {
    if (!configured) throw new GatewayUnavailableError('momo', 'not_configured');
  }

  async function call(path: string, body: Record<string, unknown>) {
    const { status, json } = await postJson('momo', url(path), body, timeoutMs);
    if (!isRecord(json)) throw new GatewayRejectedError('momo', `HTTP_${status}`, 'bad answer');
    return json;
  }

  return {
    name: 'momo',
    isConfigured: () => configured,

    async createPayment(input) {
      ensureConfigured();
      const fields = {
        accessKey,
        amount: requireWholeDong(input.amount),
        extraData: '',
        ipnUrl: config.ipnUrl,
        orderId: String(input.orderCode),
        orderInfo: input.description,
        partnerCode,
        redirectUrl: input.returnUrl,
        // One requestId per order code: MoMo treats a repeated requestId as a replay and answers
        // the first result, so retrying a create that timed out cannot open a second payment.
        requestId: `${input.orderCode}-create`,
        requestType: config.requestType ?? 'captureWallet',
      };
      const { accessKey: _signedOnly, ...body } = fields;
      const answer = await call('v2/gateway/api/create', {
        ...body,
        lang: config.lang ?? 'vi',
        signature: momoSign(MOMO_CREATE_FIELDS, fields, secretKey),
      });
      if (answer.resultCode !== 0 || typeof answer.payUrl !== 'string') {
        throw new GatewayRejectedError('momo', String(answer.resultCode), String(answer.message));
      }
      if (answer.orderId !== fields.orderId || answer.partnerCode !== partnerCode) {
        throw new GatewayRejectedError('momo', 'MISMATCH', 'answer is for another order');
      }
      return {
        checkoutUrl: answer.payUrl,
        providerRef: fields.requestId,
        qrCode: typeof answer.qrCodeUrl === 'string' ? answer.qrCodeUrl : undefined,
        reused: false,
      };
    },

    async parseNotification(request) {
      ensureConfigured();
      const body = request.body;
      if (!isRecord(body) || typeof body.signature !== 'string') {
        return { ok: false, reason: 'malformed' };
      }
      const signed = { ...body, accessKey } as MomoSignatureValues<typeof MOMO_IPN_FIELDS>;
      const expected = momoSign(MOMO_IPN_FIELDS, signed, secretKey);
      if (!sameSignature(expected, body.signature)) return { ok: false, reason: 'bad_signature' };
      const orderCode = parseOrderCode(body.orderId);
      const amount = parseWholeNumber(body.amount);
      const reference = body.transId === undefined ? '' : String(body.transId);
      if (orderCode === null || amount === null || !reference || body.partnerCode !== partnerCode) {
        return { ok: false, reason: 'malformed' };
      }
      const paid = Number(body.resultCode) === 0;
      return { ok: true, notification: { orderCode, amount, paid, reference, raw: body } };
    },

    acknowledge(result: AckResult): GatewayAnswer {
      // MoMo wants 204 No Content within 15 s for every IPN it should not send again.
      if (result === 'bad_signature' || result === 'malformed')
        return { status: 400, body: undefined };
      if (result === 'error') return { status: 500, body: undefined };
      return { status: 204, body: undefined };
    },

    async queryPayment(orderCode) {
      ensureConfigured();
      const fields = {
        accessKey,
        orderId: String(orderCode),
        partnerCode,
        requestId: deps.ids.uuid(),
      };
      const { accessKey: _signedOnly, ...body } = fields;
      const answer = await call('v2/gateway/api/query', {
        ...body,
        lang: config.lang ?? 'vi',
        signature: momoSign(MOMO_QUERY_FIELDS, fields, secretKey),
      });
      const resultCode = Number(answer.resultCode);
      if (resultCode === ORDER_NOT_FOUND)
        return { status: 'unknown', amountPaid: 0, transfers: [] };
      if (answer.orderId !== fields.orderId || answer.partnerCode !== partnerCode) {
        throw new GatewayRejectedError('momo', 'MISMATCH', 'answer is for another order');
      }
      const status = statusOf(resultCode);
      const paid = status === 'paid';
      const amount = parseWholeNumber(answer.amount) ?? 0;
      return {
        status,
        amountPaid: paid ? amount : 0,
        transfers:
          paid && answer.transId !== undefined
            ? [{ reference: String(answer.transId), amount }]
            : [],
      };
    },
  };
}
