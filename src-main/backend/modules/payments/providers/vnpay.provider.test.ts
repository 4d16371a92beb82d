import { dateFormat, getDateInGMT7 } from 'vnpay';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '#main/backend/lib/clock';
import { deadAddress } from '#test/fakes/loopback-server';
import { createTestLedger, startNotificationReceiver } from '#test/fakes/notification-receiver';
import { startVnpayGatewayFake, type VnpayGatewayFake } from '#test/fakes/vnpay-gateway.fake';
import { GatewayUnavailableError, type PaymentProvider } from './payment-provider.ts';
import {
  createVnpayProvider,
  vnpayDateTime,
  vnpayOrderInfo,
  type VnpayConfig,
} from './vnpay.provider.ts';

const KEYS = { tmnCode: 'CTTVNP01', hashSecret: 'VNPAYHASHSECRET0123456789ABCDEF' };
const EVENING_UTC = '2026-01-01T20:00:00Z'; // already 03:00 on 2 January in Hà Nội
let ids = 0;
const deps = () => ({
  clock: fixedClock(EVENING_UTC),
  ids: { uuid: () => `0190a5b2-7c3d-7000-8000-${String(++ids).padStart(12, '0')}` },
});
const sale = (orderCode: number, amount = 120_000) => ({
  orderCode,
  amount,
  description: `Thanh toan don ${orderCode}`,
  returnUrl: 'http://127.0.0.1:5173/payments/return?gw=vnpay',
  cancelUrl: 'http://127.0.0.1:5173/payments/cancel',
  ipAddress: '192.0.2.10',
});

let gateway: VnpayGatewayFake;
let provider: PaymentProvider;
let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;

const configFor = (fake: VnpayGatewayFake): VnpayConfig => ({
  ...KEYS,
  paymentUrl: fake.paymentUrl,
  queryUrl: fake.queryUrl,
  timeoutMs: 2_000,
});

/** Creates the payment and opens its URL at the gateway, which checks the signature. */
async function createAndOpen(orderCode: number, amount?: number) {
  const created = await provider.createPayment(sale(orderCode, amount));
  const page = await fetch(created.checkoutUrl);
  return { created, page: { status: page.status, text: await page.text() } };
}

beforeEach(async () => {
  gateway = await startVnpayGatewayFake(KEYS);
  provider = createVnpayProvider(configFor(gateway), deps());
  receiver = await startNotificationReceiver(provider, createTestLedger({ 5001: 120_000 }).decide);
  gateway.setIpnUrl(receiver.url);
});
afterEach(async () => {
  await receiver.close();
  await gateway.close();
});

describe('VNPay dates and order info', () => {
  it('formats instants in Vietnam time whatever the machine zone', () => {
    expect(vnpayDateTime(new Date(EVENING_UTC))).toBe('20260102030000');
    expect(vnpayDateTime(new Date('2026-12-31T16:59:59Z'))).toBe('20261231235959');
    expect(vnpayDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
  });

  it("does not repeat the library default's mistake on a machine set to Vietnam time", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const instant = new Date(EVENING_UTC);
      expect(instant.getTimezoneOffset()).toBe(-420); // the zone switch took effect
      expect(String(dateFormat(getDateInGMT7(instant)))).toBe('20260102100000'); // 7 h too late
      expect(vnpayDateTime(instant)).toBe('20260102030000');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps vnp_OrderInfo to letters, digits, spaces and hyphens', () => {
    expect(vnpayOrderInfo('Thanh toán đơn #12 (Cà phê) — ly "lớn" - 2 ly!', 12)).toBe(
      'Thanh toan don 12 Ca phe ly lon - 2 ly',
    );
    expect(vnpayOrderInfo('★★★', 12)).toBe('Thanh toan don 12');
  });
});

describe('VNPay provider against a loopback VNPay', () => {
  it('builds a payment URL the gateway accepts, dated in UTC+7 from the injected clock', async () => {
    const { created, page } = await createAndOpen(5001);
    expect(page.status).toBe(200);
    const params = new URL(created.checkoutUrl).searchParams;
    expect(params.get('vnp_CreateDate')).toBe('20260102030000');
    expect(params.get('vnp_ExpireDate')).toBe('20260102031500');
    expect(params.get('vnp_Amount')).toBe('12000000');
    expect(gateway.payments.get('5001')).toMatchObject({ amount: 120_000, ipAddr: '192.0.2.10' });
    expect(created).toMatchObject({ providerRef: '5001@20260102030000', reused: false });
  });

  it('signs sanitized order info that the gateway accepts', async () => {
    const created = await provider.createPayment({
      ...sale(5001),
      description: 'Đơn #5001 (ưu đãi) ~50%',
    });
    expect((await fetch(created.checkoutUrl)).status).toBe(200);
    expect(gateway.payments.get('5001')?.orderInfo).toBe('Don 5001 uu dai 50');
  });

  it('is refused by the gateway when signed with another secret', async () => {
    const wrong = createVnpayProvider({ ...configFor(gateway), hashSecret: 'other' }, deps());
    const created = await wrong.createPayment(sale(5001));
    expect((await fetch(created.checkoutUrl)).status).toBe(400);
    expect(gateway.rejected).toEqual(['invalid signature']);
  });

  it('verifies a paid IPN and answers {RspCode: "00"}', async () => {
    await createAndOpen(5001);
    const delivery = await gateway.pay(5001, { reference: '14226112' });
    expect(delivery).toMatchObject({
      status: 200,
      body: { RspCode: '00', Message: 'Confirm Success' },
    });
    expect(receiver.parsed[0]).toMatchObject({
      ok: true,
      notification: { orderCode: 5001, amount: 120_000, paid: true, reference: '14226112' },
    });
  });

  it('counts as paid only when vnp_ResponseCode and vnp_TransactionStatus are both 00', async () => {
    await createAndOpen(5001);
    await gateway.pay(5001, { responseCode: '00', transactionStatus: '02' });
    await gateway.pay(5001, { responseCode: '24', transactionStatus: '00' });
    await gateway.pay(5001, { responseCode: '00', transactionStatus: '00' });
    expect(receiver.parsed.map((p) => p.ok && p.notification.paid)).toEqual([false, false, true]);
  });

  it('answers 97 to a bad signature and to a changed amount', async () => {
    await createAndOpen(5001);
    expect((await gateway.sendWithBadSignature(5001)).body).toMatchObject({ RspCode: '97' });
    await gateway.pay(5001);
    const tampered = await gateway.resendTampered((p) => (p.vnp_Amount = '100'));
    expect(tampered.body).toMatchObject({ RspCode: '97' });
    expect(receiver.parsed[2]).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('answers 02, 01 and 04 for a repeat, an unknown order and a wrong amount', async () => {
    await createAndOpen(5001);
    expect((await gateway.pay(5001)).body).toMatchObject({ RspCode: '00' });
    expect((await gateway.sendDuplicate()).body).toMatchObject({ RspCode: '02' });
    expect((await gateway.pay(7777, { amount: 5_000 })).body).toMatchObject({ RspCode: '01' });
    expect((await gateway.payPartially(5001, 100_000)).body).toMatchObject({ RspCode: '04' });
    expect(provider.acknowledge('error').body).toEqual({ RspCode: '99', Message: 'Unknown error' });
  });

  it('queries the configured host for reconciliation: pending, then paid', async () => {
    const { created } = await createAndOpen(5001);
    expect(await provider.queryPayment(5001, created.providerRef)).toEqual({
      status: 'pending',
      amountPaid: 0,
      transfers: [],
    });
    await gateway.pay(5001, { reference: '14226999' });
    expect(await provider.queryPayment(5001, created.providerRef)).toEqual({
      status: 'paid',
      amountPaid: 120_000,
      transfers: [{ reference: '14226999', amount: 120_000 }],
    });
    const queries = gateway.requests.filter((r) => r.method === 'POST');
    expect(queries).toHaveLength(2); // the fake answered, not the library's sandbox default
    expect(queries[0]?.json).toMatchObject({ vnp_TransactionDate: 20260102030000 });
  });

  it('reports a transaction VNPay never saw as unknown', async () => {
    await provider.createPayment(sale(5001)); // URL never opened
    expect(await provider.queryPayment(5001, '5001@20260102030000')).toMatchObject({
      status: 'unknown',
    });
  });

  it('says the gateway is unavailable when the query host does not answer', async () => {
    const offline = createVnpayProvider(
      { ...configFor(gateway), queryUrl: `${await deadAddress()}/merchant_webapi/api/transaction` },
      deps(),
    );
    await expect(offline.queryPayment(5001, '5001@20260102030000')).rejects.toBeInstanceOf(
      GatewayUnavailableError,
    );
  });

  it('takes only whole đồng', async () => {
    await expect(provider.createPayment(sale(5001, 1_000.5))).rejects.toBeInstanceOf(RangeError);
  });

  it('is not configured without a hash secret', async () => {
    const blank = createVnpayProvider({ ...configFor(gateway), hashSecret: ' ' }, deps());
    expect(blank.isConfigured()).toBe(false);
    await expect(blank.createPayment(sale(5001))).rejects.toMatchObject({
      reason: 'not_configured',
    });
  });
});
