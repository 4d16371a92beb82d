import type { Clock } from '#main/backend/lib/clock';
import type { Logger } from '#main/backend/lib/logger';
import type { OrdersRepo } from '#main/backend/modules/orders/orders.repo';
import type { PayableOrder, Payment, PaymentsRepo } from './payments.repo.ts';
import type { AckResult } from './providers/payment-provider.ts';

/** Runs inside the transaction that marks an order paid (order status, session, …). */
export type PaidInTransaction = (order: PayableOrder, at: string) => void;
/** Runs after that transaction committed (live events, unlocking a cart). */
export type PaidListener = (order: PayableOrder, payment: Payment) => void;

/**
 * Money coming in: a transfer is counted once by its reference, an order is paid once, and
 * whatever must change with "paid" changes in the same transaction.
 */
export function createSettlement(deps: {
  repo: PaymentsRepo;
  /** The order's history: "paid" is recorded there like every other change. */
  events: Pick<OrdersRepo, 'event'>;
  clock: Clock;
  logger: Logger;
}) {
  const { repo, logger } = deps;
  const inTransaction: PaidInTransaction[] = [];
  const listeners: PaidListener[] = [];
  const now = () => deps.clock.now().toISOString();

  /** Marks paid in one transaction; listeners run after it commits. */
  function settle(payment: Payment, confirmedBy: string, at: string, actor: number | null = null) {
    const order = repo.order(payment.orderId)!;
    if (!repo.markPaid(payment, confirmedBy, at)) return false;
    const note = `paid: ${payment.method} (${confirmedBy})`;
    deps.events.event(order.id, order.status, order.status, actor, note, at);
    for (const hook of inTransaction) hook(order, at);
    return true;
  }

  function announce(payment: Payment): void {
    const fresh = repo.find(payment.id)!;
    const order = repo.order(fresh.orderId)!;
    for (const listener of listeners) {
      try {
        listener(order, fresh);
      } catch (err) {
        logger.error({ err, order: order.number }, 'payment listener failed');
      }
    }
  }

  /**
   * Money for `payment` arrived. Counted once per reference; VNPay and MoMo pay in one
   * transfer that must match exactly, a payOS link may collect several until the sum is met.
   * Money for an order that is already paid (an old link, a second wallet) is kept as excess
   * to refund, never as a second payment.
   */
  function receive(
    payment: Payment,
    transfer: { reference: string; amount: number },
    source: 'webhook' | 'reconcile',
  ): AckResult {
    if (payment.method !== 'payos' && transfer.amount !== payment.amount) return 'amount_mismatch';
    const at = now();
    const result = repo.transaction((): { ack: AckResult; paid: boolean } => {
      const order = repo.order(payment.orderId)!;
      const current = repo.find(payment.id)!;
      // Paid already, or cancelled (a smart-cart session abandoned): the money goes back.
      const excess =
        order.paymentStatus !== 'unpaid' ||
        current.status === 'paid' ||
        order.status === 'Cancelled';
      if (!repo.addTransfer(current, transfer, excess ? 'excess' : 'applied', source, at)) {
        return { ack: 'already_confirmed', paid: false };
      }
      if (excess) {
        logger.warn(
          { order: order.number, reference: transfer.reference, amount: transfer.amount },
          'money arrived for an order already paid: refund it',
        );
        return { ack: 'ok', paid: false };
      }
      repo.received(current.id, transfer.amount, at);
      if (current.amountReceived + transfer.amount < current.amount) {
        return { ack: 'ok', paid: false }; // underpaid: the link stays open for the rest
      }
      return { ack: 'ok', paid: settle(current, source, at) };
    });
    if (result.paid) announce(payment);
    return result.ack;
  }

  return {
    onPaidInTransaction: (hook: PaidInTransaction) => inTransaction.push(hook),
    onPaid: (listener: PaidListener) => listeners.push(listener),
    settle,
    announce,
    receive,
  };
}

export type Settlement = ReturnType<typeof createSettlement>;
