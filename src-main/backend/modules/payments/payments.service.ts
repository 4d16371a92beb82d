import { badRequest, conflict, DomainError, forbidden, notFound } from '#main/backend/http/errors';
import { isUniqueViolation } from '#main/backend/db/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import { gatewayOrderCode } from './gateway-codes.ts';
import { buildReceipt } from './receipt.ts';
import type { Gateways } from './gateways.ts';
import type { PayableOrder, Payment, PaymentStatus, PaymentsRepo } from './payments.repo.ts';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type AckResult,
  type GatewayAnswer,
  type GatewayName,
  type NotificationRequest,
} from './providers/payment-provider.ts';

export const GATEWAYS: GatewayName[] = ['payos', 'vnpay', 'momo'];

/** Runs inside the transaction that marks an order paid (order status, session, …). */
export type PaidInTransaction = (order: PayableOrder, at: string) => void;
/** Runs after that transaction committed (live events, unlocking a cart). */
export type PaidListener = (order: PayableOrder, payment: Payment) => void;

export interface PaymentsDeps {
  repo: PaymentsRepo;
  gateways: Gateways;
  terminalNo: number;
  /** Base of the return pages the gateways send the customer back to. */
  publicUrl: () => string;
  storeName: string;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

const isStaff = (user: User) => user.role !== 'customer';

/**
 * Collecting an order's money. An order has at most one open attempt (asking again returns
 * it), is paid at most once (both by partial unique indexes), and a transfer is counted once
 * by its reference — whether it arrives by webhook (relayed by headquarters), by polling, or
 * both, in any order and any number of times.
 */
export function createPaymentsService(deps: PaymentsDeps) {
  const { repo, gateways, clock, ids, logger } = deps;
  const inTransaction: PaidInTransaction[] = [];
  const listeners: PaidListener[] = [];
  const now = () => clock.now().toISOString();

  function orderFor(user: User, ref: string): PayableOrder {
    const order = repo.order(ref);
    if (!order) throw notFound('Không tìm thấy đơn hàng');
    if (order.userId !== user.id && !isStaff(user)) {
      throw forbidden('Đơn hàng không thuộc tài khoản này');
    }
    return order;
  }

  function requirePayable(order: PayableOrder): void {
    if (order.paymentStatus !== 'unpaid') throw conflict('Đơn hàng đã được thanh toán');
    if (order.status === 'Cancelled') throw conflict('Đơn hàng đã bị hủy');
    if (order.total <= 0) throw conflict('Đơn hàng không có khoản nào cần thanh toán');
  }

  /** Marks paid in one transaction; listeners run after it commits. */
  function settle(payment: Payment, confirmedBy: string, at: string, actor: number | null = null) {
    const order = repo.order(payment.orderId)!;
    if (!repo.markPaid(payment, confirmedBy, at)) return false;
    repo.orderEvent(order.id, order.status, actor, `paid: ${payment.method} (${confirmedBy})`, at);
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

  async function link(payment: Payment, order: PayableOrder, ip?: string): Promise<Payment> {
    const gateway = gateways[payment.method as GatewayName];
    const base = deps.publicUrl().replace(/\/$/, '');
    const created = await gateway.createPayment({
      orderCode: payment.gatewayOrderCode!,
      amount: payment.amount,
      description: `Don ${order.number}`,
      returnUrl: `${base}/#/phone/pay/${payment.uuid}`,
      cancelUrl: `${base}/#/phone/pay/${payment.uuid}?cancelled=1`,
      ipAddress: ip,
    });
    repo.linked(
      payment.id,
      {
        checkoutUrl: created.checkoutUrl,
        qrCode: created.qrCode ?? null,
        providerRef: created.providerRef,
      },
      now(),
    );
    return repo.find(payment.id)!;
  }

  function unavailable(gateway: GatewayName, reason: string): DomainError {
    return new DomainError(
      503,
      'GATEWAY_UNAVAILABLE',
      `${gateway} hiện không dùng được (${reason}); có thể thanh toán tiền mặt tại quầy`,
      'method',
    );
  }

  return {
    /** Register work that must commit together with "paid" (e.g. the order's status). */
    onPaidInTransaction: (hook: PaidInTransaction) => inTransaction.push(hook),
    onPaid: (listener: PaidListener) => listeners.push(listener),

    methods() {
      return [
        { method: 'cash' as const, available: true, reason: null },
        ...GATEWAYS.map((g) => ({
          method: g,
          available: gateways[g].isConfigured(),
          reason: gateways[g].isConfigured() ? null : 'not_configured',
        })),
      ];
    },

    get(user: User, ref: string): { payment: Payment; order: PayableOrder } {
      const payment = repo.find(ref);
      if (!payment) throw notFound('Không tìm thấy giao dịch thanh toán');
      const order = orderFor(user, String(payment.orderId));
      return { payment, order };
    },

    list(
      filter: { status: PaymentStatus | null; refundDue: boolean },
      page: number,
      limit: number,
    ) {
      const { total, rows } = repo.page(filter, limit, (page - 1) * limit);
      return {
        total,
        rows: rows.map((r) => ({ ...r, order: repo.order(r.payment.orderId)! })),
      };
    },

    receipt: (user: User, orderRef: string) =>
      buildReceipt(repo, orderFor(user, orderRef), deps.storeName),

    forOrder(user: User, orderRef: string) {
      const order = orderFor(user, orderRef);
      return { order, payments: repo.forOrder(order.id) };
    },

    /**
     * A payment link for the order with `method`. Asking again for the same method returns
     * the same attempt (and the same gateway code: when an earlier create timed out, the
     * gateway is asked again with that code and its existing link is reused).
     */
    async start(user: User, orderRef: string, method: GatewayName, ip?: string) {
      const order = orderFor(user, orderRef);
      requirePayable(order);
      const gateway = gateways[method];
      if (!gateway.isConfigured()) throw unavailable(method, 'chưa cấu hình');
      const at = now();
      let payment = repo.openForOrder(order.id);
      if (payment && (payment.method !== method || payment.amount !== order.total)) {
        // Switching wallets: the old link is closed here; money still sent to it is caught
        // by its reference and refunded as excess if this order gets paid another way.
        repo.end(payment.id, 'cancelled', at);
        payment = null;
      }
      if (!payment) {
        try {
          payment = repo.transaction(() => {
            const code = gatewayOrderCode(deps.terminalNo, repo.nextGatewayCode());
            const id = repo.insert({
              uuid: ids.uuid(),
              orderId: order.id,
              method,
              gatewayOrderCode: code,
              amount: order.total,
              status: 'pending',
              at,
            });
            return repo.find(id)!;
          });
        } catch (err) {
          // Two taps at once: the other request made the attempt; use it.
          if (!isUniqueViolation(err)) throw err;
          payment = repo.openForOrder(order.id);
          if (!payment || payment.method !== method) throw conflict('Đang tạo thanh toán khác');
        }
      }
      if (payment.checkoutUrl) return { payment, order };
      try {
        return { payment: await link(payment, order, ip), order };
      } catch (err) {
        if (err instanceof GatewayUnavailableError) throw unavailable(method, err.reason);
        if (err instanceof GatewayRejectedError) {
          logger.warn({ err, order: order.number }, 'gateway refused the payment');
          repo.end(payment.id, 'failed', now());
          throw new DomainError(502, 'GATEWAY_REJECTED', `${method} từ chối tạo thanh toán`);
        }
        throw err;
      }
    },

    /** Cash at the counter: staff only; the change is computed here. */
    cash(staff: User, orderRef: string, received: number) {
      if (!isStaff(staff)) throw forbidden('Chỉ nhân viên thu ngân được ghi nhận tiền mặt');
      const order = orderFor(staff, orderRef);
      requirePayable(order);
      if (received < order.total) {
        throw badRequest(`Tiền nhận ${received} ít hơn tổng ${order.total}`, 'amount_received');
      }
      const at = now();
      const payment = repo.transaction(() => {
        // Cash replaces an open link; money still sent to it later is kept as excess.
        const open = repo.openForOrder(order.id);
        if (open) repo.end(open.id, 'cancelled', at);
        const id = repo.insert({
          uuid: ids.uuid(),
          orderId: order.id,
          method: 'cash',
          gatewayOrderCode: null,
          amount: order.total,
          // What was handed over; the change is the difference.
          amountReceived: received,
          status: 'pending',
          cashierId: staff.id,
          at,
        });
        const p = repo.find(id)!;
        if (!settle(p, 'cashier', at, staff.id)) throw conflict('Đơn hàng đã được thanh toán');
        return repo.find(id)!;
      });
      announce(payment);
      return { payment, order: repo.order(order.id)! };
    },

    /** A gateway's webhook/IPN, relayed verbatim by headquarters. Answers in its format. */
    async notify(method: GatewayName, request: NotificationRequest): Promise<GatewayAnswer> {
      const gateway = gateways[method];
      if (!gateway.isConfigured()) return gateway.acknowledge('error');
      const parsed = await gateway.parseNotification(request);
      if (!parsed.ok) {
        logger.warn({ gateway: method, reason: parsed.reason }, 'payment notification refused');
        return gateway.acknowledge(parsed.reason === 'bad_signature' ? 'bad_signature' : 'error');
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

export type PaymentsService = ReturnType<typeof createPaymentsService>;
