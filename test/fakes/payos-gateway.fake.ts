import { createHmac, randomBytes } from 'node:crypto';
import { deliver, sleep, startLoopbackServer, type LoopbackRequest } from './loopback-server.ts';

/**
 * payOS on loopback. Signatures follow payOS's documentation and SDK (@payos/node 2.x):
 * - create: HMAC-SHA256(checksumKey, `amount=…&cancelUrl=…&description=…&orderCode=…&returnUrl=…`)
 * - answers and webhooks: HMAC-SHA256(checksumKey) of `data` with keys sorted, `key=value`
 *   joined by `&`, null as '', arrays as JSON of key-sorted objects.
 * Written here on its own, not borrowed from the provider, so the two check each other.
 */
export interface PayosFakeOptions {
  clientId: string;
  apiKey: string;
  checksumKey: string;
}

interface FakeTransaction {
  reference: string;
  amount: number;
  accountNumber: string;
  description: string;
  transactionDateTime: string;
  virtualAccountName: null;
  virtualAccountNumber: null;
  counterAccountBankId: null;
  counterAccountBankName: null;
  counterAccountName: null;
  counterAccountNumber: null;
}

export interface FakePayosLink {
  id: string;
  orderCode: number;
  amount: number;
  description: string;
  status: 'PENDING' | 'UNDERPAID' | 'PAID' | 'CANCELLED' | 'EXPIRED';
  transactions: FakeTransaction[];
}

const sortKeys = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
    : value;

export function payosDataSignature(data: Record<string, unknown>, key: string): string {
  const text = Object.keys(data)
    .sort()
    .map((name) => {
      const value = data[name];
      if (value === null || value === undefined) return `${name}=`;
      if (Array.isArray(value)) return `${name}=${JSON.stringify(value.map(sortKeys))}`;
      return `${name}=${String(value)}`;
    })
    .join('&');
  return createHmac('sha256', key).update(text).digest('hex');
}

const ACCOUNT = '113366668888';

export async function startPayosGatewayFake(options: PayosFakeOptions) {
  const links = new Map<number, FakePayosLink>();
  let hangNextCreateMs = 0;
  let webhookUrl = '';
  let lastWebhook: Record<string, unknown> | undefined;
  let transferNo = 0;

  const answer = (code: string, desc: string, data: Record<string, unknown> | null) => ({
    status: 200,
    body: {
      code,
      desc,
      data,
      ...(data ? { signature: payosDataSignature(data, options.checksumKey) } : {}),
    },
  });

  const linkData = (link: FakePayosLink) => {
    const amountPaid = link.transactions.reduce((sum, t) => sum + t.amount, 0);
    return {
      id: link.id,
      orderCode: link.orderCode,
      amount: link.amount,
      amountPaid,
      amountRemaining: Math.max(0, link.amount - amountPaid),
      status: link.status,
      createdAt: '2026-01-02T03:00:00+07:00',
      transactions: link.transactions,
      cancellationReason: null,
      canceledAt: null,
    };
  };

  async function create(request: LoopbackRequest) {
    const body = (request.json ?? {}) as Record<string, unknown>;
    const { amount, cancelUrl, description, orderCode, returnUrl } = body;
    const signed = `amount=${amount}&cancelUrl=${cancelUrl}&description=${description}&orderCode=${orderCode}&returnUrl=${returnUrl}`;
    const expected = createHmac('sha256', options.checksumKey).update(signed).digest('hex');
    if (body.signature !== expected) return answer('20', 'Signature invalid', null);
    const code = Number(orderCode);
    if (links.has(code)) return answer('231', 'Đơn thanh toán đã tồn tại', null);
    const link: FakePayosLink = {
      id: randomBytes(16).toString('hex'),
      orderCode: code,
      amount: Number(amount),
      description: String(description),
      status: 'PENDING',
      transactions: [],
    };
    links.set(code, link);
    if (hangNextCreateMs > 0) {
      // The link is made, but the answer comes after the client has given up.
      const hang = hangNextCreateMs;
      hangNextCreateMs = 0;
      await sleep(hang);
    }
    return answer('00', 'success', {
      bin: '970422',
      accountNumber: ACCOUNT,
      accountName: 'CARTSTATION',
      amount: link.amount,
      description: link.description,
      orderCode: code,
      currency: 'VND',
      paymentLinkId: link.id,
      status: link.status,
      checkoutUrl: `${server.url}/web/${link.id}`,
      qrCode: `00020101021238570010A000000727012700069704220113${ACCOUNT}0208QRIBFTTA5303704`,
    });
  }

  const server = await startLoopbackServer(async (request) => {
    const h = request.headers;
    if (h['x-client-id'] !== options.clientId || h['x-api-key'] !== options.apiKey) {
      return { status: 401, body: { code: '401', desc: 'Unauthorized', data: null } };
    }
    if (request.method === 'POST' && request.path === '/v2/payment-requests') {
      return create(request);
    }
    const id = /^\/v2\/payment-requests\/([^/]+)$/.exec(request.path)?.[1];
    if (request.method === 'GET' && id) {
      const link = [...links.values()].find((l) => l.id === id || String(l.orderCode) === id);
      if (!link) return answer('101', 'Không tìm thấy thông tin đơn hàng', null);
      return answer('00', 'success', linkData(link));
    }
    return { status: 404, body: { code: '404', desc: 'Not found', data: null } };
  });

  /** Posts a webhook body to the merchant; remembered for sendDuplicate and resend. */
  async function post(body: Record<string, unknown>) {
    lastWebhook = structuredClone(body);
    return { sent: body, ...(await deliver(webhookUrl, { method: 'POST', json: body })) };
  }

  function webhookFor(orderCode: number, amount: number, reference: string) {
    const link = links.get(orderCode);
    const data = {
      orderCode,
      amount,
      description: link?.description ?? `DH${orderCode}`,
      accountNumber: ACCOUNT,
      reference,
      transactionDateTime: '2026-01-02 03:00:00',
      currency: 'VND',
      paymentLinkId: link?.id ?? randomBytes(16).toString('hex'),
      code: '00',
      desc: 'success',
      counterAccountBankId: '',
      counterAccountBankName: '',
      counterAccountName: '',
      counterAccountNumber: '',
      virtualAccountName: '',
      virtualAccountNumber: '',
    };
    return { code: '00', desc: 'success', success: true, data };
  }

  /** One bank transfer into the order's link (or for an order payOS never saw). */
  function pay(orderCode: number, amount?: number, opts: { reference?: string } = {}) {
    const link = links.get(orderCode);
    const value = amount ?? link?.amount ?? 0;
    const reference = opts.reference ?? `FT26002${String(++transferNo).padStart(6, '0')}`;
    if (link) {
      link.transactions.push({
        reference,
        amount: value,
        accountNumber: ACCOUNT,
        description: link.description,
        transactionDateTime: '2026-01-02 03:00:00',
        virtualAccountName: null,
        virtualAccountNumber: null,
        counterAccountBankId: null,
        counterAccountBankName: null,
        counterAccountName: null,
        counterAccountNumber: null,
      });
      const paid = link.transactions.reduce((sum, t) => sum + t.amount, 0);
      link.status = paid >= link.amount ? 'PAID' : 'UNDERPAID';
    }
    const body = webhookFor(orderCode, value, reference);
    return post({ ...body, signature: payosDataSignature(body.data, options.checksumKey) });
  }

  return {
    baseUrl: server.url,
    checkoutBaseUrl: `${server.url}/web/`,
    links,
    requests: server.requests,
    creates: () =>
      server.requests.filter((r) => r.method === 'POST' && r.path === '/v2/payment-requests'),
    setWebhookUrl(url: string) {
      webhookUrl = url;
    },
    /** The next create makes its link, then answers only after `ms` (the client times out). */
    hangNextCreate(ms: number) {
      hangNextCreateMs = ms;
    },
    pay,
    /** A transfer for less than the link asks: payOS keeps the link open (UNDERPAID). */
    payPartially: (orderCode: number, amount: number, opts: { reference?: string } = {}) =>
      pay(orderCode, amount, opts),
    /** The last webhook again, byte for byte (payOS retries until it gets a 2xx). */
    sendDuplicate() {
      if (!lastWebhook) throw new Error('no webhook sent yet');
      return post(lastWebhook);
    },
    /** The last webhook with `change` applied to it and its signature left as it was. */
    resendTampered(change: (body: { data: Record<string, unknown> }) => void) {
      if (!lastWebhook) throw new Error('no webhook sent yet');
      const body = structuredClone(lastWebhook) as { data: Record<string, unknown> };
      change(body);
      return post(body);
    },
    /** A well-formed webhook signed with the wrong key. */
    sendWithBadSignature(orderCode: number, amount: number) {
      const body = webhookFor(orderCode, amount, `FT26BAD${++transferNo}`);
      return post({ ...body, signature: payosDataSignature(body.data, 'not-the-checksum-key') });
    },
    close: server.close,
  };
}

export type PayosGatewayFake = Awaited<ReturnType<typeof startPayosGatewayFake>>;
