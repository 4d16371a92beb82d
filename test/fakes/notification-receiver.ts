import type {
  AckResult,
  GatewayNotification,
  ParsedNotification,
  PaymentProvider,
} from '#main/backend/modules/payments/providers/payment-provider';
import { startLoopbackServer } from './loopback-server.ts';

/**
 * The merchant side of a webhook/IPN, over real HTTP: parses with the provider, lets `decide`
 * pick the outcome, answers with the provider's acknowledgement. Stands in for the payments
 * route until it exists.
 */
export async function startNotificationReceiver(
  /** A function when the provider needs the receiver's URL first (MoMo's ipnUrl). */
  providerOrLater: PaymentProvider | (() => PaymentProvider),
  decide: (notification: GatewayNotification) => AckResult = () => 'ok',
) {
  const parsed: ParsedNotification[] = [];
  const server = await startLoopbackServer(async (request) => {
    const provider = typeof providerOrLater === 'function' ? providerOrLater() : providerOrLater;
    const result = await provider.parseNotification({
      method: request.method,
      headers: request.headers,
      query: request.query,
      body: request.json,
    });
    parsed.push(result);
    const outcome: AckResult = result.ok
      ? decide(result.notification)
      : result.reason === 'bad_signature'
        ? 'bad_signature'
        : 'error';
    const answer = provider.acknowledge(outcome);
    return { status: answer.status, body: answer.body, contentType: answer.contentType };
  });
  return { url: `${server.url}/ipn`, parsed, close: server.close };
}

/**
 * A minimal stand-in for the payments service's rules, enough to show what the gateways'
 * answers look like: unknown orders, repeated transfer references and, when `exact`, a wrong
 * amount are refused; paid transfers are summed per order.
 */
export function createTestLedger(expected: Record<number, number>, { exact = true } = {}) {
  const seen = new Set<string>();
  const paid = new Map<number, number>();
  const decide = (n: GatewayNotification): AckResult => {
    const due = expected[n.orderCode];
    if (due === undefined) return 'unknown_order';
    if (seen.has(n.reference)) return 'already_confirmed';
    if (exact && n.amount !== due) return 'amount_mismatch';
    seen.add(n.reference);
    if (n.paid) paid.set(n.orderCode, (paid.get(n.orderCode) ?? 0) + n.amount);
    return 'ok';
  };
  return { decide, paidTotal: (orderCode: number) => paid.get(orderCode) ?? 0 };
}
