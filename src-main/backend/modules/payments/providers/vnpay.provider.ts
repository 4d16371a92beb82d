import { HashAlgorithm, VNPay, VnpLocale, type QueryDr, type ReturnQueryFromVNPay } from 'vnpay';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import { toVietnamLocal } from '#shared/text/vietnam-time';
import {
  asciiText,
  parseOrderCode,
  parseWholeNumber,
  requireWholeDong,
  withGatewayTimeout,
} from './gateway-support.ts';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type AckResult,
  type GatewayAnswer,
  type GatewayPaymentStatus,
  type PaymentProvider,
} from './payment-provider.ts';

export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  /** Full payment page URL, e.g. https://pay.vnpay.vn/vpcpay.html */
  paymentUrl: string;
  /**
   * Full querydr URL. Always given explicitly: the library otherwise queries its sandbox host
   * even when the payment URL points at production.
   */
  queryUrl: string;
  expiryMinutes?: number;
  /** This server's address, sent as vnp_IpAddr on queries (and on payments without one). */
  serverIp?: string;
  locale?: 'vn' | 'en';
  timeoutMs?: number;
}

export interface VnpayDeps {
  clock: Clock;
  ids: IdGenerator;
}

/**
 * yyyyMMddHHmmss in Vietnam time (UTC+7, no daylight saving), computed from the instant alone.
 * The library's default reads the machine's local zone and is wrong anywhere but UTC.
 */
export const vnpayDateTime = (instant: Date): string =>
  toVietnamLocal(instant.getTime()).replace(/\D/g, '');

/**
 * vnp_OrderInfo as VNPay wants it: no tone marks, no special characters. Letters, digits,
 * spaces and hyphens survive every encoder involved in the hash (the library's, the
 * gateway's, the demo code's), so the signature cannot drift on punctuation.
 */
export function vnpayOrderInfo(description: string, orderCode: number): string {
  return asciiText(description, /[A-Za-z0-9 -]/, 255) || `Thanh toan don ${orderCode}`;
}

/** vnp_TransactionStatus of a querydr answer, as a payment status. */
const QUERY_STATUS: Record<string, GatewayPaymentStatus> = {
  '00': 'paid',
  '01': 'pending',
  '02': 'cancelled',
};

const IPN_ANSWERS: Record<AckResult, { RspCode: string; Message: string }> = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  unknown_order: { RspCode: '01', Message: 'Order not found' },
  already_confirmed: { RspCode: '02', Message: 'Order already confirmed' },
  amount_mismatch: { RspCode: '04', Message: 'Invalid amount' },
  bad_signature: { RspCode: '97', Message: 'Invalid signature' },
  malformed: { RspCode: '99', Message: 'Invalid request' },
  error: { RspCode: '99', Message: 'Unknown error' },
};

/** providerRef keeps the create date: querydr needs it as vnp_TransactionDate. */
const providerRefOf = (orderCode: number, createDate: string) => `${orderCode}@${createDate}`;

export function createVnpayProvider(config: VnpayConfig, deps: VnpayDeps): PaymentProvider {
  const configured = [config.tmnCode, config.hashSecret, config.paymentUrl, config.queryUrl].every(
    (value) => value.trim() !== '',
  );
  const serverIp = config.serverIp ?? '127.0.0.1';
  const timeoutMs = config.timeoutMs ?? 30_000;

  function build(): VNPay {
    const payment = new URL(config.paymentUrl);
    const query = new URL(config.queryUrl);
    return new VNPay({
      tmnCode: config.tmnCode,
      secureSecret: config.hashSecret,
      vnpayHost: payment.origin,
      queryDrAndRefundHost: query.origin,
      endpoints: { paymentEndpoint: payment.pathname, queryDrRefundEndpoint: query.pathname },
      hashAlgorithm: HashAlgorithm.SHA512,
      vnp_Locale: config.locale === 'en' ? VnpLocale.EN : VnpLocale.VN,
      enableLog: false,
    });
  }
  const client = configured ? build() : null;
  function sdk(): VNPay {
    if (!client) throw new GatewayUnavailableError('vnpay', 'not_configured');
    return client;
  }

  return {
    name: 'vnpay',
    isConfigured: () => configured,

    async createPayment(input) {
      const now = deps.clock.now();
      const createDate = vnpayDateTime(now);
      const expiry = (config.expiryMinutes ?? 15) * 60_000;
      // Building the URL is local; VNPay checks the signature when the customer opens it.
      const checkoutUrl = sdk().buildPaymentUrl({
        vnp_Amount: requireWholeDong(input.amount),
        vnp_OrderInfo: vnpayOrderInfo(input.description, input.orderCode),
        vnp_TxnRef: String(input.orderCode),
        vnp_IpAddr: input.ipAddress ?? serverIp,
        vnp_ReturnUrl: input.returnUrl,
        vnp_CreateDate: Number(createDate),
        vnp_ExpireDate: Number(vnpayDateTime(new Date(now.getTime() + expiry))),
      });
      return {
        checkoutUrl,
        providerRef: providerRefOf(input.orderCode, createDate),
        reused: false,
      };
    },

    async parseNotification(request) {
      // VNPay calls the IPN URL with GET; only vnp_* parameters take part in the hash.
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.query)) {
        if (!key.startsWith('vnp_')) continue;
        if (typeof value !== 'string') return { ok: false, reason: 'malformed' };
        params[key] = value;
      }
      if (!params.vnp_SecureHash) return { ok: false, reason: 'bad_signature' };
      let verified: ReturnType<VNPay['verifyIpnCall']>;
      try {
        verified = sdk().verifyIpnCall(params as unknown as ReturnQueryFromVNPay);
      } catch {
        return { ok: false, reason: 'malformed' }; // the library throws on a non-numeric amount
      }
      if (!verified.isVerified) return { ok: false, reason: 'bad_signature' };
      const orderCode = parseOrderCode(params.vnp_TxnRef);
      const amountX100 = parseWholeNumber(params.vnp_Amount);
      const reference = params.vnp_TransactionNo;
      if (
        orderCode === null ||
        amountX100 === null ||
        amountX100 % 100 !== 0 ||
        !reference ||
        params.vnp_TmnCode !== config.tmnCode
      ) {
        return { ok: false, reason: 'malformed' };
      }
      // A response code of 00 alone is not a payment: the transaction status must agree.
      const paid = params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00';
      const notification = { orderCode, amount: amountX100 / 100, paid, reference, raw: params };
      return { ok: true, notification };
    },

    acknowledge(result): GatewayAnswer {
      return { status: 200, body: IPN_ANSWERS[result], contentType: 'application/json' };
    },

    async queryPayment(orderCode, providerRef) {
      const [refCode, createDate] = (providerRef ?? '').split('@');
      if (refCode !== String(orderCode) || !createDate || !/^\d{14}$/.test(createDate)) {
        throw new Error('VNPay needs the providerRef from createPayment to query a payment');
      }
      const query = {
        vnp_RequestId: deps.ids.uuid().replaceAll('-', '').slice(0, 32),
        vnp_TxnRef: String(orderCode),
        vnp_OrderInfo: `Truy van don ${orderCode}`,
        vnp_TransactionDate: Number(createDate),
        vnp_CreateDate: Number(vnpayDateTime(deps.clock.now())),
        vnp_IpAddr: serverIp,
      } as QueryDr; // vnp_TransactionNo is optional at VNPay; we do not know it yet
      const answer = await withGatewayTimeout('vnpay', timeoutMs, () => sdk().queryDr(query));
      // The library only flags a wrong hash; an answer without one must not count either.
      if (!answer.vnp_SecureHash || !answer.isVerified) {
        throw new GatewayRejectedError('vnpay', 'BAD_RESPONSE_SIGNATURE', 'unsigned answer');
      }
      const code = String(answer.vnp_ResponseCode);
      if (code === '91') return { status: 'unknown', amountPaid: 0, transfers: [] };
      if (code !== '00' || String(answer.vnp_TxnRef) !== String(orderCode)) {
        throw new GatewayRejectedError('vnpay', code, answer.message);
      }
      const status = QUERY_STATUS[String(answer.vnp_TransactionStatus)] ?? 'unknown';
      const paid = status === 'paid';
      const amountPaid = paid ? Number(answer.vnp_Amount) / 100 : 0;
      return {
        status,
        amountPaid,
        transfers:
          paid && answer.vnp_TransactionNo
            ? [{ reference: String(answer.vnp_TransactionNo), amount: amountPaid }]
            : [],
      };
    },
  };
}
