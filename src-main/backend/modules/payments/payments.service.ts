import { badRequest, conflict, DomainError, forbidden, notFound } from '#main/backend/http/errors';
import { isUniqueViolation } from '#main/backend/db/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import { gatewayOrderCode } from './gateway-codes.ts';
import { createGatewayNotifications } from './gateway-notifications.ts';
import { buildReceipt } from './receipt.ts';
import { createSettlement } from './settlement.ts';
import type { Gateways } from './gateways.ts';
import type { OrdersRepo } from '#main/backend/modules/orders/orders.repo';
import type { PayableOrder, Payment, PaymentStatus, PaymentsRepo } from './payments.repo.ts';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type GatewayAnswer,
  type GatewayName,
  type NotificationRequest,
} from './providers/payment-provider.ts';
import { isStaffRole } from '#shared/contracts/roles';

export const GATEWAYS: GatewayName[] = ['payos', 'vnpay', 'momo'];

export interface PaymentsDeps {
  repo: PaymentsRepo;
  orderEvents: Pick<OrdersRepo, 'event'>;
  gateways: Gateways;
  terminalNo: number;
  /** Base of the return pages the gateways send the customer back to. */
  publicUrl: () => string;
  storeName: string;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

/**
 * Collecting an order's money. An order has at most one open attempt (asking again returns
 * it), is paid at most once (both by partial unique indexes), and a transfer is counted once
 * by its reference — whether it arrives by webhook (relayed by headquarters), by polling, or
 * both, in any order and any number of times.
 */
export function createPaymentsService(deps: PaymentsDeps) {
  const { repo, gateways, clock, ids, logger } = deps;
  const now = () => clock.now().toISOString();
  const settlement = createSettlement({ repo, events: deps.orderEvents, clock, logger });
  const { settle, announce } = settlement;
  const notifications = createGatewayNotifications({ repo, gateways, settlement, clock, logger });

  function orderFor(user: User, ref: string): PayableOrder {
    const order = repo.order(ref);
    if (!order) throw notFound('Không tìm thấy đơn hàng');
    // Someone else's order is "not found": its existence is nobody else's business.
    if (order.userId !== user.id && !isStaffRole(user.role))
      throw notFound('Không tìm thấy đơn hàng');
    return order;
  }

  function requirePayable(order: PayableOrder): void {
    if (order.paymentStatus !== 'unpaid') throw conflict('Đơn hàng đã được thanh toán');
    if (order.status === 'Cancelled') throw conflict('Đơn hàng đã bị hủy');
    if (order.total <= 0) throw conflict('Đơn hàng không có khoản nào cần thanh toán');
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
    onPaidInTransaction: settlement.onPaidInTransaction,
    onPaid: settlement.onPaid,

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
      if (!isStaffRole(staff.role))
        throw forbidden('Chỉ nhân viên thu ngân được ghi nhận tiền mặt');
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

    notify: (method: GatewayName, request: NotificationRequest): Promise<GatewayAnswer> =>
      notifications.notify(method, request),
    reconcile: (options?: { olderThanMs?: number; everyMs?: number; limit?: number }) =>
      notifications.reconcile(options),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
