import { createHmac, randomBytes } from 'node:crypto';
import { deliver, startLoopbackServer, type LoopbackRequest } from './loopback-server.ts';

/**
 * VNPay (API 2.1.0) on loopback, signing as VNPay documents and its demo code does:
 * - payment URL and IPN: vnp_* fields (without vnp_SecureHash/Type) sorted by name, each value
 *   encodeURIComponent'd with %20 as '+', joined `k=v&…`, HMAC-SHA512(hashSecret), hex.
 * - querydr request: HMAC-SHA512 of `vnp_RequestId|vnp_Version|vnp_Command|vnp_TmnCode|
 *   vnp_TxnRef|vnp_TransactionDate|vnp_CreateDate|vnp_IpAddr|vnp_OrderInfo`.
 * - querydr answer: `vnp_ResponseId|vnp_Command|vnp_ResponseCode|vnp_Message|vnp_TmnCode|
 *   vnp_TxnRef|vnp_Amount|vnp_BankCode|vnp_PayDate|vnp_TransactionNo|vnp_TransactionType|
 *   vnp_TransactionStatus|vnp_OrderInfo|vnp_PromotionCode|vnp_PromotionAmount`.
 */
export interface VnpayFakeOptions {
  tmnCode: string;
  hashSecret: string;
}

export interface FakeVnpayPayment {
  txnRef: string;
  amount: number;
  orderInfo: string;
  createDate: string;
  expireDate: string;
  ipAddr: string;
  transactionNo?: string;
  transactionStatus: '00' | '01' | '02';
}

type Params = Record<string, string>;

export function vnpaySignData(params: Params): string {
  return Object.keys(params)
    .filter((key) => key !== 'vnp_SecureHash' && key !== 'vnp_SecureHashType')
    .sort()
    .map((key) => `${key}=${encodeURIComponent(params[key] ?? '').replace(/%20/g, '+')}`)
    .join('&');
}

export function vnpayHash(secret: string, data: string): string {
  return createHmac('sha512', secret).update(Buffer.from(data, 'utf-8')).digest('hex');
}

const QUERY_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
];
const ANSWER_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
];
const piped = (fields: string[], values: Record<string, unknown>) =>
  fields.map((field) => String(values[field] ?? '')).join('|');

const DATE = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/;
/** "Tiếng Việt không dấu và không bao gồm các ký tự đặc biệt" — held strictly here. */
const ORDER_INFO = /^[A-Za-z0-9 -]{1,255}$/;

export async function startVnpayGatewayFake(options: VnpayFakeOptions) {
  const payments = new Map<string, FakeVnpayPayment>();
  const rejected: string[] = [];
  let ipnUrl = '';
  let lastIpn = '';
  let transactionNo = 14_226_000;

  function openPaymentPage(request: LoopbackRequest) {
    const params = request.query;
    const expected = vnpayHash(options.hashSecret, vnpaySignData(params));
    const problem =
      params.vnp_SecureHash !== expected
        ? 'invalid signature'
        : params.vnp_TmnCode !== options.tmnCode
          ? 'unknown merchant'
          : params.vnp_Version !== '2.1.0' || params.vnp_Command !== 'pay'
            ? 'bad version or command'
            : !DATE.test(params.vnp_CreateDate ?? '') || !DATE.test(params.vnp_ExpireDate ?? '')
              ? 'bad date'
              : (params.vnp_ExpireDate ?? '') <= (params.vnp_CreateDate ?? '')
                ? 'expires before it is created'
                : !ORDER_INFO.test(params.vnp_OrderInfo ?? '')
                  ? 'vnp_OrderInfo has special characters'
                  : !/^\d+00$/.test(params.vnp_Amount ?? '')
                    ? 'bad amount'
                    : '';
    if (problem) {
      rejected.push(problem);
      return { status: 400, body: `VNPAY: ${problem}`, contentType: 'text/plain' };
    }
    payments.set(params.vnp_TxnRef ?? '', {
      txnRef: params.vnp_TxnRef ?? '',
      amount: Number(params.vnp_Amount) / 100,
      orderInfo: params.vnp_OrderInfo ?? '',
      createDate: params.vnp_CreateDate ?? '',
      expireDate: params.vnp_ExpireDate ?? '',
      ipAddr: params.vnp_IpAddr ?? '',
      transactionStatus: '01',
    });
    return { status: 200, body: '<html>VNPAY</html>', contentType: 'text/html' };
  }

  function queryDr(request: LoopbackRequest) {
    const q = (request.json ?? {}) as Record<string, unknown>;
    const signed = (answer: Record<string, unknown>) => {
      const full = {
        vnp_ResponseId: randomBytes(8).toString('hex'),
        vnp_Command: 'querydr',
        vnp_TmnCode: q.vnp_TmnCode,
        ...answer,
      };
      const hash = vnpayHash(options.hashSecret, piped(ANSWER_FIELDS, full));
      return { status: 200, body: { ...full, vnp_SecureHash: hash } };
    };
    if (q.vnp_SecureHash !== vnpayHash(options.hashSecret, piped(QUERY_FIELDS, q))) {
      return signed({ vnp_ResponseCode: '97', vnp_Message: 'Invalid checksum' });
    }
    if (q.vnp_TmnCode !== options.tmnCode) {
      return signed({ vnp_ResponseCode: '02', vnp_Message: 'Merchant is not valid' });
    }
    const payment = payments.get(String(q.vnp_TxnRef));
    if (!payment || String(q.vnp_TransactionDate) !== payment.createDate) {
      return signed({ vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' });
    }
    return signed({
      vnp_ResponseCode: '00',
      vnp_Message: 'QueryDR Success',
      vnp_TmnCode: options.tmnCode,
      vnp_TxnRef: payment.txnRef,
      vnp_Amount: String(payment.amount * 100),
      vnp_BankCode: 'NCB',
      vnp_PayDate: payment.transactionNo ? payment.createDate : '',
      vnp_TransactionNo: payment.transactionNo ?? '0',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: payment.transactionStatus,
      vnp_OrderInfo: payment.orderInfo,
    });
  }

  const server = await startLoopbackServer((request) => {
    if (request.method === 'GET' && request.path === '/paymentv2/vpcpay.html') {
      return openPaymentPage(request);
    }
    if (request.method === 'POST' && request.path === '/merchant_webapi/api/transaction') {
      return queryDr(request);
    }
    return { status: 404, body: 'not found', contentType: 'text/plain' };
  });

  /** Calls the merchant's IPN URL with GET, as VNPay does; the query is kept for resends. */
  async function send(query: string) {
    lastIpn = query;
    return { sent: query, ...(await deliver(`${ipnUrl}?${query}`, { method: 'GET' })) };
  }

  function ipnQuery(params: Params, secret = options.hashSecret) {
    const data = vnpaySignData(params);
    return `${data}&vnp_SecureHash=${vnpayHash(secret, data)}`;
  }

  interface PayOptions {
    amount?: number;
    reference?: string;
    responseCode?: string;
    transactionStatus?: string;
  }

  function ipnParams(orderCode: number, opts: PayOptions): Params {
    const payment = payments.get(String(orderCode));
    const reference = opts.reference ?? String(++transactionNo);
    const responseCode = opts.responseCode ?? '00';
    const transactionStatus = opts.transactionStatus ?? '00';
    return {
      vnp_Amount: String((opts.amount ?? payment?.amount ?? 0) * 100),
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: `VNP${reference}`,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: payment?.orderInfo ?? `Thanh toan don ${orderCode}`,
      vnp_PayDate: payment?.createDate ?? '20260102030500',
      vnp_ResponseCode: responseCode,
      vnp_TmnCode: options.tmnCode,
      vnp_TransactionNo: reference,
      vnp_TransactionStatus: transactionStatus,
      vnp_TxnRef: String(orderCode),
    };
  }

  return {
    paymentUrl: `${server.url}/paymentv2/vpcpay.html`,
    queryUrl: `${server.url}/merchant_webapi/api/transaction`,
    payments,
    /** Why payment URLs were refused, in order. */
    rejected,
    requests: server.requests,
    setIpnUrl(url: string) {
      ipnUrl = url;
    },
    /** The customer pays; VNPay then calls the IPN URL with the result. */
    pay(orderCode: number, opts: PayOptions = {}) {
      const params = ipnParams(orderCode, opts);
      const payment = payments.get(String(orderCode));
      if (payment && params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00') {
        payment.transactionNo = params.vnp_TransactionNo;
        payment.transactionStatus = '00';
      }
      return send(ipnQuery(params));
    },
    /** An IPN for less than the payment asked (VNPay itself never splits a payment). */
    payPartially: (orderCode: number, amount: number) =>
      send(ipnQuery(ipnParams(orderCode, { amount }))),
    sendDuplicate: () => send(lastIpn),
    /** The last IPN with `change` applied to its fields and its hash left as it was. */
    resendTampered(change: (params: Params) => void) {
      const params = Object.fromEntries(new URLSearchParams(lastIpn));
      const hash = params.vnp_SecureHash ?? '';
      change(params);
      return send(`${vnpaySignData(params)}&vnp_SecureHash=${hash}`);
    },
    sendWithBadSignature: (orderCode: number, opts: PayOptions = {}) =>
      send(ipnQuery(ipnParams(orderCode, opts), 'not-the-hash-secret')),
    close: server.close,
  };
}

export type VnpayGatewayFake = Awaited<ReturnType<typeof startVnpayGatewayFake>>;
