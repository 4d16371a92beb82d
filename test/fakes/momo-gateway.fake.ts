import { createHmac } from 'node:crypto';
import { deliver, startLoopbackServer, type LoopbackRequest } from './loopback-server.ts';

/**
 * MoMo payment gateway v2 on loopback. Every signature is HMAC-SHA256(secretKey), hex, over
 * the fields below in this order as `k=v&…` with raw values (developers.momo.vn):
 */
const CREATE =
  'accessKey amount extraData ipnUrl orderId orderInfo partnerCode redirectUrl requestId requestType';
const QUERY = 'accessKey orderId partnerCode requestId';
const IPN =
  'accessKey amount extraData message orderId orderInfo orderType partnerCode payType requestId responseTime resultCode transId';

export interface MomoFakeOptions {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
}

export interface FakeMomoOrder {
  orderId: string;
  requestId: string;
  amount: number;
  orderInfo: string;
  ipnUrl: string;
  /** 1000: waiting for the customer; 0: paid. */
  resultCode: number;
  transId?: number;
  createAnswer: Record<string, unknown>;
}

export async function startMomoGatewayFake(options: MomoFakeOptions) {
  const orders = new Map<string, FakeMomoOrder>();
  let lastIpn: { url: string; body: Record<string, unknown> } | undefined;
  let transId = 4_088_878_000;
  let clock = 1_767_297_600_000; // 2026-01-02T03:00:00+07:00, moving a second per answer

  const sign = (fields: string, values: Record<string, unknown>, key = options.secretKey) => {
    const raw = fields
      .split(' ')
      .map((field) => `${field}=${String(values[field] ?? '')}`)
      .join('&');
    return createHmac('sha256', key).update(raw).digest('hex');
  };
  const signedBy = (fields: string, body: Record<string, unknown>) =>
    body.signature === sign(fields, { ...body, accessKey: options.accessKey });
  const refuse = (resultCode: number, message: string) => ({
    status: 400,
    body: { partnerCode: options.partnerCode, resultCode, message, responseTime: ++clock },
  });

  function create(request: LoopbackRequest) {
    const body = (request.json ?? {}) as Record<string, unknown>;
    if (body.partnerCode !== options.partnerCode || !signedBy(CREATE, body)) {
      return refuse(13, 'Merchant authentication failed.');
    }
    const orderId = String(body.orderId);
    const existing = orders.get(orderId);
    // requestId carries idempotency: the same request again gets the same answer.
    if (existing && existing.requestId === body.requestId) {
      return { status: 200, body: existing.createAnswer };
    }
    if (existing) return refuse(41, 'Duplicated orderId.');
    const token = Buffer.from(`${orderId}:${String(body.requestId)}`).toString('base64url');
    const createAnswer = {
      partnerCode: options.partnerCode,
      orderId,
      requestId: body.requestId,
      amount: body.amount,
      responseTime: ++clock,
      message: 'Thành công.',
      resultCode: 0,
      payUrl: `${server.url}/v2/gateway/pay?t=${token}`,
      deeplink: `momo://app?action=payWithApp&t=${token}`,
      qrCodeUrl: `momo://app?action=payWithApp&isScanQR=true&t=${token}`,
    };
    orders.set(orderId, {
      orderId,
      requestId: String(body.requestId),
      amount: Number(body.amount),
      orderInfo: String(body.orderInfo),
      ipnUrl: String(body.ipnUrl),
      resultCode: 1000,
      createAnswer,
    });
    return { status: 200, body: createAnswer };
  }

  function query(request: LoopbackRequest) {
    const body = (request.json ?? {}) as Record<string, unknown>;
    if (body.partnerCode !== options.partnerCode || !signedBy(QUERY, body)) {
      return refuse(13, 'Merchant authentication failed.');
    }
    const order = orders.get(String(body.orderId));
    const common = {
      partnerCode: options.partnerCode,
      orderId: body.orderId,
      requestId: body.requestId,
    };
    if (!order) {
      return {
        status: 200,
        body: {
          ...common,
          resultCode: 42,
          message: 'Invalid orderId or orderId is not found.',
          responseTime: ++clock,
        },
      };
    }
    const paid = order.resultCode === 0;
    return {
      status: 200,
      body: {
        ...common,
        extraData: '',
        amount: order.amount,
        transId: order.transId ?? 0,
        payType: paid ? 'qr' : '',
        resultCode: order.resultCode,
        refundTrans: [],
        message: paid
          ? 'Thành công.'
          : 'Giao dịch đã được khởi tạo, chờ người dùng xác nhận thanh toán.',
        responseTime: ++clock,
      },
    };
  }

  const server = await startLoopbackServer((request) => {
    if (request.method === 'POST' && request.path === '/v2/gateway/api/create')
      return create(request);
    if (request.method === 'POST' && request.path === '/v2/gateway/api/query')
      return query(request);
    return { status: 404, body: { resultCode: 99, message: 'Not found' } };
  });

  async function post(url: string, body: Record<string, unknown>) {
    lastIpn = { url, body: structuredClone(body) };
    return { sent: body, ...(await deliver(url, { method: 'POST', json: body })) };
  }

  interface PayOptions {
    amount?: number;
    reference?: number;
    resultCode?: number;
    /** Where to send when MoMo never saw the order (it normally uses the create's ipnUrl). */
    ipnUrl?: string;
  }

  function ipnBody(orderCode: number, opts: PayOptions, key?: string) {
    const order = orders.get(String(orderCode));
    const resultCode = opts.resultCode ?? 0;
    const body: Record<string, unknown> = {
      partnerCode: options.partnerCode,
      orderId: String(orderCode),
      requestId: order?.requestId ?? `${orderCode}-create`,
      amount: opts.amount ?? order?.amount ?? 0,
      orderInfo: order?.orderInfo ?? '',
      orderType: 'momo_wallet',
      transId: opts.reference ?? ++transId,
      resultCode,
      message: resultCode === 0 ? 'Successful.' : 'Transaction denied by user.',
      payType: 'qr',
      responseTime: ++clock,
      extraData: '',
    };
    body.signature = sign(IPN, { ...body, accessKey: options.accessKey }, key);
    const url = opts.ipnUrl ?? order?.ipnUrl;
    if (!url) throw new Error(`no ipnUrl for order ${orderCode}`);
    return { url, body, order };
  }

  return {
    endpoint: server.url,
    orders,
    requests: server.requests,
    /** The customer confirms in the MoMo app; MoMo posts the IPN to the create's ipnUrl. */
    pay(orderCode: number, opts: PayOptions = {}) {
      const { url, body, order } = ipnBody(orderCode, opts);
      if (order && body.resultCode === 0) {
        order.resultCode = 0;
        order.transId = Number(body.transId);
      }
      return post(url, body);
    },
    /** An IPN for less than the order asked (MoMo itself never splits a payment). */
    payPartially: (orderCode: number, amount: number) => {
      const { url, body } = ipnBody(orderCode, { amount });
      return post(url, body);
    },
    sendDuplicate() {
      if (!lastIpn) throw new Error('no IPN sent yet');
      return post(lastIpn.url, lastIpn.body);
    },
    /** The last IPN with `change` applied and its signature left as it was. */
    resendTampered(change: (body: Record<string, unknown>) => void) {
      if (!lastIpn) throw new Error('no IPN sent yet');
      const body = structuredClone(lastIpn.body);
      change(body);
      return post(lastIpn.url, body);
    },
    sendWithBadSignature(orderCode: number, opts: PayOptions = {}) {
      const { url, body } = ipnBody(orderCode, opts, 'not-the-secret-key');
      return post(url, body);
    },
    close: server.close,
  };
}

export type MomoGatewayFake = Awaited<ReturnType<typeof startMomoGatewayFake>>;
