import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadAddress } from '#test/fakes/loopback-server';
import { createTestLedger, startNotificationReceiver } from '#test/fakes/notification-receiver';
import { startPayosGatewayFake, type PayosGatewayFake } from '#test/fakes/payos-gateway.fake';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type PaymentProvider,
} from './payment-provider.ts';
import { createPayosProvider, type PayosConfig } from './payos.provider.ts';

const KEYS = { clientId: 'client-1', apiKey: 'api-key-1', checksumKey: 'checksum-key-1' };
const sale = (orderCode: number, amount = 45_000) => ({
  orderCode,
  amount,
  description: `Don ${orderCode}`,
  returnUrl: 'http://127.0.0.1/pay/return',
  cancelUrl: 'http://127.0.0.1/pay/cancel',
});

let gateway: PayosGatewayFake;
let provider: PaymentProvider;
let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;

function configFor(fake: PayosGatewayFake, extra: Partial<PayosConfig> = {}): PayosConfig {
  return { ...KEYS, baseUrl: fake.baseUrl, checkoutBaseUrl: fake.checkoutBaseUrl, ...extra };
}

beforeEach(async () => {
  gateway = await startPayosGatewayFake(KEYS);
  provider = createPayosProvider(configFor(gateway, { timeoutMs: 2_000, maxRetries: 0 }));
  const ledger = createTestLedger({ 1001: 45_000, 1002: 45_000 }, { exact: false });
  receiver = await startNotificationReceiver(provider, ledger.decide);
  gateway.setWebhookUrl(receiver.url);
});
afterEach(async () => {
  await receiver.close();
  await gateway.close();
});

describe('payOS provider against a loopback payOS', () => {
  it('creates a link the gateway accepts (request signature checked there)', async () => {
    const created = await provider.createPayment(sale(1001));
    const link = gateway.links.get(1001);
    expect(link).toMatchObject({ amount: 45_000, status: 'PENDING' });
    expect(created).toMatchObject({ providerRef: link?.id, reused: false });
    expect(created.checkoutUrl).toBe(`${gateway.checkoutBaseUrl}${link?.id}`);
    expect(created.qrCode).toMatch(/^000201/);
  });

  it('keeps the description to ASCII bank-transfer text', async () => {
    await provider.createPayment({
      ...sale(1001),
      description: 'Thanh toán đơn #1001 (Cà phê sữa)',
    });
    expect(gateway.links.get(1001)?.description).toBe('Thanh toan don 1001 Ca ph');
  });

  it('is refused by the gateway when signed with another checksum key', async () => {
    const wrong = createPayosProvider(configFor(gateway, { checksumKey: 'other', maxRetries: 0 }));
    await expect(wrong.createPayment(sale(1001))).rejects.toBeInstanceOf(GatewayRejectedError);
    expect(gateway.links.size).toBe(0);
  });

  it('verifies a paid webhook and answers 200 {success: true}', async () => {
    await provider.createPayment(sale(1001));
    const delivery = await gateway.pay(1001, 45_000, { reference: 'FT26002000001' });
    expect(delivery).toMatchObject({ status: 200, body: { success: true } });
    expect(receiver.parsed[0]).toEqual({
      ok: true,
      notification: {
        orderCode: 1001,
        amount: 45_000,
        paid: true,
        reference: 'FT26002000001',
        raw: delivery.sent,
      },
    });
  });

  it('rejects a webhook signed with another key, and one whose amount was changed', async () => {
    await provider.createPayment(sale(1001));
    expect(await gateway.sendWithBadSignature(1001, 45_000)).toMatchObject({ status: 400 });
    await gateway.pay(1001, 1_000);
    const tampered = await gateway.resendTampered((body) => (body.data.amount = 45_000));
    expect(tampered).toMatchObject({ status: 400, body: { success: false } });
    expect(receiver.parsed.map((p) => p.ok && p.notification.amount)).toEqual([
      false,
      1_000,
      false,
    ]);
    expect(receiver.parsed[2]).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('answers 2xx to an unknown order, so payOS stops retrying', async () => {
    const delivery = await gateway.pay(123, 3_000);
    expect(delivery.status).toBe(200);
    expect(receiver.parsed[0]).toMatchObject({ ok: true, notification: { orderCode: 123 } });
  });

  it('deduplicates by transfer reference: several transfers into one underpaid link', async () => {
    const partial = createTestLedger({ 1002: 45_000 }, { exact: false });
    const local = await startNotificationReceiver(provider, partial.decide);
    gateway.setWebhookUrl(local.url);
    try {
      await provider.createPayment(sale(1002));
      await gateway.payPartially(1002, 20_000, { reference: 'FT-A' });
      expect(await provider.queryPayment(1002)).toEqual({
        status: 'pending',
        amountPaid: 20_000,
        transfers: [{ reference: 'FT-A', amount: 20_000 }],
      });
      await gateway.sendDuplicate();
      await gateway.pay(1002, 25_000, { reference: 'FT-B' });
      const refs = local.parsed.map((p) => (p.ok ? p.notification.reference : '?'));
      expect(refs).toEqual(['FT-A', 'FT-A', 'FT-B']); // same orderCode, distinct transfers
      expect(partial.paidTotal(1002)).toBe(45_000); // the duplicate counted once
      expect(await provider.queryPayment(1002)).toEqual({
        status: 'paid',
        amountPaid: 45_000,
        transfers: [
          { reference: 'FT-A', amount: 20_000 },
          { reference: 'FT-B', amount: 25_000 },
        ],
      });
    } finally {
      await local.close();
    }
  });

  it('reuses the existing link when a create timed out and the SDK retry answers 231', async () => {
    const retrying = createPayosProvider(configFor(gateway, { timeoutMs: 300, maxRetries: 1 }));
    gateway.hangNextCreate(1_500);
    const created = await retrying.createPayment(sale(1001));
    const link = gateway.links.get(1001);
    expect(gateway.creates()).toHaveLength(2); // the timed-out try and the SDK's retry
    expect(gateway.links.size).toBe(1); // one payable code for the sale
    expect(created).toEqual({
      checkoutUrl: `${gateway.checkoutBaseUrl}${link?.id}`,
      providerRef: link?.id,
      reused: true,
    });
  });

  it('reuses on a repeated create, but never for a different amount', async () => {
    const first = await provider.createPayment(sale(1001));
    const again = await provider.createPayment(sale(1001));
    expect(again).toMatchObject({ providerRef: first.providerRef, reused: true });
    await expect(provider.createPayment(sale(1001, 50_000))).rejects.toMatchObject({
      gatewayCode: '231',
    });
  });

  it('reports an order payOS does not know as unknown', async () => {
    expect(await provider.queryPayment(9999)).toEqual({
      status: 'unknown',
      amountPaid: 0,
      transfers: [],
    });
  });

  it('says the gateway is unavailable when nothing answers', async () => {
    const config = { ...KEYS, baseUrl: await deadAddress(), checkoutBaseUrl: 'http://x/web/' };
    const offline = createPayosProvider({ ...config, maxRetries: 0, timeoutMs: 1_000 });
    await expect(offline.createPayment(sale(1001))).rejects.toBeInstanceOf(GatewayUnavailableError);
    await expect(offline.queryPayment(1001)).rejects.toMatchObject({ reason: 'unreachable' });
  });

  it('is not configured without keys, and says so instead of calling out', async () => {
    const blank = createPayosProvider({ ...configFor(gateway), apiKey: '' });
    expect(blank.isConfigured()).toBe(false);
    await expect(blank.createPayment(sale(1001))).rejects.toMatchObject({
      reason: 'not_configured',
    });
    expect(gateway.requests).toHaveLength(0);
  });
});
