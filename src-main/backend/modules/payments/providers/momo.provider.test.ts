import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadAddress } from '#test/fakes/loopback-server';
import { startMomoGatewayFake, type MomoGatewayFake } from '#test/fakes/momo-gateway.fake';
import { createTestLedger, startNotificationReceiver } from '#test/fakes/notification-receiver';
import { createMomoProvider, type MomoConfig } from './momo.provider.ts';
import {
  MOMO_CREATE_FIELDS,
  MOMO_IPN_FIELDS,
  MOMO_QUERY_FIELDS,
  momoRawSignature,
  momoSign,
} from './momo-signature.ts';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type PaymentProvider,
} from './payment-provider.ts';

const KEYS = {
  partnerCode: 'MOMOBKUN20180529',
  accessKey: 'klm05TvNBzhg7h7j',
  secretKey: 'at67qH6mk8w5Y1nAyMoYKMWACiEi2bsa',
};
let ids = 0;
const deps = { ids: { uuid: () => `query-${++ids}` } };
const sale = (orderCode: number, amount = 65_000) => ({
  orderCode,
  amount,
  description: `Thanh toán đơn ${orderCode}`,
  returnUrl: 'http://127.0.0.1:5173/payments/return?gw=momo',
  cancelUrl: 'http://127.0.0.1:5173/payments/cancel',
});

describe('MoMo v2 signature strings', () => {
  it('signs create, query and IPN over the documented fields in the documented order', () => {
    const create = momoRawSignature(MOMO_CREATE_FIELDS, {
      accessKey: 'AK',
      amount: 65000,
      extraData: '',
      ipnUrl: 'https://shop/ipn',
      orderId: '3001',
      orderInfo: 'Thanh toán đơn 3001',
      partnerCode: 'PC',
      redirectUrl: 'https://shop/return',
      requestId: '3001-create',
      requestType: 'captureWallet',
    });
    expect(create).toBe(
      'accessKey=AK&amount=65000&extraData=&ipnUrl=https://shop/ipn&orderId=3001' +
        '&orderInfo=Thanh toán đơn 3001&partnerCode=PC&redirectUrl=https://shop/return' +
        '&requestId=3001-create&requestType=captureWallet',
    );
    const query = { accessKey: 'AK', orderId: '3001', partnerCode: 'PC', requestId: 'q1' };
    expect(momoRawSignature(MOMO_QUERY_FIELDS, query)).toBe(
      'accessKey=AK&orderId=3001&partnerCode=PC&requestId=q1',
    );
    expect(MOMO_IPN_FIELDS.join(',')).toBe(
      'accessKey,amount,extraData,message,orderId,orderInfo,orderType,partnerCode,payType,' +
        'requestId,responseTime,resultCode,transId',
    );
    const hex = createHmac('sha256', 'SK')
      .update('accessKey=AK&orderId=3001&partnerCode=PC&requestId=q1')
      .digest('hex');
    expect(momoSign(MOMO_QUERY_FIELDS, query, 'SK')).toBe(hex);
  });
});

describe('MoMo provider against a loopback MoMo', () => {
  let gateway: MomoGatewayFake;
  let provider: PaymentProvider;
  let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;
  const configFor = (fake: MomoGatewayFake, ipnUrl: string): MomoConfig => ({
    ...KEYS,
    endpoint: fake.endpoint,
    ipnUrl,
    timeoutMs: 2_000,
  });

  beforeEach(async () => {
    gateway = await startMomoGatewayFake(KEYS);
    const ledger = createTestLedger({ 3001: 65_000 });
    receiver = await startNotificationReceiver(() => provider, ledger.decide);
    provider = createMomoProvider(configFor(gateway, receiver.url), deps);
  });
  afterEach(async () => {
    await receiver.close();
    await gateway.close();
  });

  it('creates a payment the gateway accepts, idempotently for one order code', async () => {
    const created = await provider.createPayment(sale(3001));
    expect(created).toMatchObject({ providerRef: '3001-create', reused: false });
    expect(created.checkoutUrl).toMatch(`${gateway.endpoint}/v2/gateway/pay?t=`);
    expect(gateway.orders.get('3001')).toMatchObject({ amount: 65_000, ipnUrl: receiver.url });
    const again = await provider.createPayment(sale(3001)); // e.g. after a timeout
    expect(again.checkoutUrl).toBe(created.checkoutUrl);
    expect(gateway.orders.size).toBe(1);
  });

  it('is refused by the gateway when signed with another secret key', async () => {
    const wrong = createMomoProvider({ ...configFor(gateway, receiver.url), secretKey: 'x' }, deps);
    await expect(wrong.createPayment(sale(3001))).rejects.toMatchObject({ gatewayCode: '13' });
    await expect(wrong.createPayment(sale(3001))).rejects.toBeInstanceOf(GatewayRejectedError);
  });

  it('verifies a paid IPN and answers 204 No Content', async () => {
    await provider.createPayment(sale(3001));
    const delivery = await gateway.pay(3001, { reference: 4088878653 });
    expect(delivery).toMatchObject({ status: 204, body: '' });
    expect(receiver.parsed[0]).toEqual({
      ok: true,
      notification: {
        orderCode: 3001,
        amount: 65_000,
        paid: true,
        reference: '4088878653',
        raw: delivery.sent,
      },
    });
  });

  it('reports a declined payment as not paid', async () => {
    await provider.createPayment(sale(3001));
    await gateway.pay(3001, { resultCode: 1006 });
    expect(receiver.parsed[0]).toMatchObject({ ok: true, notification: { paid: false } });
  });

  it('rejects a bad signature and a changed amount', async () => {
    await provider.createPayment(sale(3001));
    expect((await gateway.sendWithBadSignature(3001)).status).toBe(400);
    await gateway.pay(3001);
    expect((await gateway.resendTampered((body) => (body.amount = 1_000))).status).toBe(400);
    expect(receiver.parsed.map((p) => (p.ok ? 'ok' : p.reason))).toEqual([
      'bad_signature',
      'ok',
      'bad_signature',
    ]);
  });

  it('answers a duplicate, an unknown order and a wrong amount with 204 after deciding', async () => {
    await provider.createPayment(sale(3001));
    await gateway.pay(3001);
    expect((await gateway.sendDuplicate()).status).toBe(204);
    expect((await gateway.pay(4242, { amount: 1_000, ipnUrl: receiver.url })).status).toBe(204);
    expect((await gateway.payPartially(3001, 60_000)).status).toBe(204);
    expect(provider.acknowledge('error').status).toBe(500);
  });

  it('queries for reconciliation: pending, paid, unknown', async () => {
    await provider.createPayment(sale(3001));
    expect(await provider.queryPayment(3001)).toEqual({
      status: 'pending',
      amountPaid: 0,
      transfers: [],
    });
    await gateway.pay(3001, { reference: 4088878999 });
    expect(await provider.queryPayment(3001)).toEqual({
      status: 'paid',
      amountPaid: 65_000,
      transfers: [{ reference: '4088878999', amount: 65_000 }],
    });
    expect((await provider.queryPayment(9999)).status).toBe('unknown');
  });

  it('says the gateway is unavailable when nothing answers, or when not configured', async () => {
    const offline = createMomoProvider(
      { ...configFor(gateway, receiver.url), endpoint: await deadAddress() },
      deps,
    );
    await expect(offline.createPayment(sale(3001))).rejects.toBeInstanceOf(GatewayUnavailableError);
    await expect(offline.queryPayment(3001)).rejects.toMatchObject({ reason: 'unreachable' });
    const blank = createMomoProvider({ ...configFor(gateway, receiver.url), accessKey: '' }, deps);
    expect(blank.isConfigured()).toBe(false);
    await expect(blank.createPayment(sale(3001))).rejects.toMatchObject({
      reason: 'not_configured',
    });
  });
});
