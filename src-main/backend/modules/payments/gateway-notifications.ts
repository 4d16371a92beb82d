import { notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { Logger } from '#main/backend/lib/logger';
import type { Gateways } from './gateways.ts';
import type { PaymentsRepo } from './payments.repo.ts';
import type {
  GatewayAnswer,
  GatewayName,
  NotificationRequest,
} from './providers/payment-provider.ts';
import type { Settlement } from './settlement.ts';

/**
 * What the gateways say about payments: their webhooks/IPNs (relayed by headquarters) and,
 * because the store sits behind NAT and a relay can be late or lost, the answers to polling.
 */
export function createGatewayNotifications(deps: {
  repo: PaymentsRepo;
  gateways: Gateways;
  settlement: Settlement;
  clock: Clock;
  logger: Logger;
}) {
  const { repo, gateways, clock, logger } = deps;
  const { receive } = deps.settlement;
  const now = () => clock.now().toISOString();

  return {
    /** A gateway's webhook/IPN, relayed verbatim by headquarters. Answers in its format. */
    async notify(method: GatewayName, request: NotificationRequest): Promise<GatewayAnswer> {
      const gateway = gateways[method];
      // Nothing to verify with: this terminal does not take that gateway.
      if (!gateway.isConfigured()) throw notFound(`${method} is not configured on this terminal`);
      const parsed = await gateway.parseNotification(request);
      if (!parsed.ok) {
        logger.warn({ gateway: method, reason: parsed.reason }, 'payment notification refused');
        return gateway.acknowledge(parsed.reason);
      }
      const n = parsed.notification;
      const payment = repo.byGatewayCode(method, n.orderCode);
      if (!payment) return gateway.acknowledge('unknown_order');
      if (!n.paid) {
        // A failed or cancelled attempt ends the link; it never undoes a payment.
        if (method !== 'payos' && payment.status === 'pending')
          repo.end(payment.id, 'failed', now());
        return gateway.acknowledge(payment.status === 'paid' ? 'already_confirmed' : 'ok');
      }
      return gateway.acknowledge(
        receive(payment, { reference: n.reference, amount: n.amount }, 'webhook'),
      );
    },

    /**
     * Asks the gateways about attempts left pending (the store sits behind NAT; a relayed
     * webhook may be late or lost). Whichever of poll and webhook arrives first confirms.
     */
    async reconcile(options: { olderThanMs?: number; everyMs?: number; limit?: number } = {}) {
      const t = clock.now().getTime();
      const due = repo.due(
        new Date(t - (options.olderThanMs ?? 10_000)).toISOString(),
        new Date(t - (options.everyMs ?? 30_000)).toISOString(),
        options.limit ?? 50,
      );
      let confirmed = 0;
      for (const payment of due) {
        const gateway = gateways[payment.method as GatewayName];
        repo.checked(payment.id, now());
        try {
          const answer = await gateway.queryPayment(
            payment.gatewayOrderCode!,
            payment.providerRef ?? undefined,
          );
          for (const transfer of answer.transfers) receive(payment, transfer, 'reconcile');
          if (answer.status === 'cancelled' || answer.status === 'expired') {
            repo.end(payment.id, answer.status, now());
          } else if (repo.order(payment.orderId)!.status === 'Cancelled') {
            repo.end(payment.id, 'cancelled', now()); // nothing left to collect; stop asking
          }
          if (repo.find(payment.id)!.status === 'paid') confirmed += 1;
        } catch (err) {
          // Offline or refused: try again next round; selling goes on.
          logger.debug({ err, payment: payment.uuid }, 'reconciliation could not ask the gateway');
        }
      }
      return { checked: due.length, confirmed };
    },
  };
}

export type GatewayNotifications = ReturnType<typeof createGatewayNotifications>;
