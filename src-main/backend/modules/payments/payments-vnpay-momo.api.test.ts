import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMomoGatewayFake, type MomoGatewayFake } from '#test/fakes/momo-gateway.fake';
import { startVnpayGatewayFake, type VnpayGatewayFake } from '#test/fakes/vnpay-gateway.fake';
import { customerWithAddress, placeSaleOrder } from '#test/helpers/orders';
import { ADMIN, countRows, startTestServer, type TestServer } from '#test/helpers/test-server';

// VNPay and MoMo through the terminal: links made against loopback gateways that check the
// request signatures, IPNs relayed to the terminal and verified as each gateway documents.

const VNP = { tmnCode: 'CARTST01', hashSecret: 'vnpay-secret-1' };
const MOMO = { partnerCode: 'MOMOCART', accessKey: 'momo-access', secretKey: 'momo-secret' };

let vnpay: VnpayGatewayFake;
let momo: MomoGatewayFake;
let server: TestServer;
let admin: string;

beforeAll(async () => {
  vnpay = await startVnpayGatewayFake(VNP);
  momo = await startMomoGatewayFake(MOMO);
  server = await startTestServer({
    env: {
      CARTSTATION_DEMO: 'true',
      CARTSTATION_LOGIN_RATE_LIMIT: '100000',
      CARTSTATION_RECONCILE_SECONDS: '0',
      CARTSTATION_VNPAY_TMN_CODE: VNP.tmnCode,
      CARTSTATION_VNPAY_HASH_SECRET: VNP.hashSecret,
      CARTSTATION_VNPAY_PAYMENT_URL: vnpay.paymentUrl,
      CARTSTATION_VNPAY_QUERY_URL: vnpay.queryUrl,
      CARTSTATION_MOMO_PARTNER_CODE: MOMO.partnerCode,
      CARTSTATION_MOMO_ACCESS_KEY: MOMO.accessKey,
      CARTSTATION_MOMO_SECRET_KEY: MOMO.secretKey,
      CARTSTATION_MOMO_ENDPOINT: momo.endpoint,
      // Registered with MoMo per payment: headquarters' relay, which forwards to the store.
      CARTSTATION_MOMO_IPN_URL: 'https://hq.example.vn/relay/momo',
      CARTSTATION_STORE_NAME: 'Cửa hàng Huế',
    },
  });
  vnpay.setIpnUrl(`${server.url}/api/v1/payments/vnpay/ipn`);
  admin = await server.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await server.stop();
  await vnpay.close();
  await momo.close();
});

const RELAY_MOMO = () => `${server.url}/api/v1/payments/momo/ipn`;

async function orderWithLink(name: string, method: 'vnpay' | 'momo', quantity = 1) {
  const buyer = await customerWithAddress(server, name);
  const order = await placeSaleOrder(server, buyer, quantity);
  const res = await server.request('POST', `/api/v1/orders/${order.id}/payments`, {
    token: buyer.token,
    body: { method },
  });
  expect(res.status, res.text).toBe(201);
  const payment = res.body.data;
  if (method === 'vnpay') {
    // The customer opens the signed payment URL; the fake VNPay checks signature and dates.
    const page = await fetch(payment.checkout_url);
    expect(page.status, await page.text()).toBe(200);
  }
  const status = async () =>
    (await server.request('GET', `/api/v1/payments/${payment.id}`, { token: buyer.token })).body
      .data;
  return { buyer, order, payment, code: payment.gateway_order_code as number, status };
}

describe('VNPay through the terminal', () => {
  it('pays on an IPN with both codes 00, answers RspCode 00, then 02 for a repeat', async () => {
    const { code, status } = await orderWithLink('vnp-ok', 'vnpay');
    const ipn = await vnpay.pay(code);
    expect(ipn.status).toBe(200);
    expect(ipn.body).toMatchObject({ RspCode: '00' });
    expect(await status()).toMatchObject({ status: 'paid', amount_received: 65_000 });
    expect((await vnpay.sendDuplicate()).body).toMatchObject({ RspCode: '02' });
  });

  it('ignores a failure that arrives after the payment (out of order)', async () => {
    const { code, status } = await orderWithLink('vnp-late-fail', 'vnpay');
    expect((await vnpay.pay(code)).body).toMatchObject({ RspCode: '00' });
    const late = await vnpay.pay(code, { responseCode: '24', transactionStatus: '02' });
    expect(late.body).toMatchObject({ RspCode: '02' }); // already confirmed
    expect(await status()).toMatchObject({ status: 'paid', amount_received: 65_000 });
  });

  it('does not pay when the transaction status disagrees with the response code', async () => {
    const { code, status } = await orderWithLink('vnp-02', 'vnpay');
    const ipn = await vnpay.pay(code, { responseCode: '00', transactionStatus: '02' });
    expect(ipn.body).toMatchObject({ RspCode: '00' });
    expect(await status()).toMatchObject({ status: 'failed', amount_received: 0 });
  });

  it('refuses a wrong amount (04), a bad hash (97) and an unknown order (01)', async () => {
    const { code, status } = await orderWithLink('vnp-bad', 'vnpay');
    const before = countRows(server, 'payment_transfers');
    expect((await vnpay.payPartially(code, 1_000)).body).toMatchObject({ RspCode: '04' });
    expect((await vnpay.sendWithBadSignature(code)).body).toMatchObject({ RspCode: '97' });
    expect((await vnpay.pay(9_999_999_999, { amount: 5_000 })).body).toMatchObject({
      RspCode: '01',
    });
    expect(countRows(server, 'payment_transfers')).toBe(before);
    expect(await status()).toMatchObject({ status: 'pending' });
  });

  it('confirms a lost IPN by querying VNPay (querydr) on the configured host', async () => {
    const { code, status } = await orderWithLink('vnp-poll', 'vnpay');
    vnpay.setIpnUrl('http://127.0.0.1:9/lost');
    await vnpay.pay(code).catch(() => undefined);
    vnpay.setIpnUrl(`${server.url}/api/v1/payments/vnpay/ipn`);
    const round = await server.request('POST', '/api/v1/payments/reconcile', { token: admin });
    expect(round.status, round.text).toBe(200);
    expect(await status()).toMatchObject({ status: 'paid', amount_received: 65_000 });
  });
});

describe('MoMo through the terminal', () => {
  it('pays on a signed IPN relayed from headquarters and answers 204; a repeat changes nothing', async () => {
    const { code, status, order } = await orderWithLink('momo-ok', 'momo', 2);
    expect(momo.orders.get(String(code))).toMatchObject({
      amount: 130_000,
      ipnUrl: 'https://hq.example.vn/relay/momo',
    });
    const ipn = await momo.pay(code, { ipnUrl: RELAY_MOMO() });
    expect(ipn.status).toBe(204);
    expect(await status()).toMatchObject({ status: 'paid', amount_received: 130_000 });
    expect((await momo.sendDuplicate()).status).toBe(204);
    const paid = server.backend.store.db.$client
      .prepare("select count(*) from payments where order_id = ? and status = 'paid'")
      .pluck()
      .get(order.id);
    expect(paid).toBe(1);
  });

  it('refuses a tampered amount or a bad signature with 400 and changes nothing', async () => {
    const { code, status } = await orderWithLink('momo-bad', 'momo');
    const before = countRows(server, 'payment_transfers');
    expect((await momo.sendWithBadSignature(code, { ipnUrl: RELAY_MOMO() })).status).toBe(400);
    await momo.pay(code, { ipnUrl: RELAY_MOMO(), resultCode: 1006 });
    const tampered = await momo.resendTampered((b) => (b.resultCode = 0));
    expect(tampered.status).toBe(400);
    expect(countRows(server, 'payment_transfers')).toBe(before);
    expect((await status()).status).toBe('failed');
  });
});

describe('receipts', () => {
  it('prints the paid order in 42 columns, as JSON and as text', async () => {
    const { buyer, order, code } = await orderWithLink('receipt', 'momo', 2);
    const unpaid = await server.request('GET', `/api/v1/orders/${order.number}/receipt`, {
      token: buyer.token,
    });
    expect(unpaid.status, unpaid.text).toBe(200);
    expect(unpaid.body.data).toMatchObject({ paid: null, total: 130_000 });
    expect(unpaid.body.data.lines).toContain('             CHƯA THANH TOÁN');
    await momo.pay(code, { ipnUrl: RELAY_MOMO() });
    const res = await server.request('GET', `/api/v1/orders/${order.id}/receipt`, {
      token: buyer.token,
    });
    expect(res.body.data).toMatchObject({
      order_number: order.number,
      subtotal: 130_000,
      total: 130_000,
      paid: { method: 'momo', amount: 130_000 },
      items: [{ quantity: 2, unit_price: 65_000, line_total: 130_000 }],
    });
    const lines: string[] = res.body.data.lines;
    expect(lines[0]).toContain('Cửa hàng Huế');
    expect(lines.every((l) => l.length <= 42)).toBe(true);
    expect(lines).toContain(`TỔNG CỘNG${' '.repeat(42 - 9 - 9)}130.000 đ`);
    const text = await fetch(`${server.url}/api/v1/orders/${order.id}/receipt?format=text`, {
      headers: { authorization: `Bearer ${buyer.token}` },
    });
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe(`${lines.join('\n')}\n`);
    const other = await customerWithAddress(server, 'snoop');
    const denied = await server.request('GET', `/api/v1/orders/${order.id}/receipt`, {
      token: other.token,
    });
    expect(denied.status).toBe(404);
    const bad = await server.request('GET', `/api/v1/orders/${order.id}/receipt?format=pdf`, {
      token: buyer.token,
    });
    expect(bad.status).toBe(400);
  });
});
