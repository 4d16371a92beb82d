import type { AppDb } from '#main/backend/db/client';
import { statementCache } from '#main/backend/db/statements';
import { createOrderLookup } from '#main/backend/modules/orders/order-lookup';
import { rowByRef } from '#main/backend/db/ref';

export type PaymentMethod = 'cash' | 'payos' | 'vnpay' | 'momo';
export type PaymentStatus = 'pending' | 'paid' | 'cancelled' | 'expired' | 'failed';

export interface Payment {
  id: number;
  uuid: string;
  orderId: number;
  method: PaymentMethod;
  gatewayOrderCode: number | null;
  amount: number;
  amountReceived: number;
  status: PaymentStatus;
  checkoutUrl: string | null;
  qrCode: string | null;
  providerRef: string | null;
  confirmedBy: string | null;
  paidAt: string | null;
  createdAt: string;
}

/** The order fields a payment needs (orders are owned by the orders module). */
export interface PayableOrder {
  id: number;
  uuid: string;
  number: string;
  kind: 'sale' | 'rental';
  userId: number | null;
  status: string;
  source: string;
  shoppingSessionId: number | null;
  paymentStatus: 'unpaid' | 'paid' | 'refunded';
  total: number;
}

const toPayment = (r: Record<string, unknown>): Payment => ({
  id: r.id as number,
  uuid: r.uuid as string,
  orderId: r.order_id as number,
  method: r.method as PaymentMethod,
  gatewayOrderCode: r.gateway_order_code as number | null,
  amount: r.amount as number,
  amountReceived: r.amount_received as number,
  status: r.status as PaymentStatus,
  checkoutUrl: r.checkout_url as string | null,
  qrCode: r.qr_code as string | null,
  providerRef: r.provider_ref as string | null,
  confirmedBy: r.confirmed_by as string | null,
  paidAt: r.paid_at as string | null,
  createdAt: r.created_at as string,
});

const toOrder = (r: Record<string, unknown>): PayableOrder => ({
  id: r.id as number,
  uuid: r.uuid as string,
  number: r.number as string,
  kind: r.kind as 'sale' | 'rental',
  userId: r.user_id as number | null,
  status: r.status as string,
  source: r.source as string,
  shoppingSessionId: r.shopping_session_id as number | null,
  paymentStatus: r.payment_status as PayableOrder['paymentStatus'],
  total: r.total as number,
});

/** Payments, their transfers, and the one write they make to an order: marking it paid. */
export function createPaymentsRepo(db: AppDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const orderRow = createOrderLookup(db);
  const q = {
    byId: prepare('select * from payments where id = ?'),
    byUuid: prepare('select * from payments where uuid = ?'),
    byCode: prepare('select * from payments where method = ? and gateway_order_code = ?'),
    openForOrder: prepare("select * from payments where order_id = ? and status = 'pending'"),
    forOrder: prepare('select * from payments where order_id = ? order by id'),
    nextCode: prepare(`
      insert into sequences (name, value) values ('payment:gateway_code', 1)
      on conflict (name) do update set value = value + 1 returning value`),
    insert: prepare(`
      insert into payments (uuid, order_id, method, gateway_order_code, amount, status,
        cashier_id, confirmed_by, amount_received, paid_at, created_at, updated_at)
      values (@uuid, @orderId, @method, @gatewayOrderCode, @amount, @status,
        @cashierId, @confirmedBy, @amountReceived, @paidAt, @at, @at)`),
    linked: prepare(`
      update payments set checkout_url = ?, qr_code = ?, provider_ref = ?, updated_at = ?
      where id = ?`),
    setStatus: prepare(`
      update payments set status = ?, updated_at = ? where id = ? and status = 'pending'`),
    addTransfer: prepare(`
      insert into payment_transfers (payment_id, method, reference, amount, outcome, source, received_at)
      values (?, ?, ?, ?, ?, ?, ?) on conflict (method, reference) do nothing`),
    received: prepare(`
      update payments set amount_received = amount_received + ?, updated_at = ? where id = ?`),
    paid: prepare(`
      update payments set status = 'paid', confirmed_by = ?, paid_at = ?, updated_at = ?
      where id = ?`),
    cancelOthers: prepare(`
      update payments set status = 'cancelled', updated_at = ?
      where order_id = ? and id <> ? and status = 'pending'`),
    orderPaid: prepare(`
      update orders set payment_status = 'paid', payment_method = ?, updated_at = ?
      where id = ? and payment_status = 'unpaid'`),
    due: prepare(`
      select * from payments
      where status = 'pending' and method <> 'cash' and checkout_url is not null
        and created_at <= ? and coalesce(last_checked_at, '') <= ?
      order by coalesce(last_checked_at, ''), id limit ?`),
    checked: prepare('update payments set last_checked_at = ? where id = ?'),
    transfers: prepare('select * from payment_transfers where payment_id = ? order by id'),
    receiptLines: prepare(
      'select product_name, sku, quantity, unit_price, rental_days, line_total from order_lines where order_id = ? order by id',
    ),
    amounts: prepare(
      'select created_at, subtotal, discount, shipping_fee, services_fee, deposit, voucher_code from orders where id = ?',
    ),
  };

  const pageWhere = `from payments p join orders o on o.id = p.order_id
    where (@status is null or p.status = @status)
      and (@refundDue = 0 or exists (select 1 from payment_transfers t
        where t.payment_id = p.id and t.outcome = 'excess'))`;
  const pageCount = prepare(`select count(*) ${pageWhere}`).pluck();
  const pageRows = prepare(`
    select p.*, (select coalesce(sum(t.amount), 0) from payment_transfers t
      where t.payment_id = p.id and t.outcome = 'excess') as excess
    ${pageWhere} order by p.id desc limit @limit offset @offset`);

  return {
    /** Staff list, newest first; `refundDue`: attempts that received money after their order was paid. */
    page(
      filter: { status: PaymentStatus | null; refundDue: boolean },
      limit: number,
      offset: number,
    ) {
      const params = { status: filter.status, refundDue: filter.refundDue ? 1 : 0 };
      const total = pageCount.get(params) as number;
      const rows = pageRows.all({ ...params, limit, offset }) as Record<string, unknown>[];
      return {
        total,
        rows: rows.map((r) => ({ payment: toPayment(r), excess: r.excess as number })),
      };
    },
    transaction: <T>(fn: () => T): T => sqlite.transaction(fn)(),
    find(ref: string | number): Payment | null {
      const r = rowByRef(ref, q.byId, q.byUuid) as Record<string, unknown> | undefined;
      return r ? toPayment(r) : null;
    },
    byGatewayCode(method: PaymentMethod, code: number): Payment | null {
      const r = q.byCode.get(method, code) as Record<string, unknown> | undefined;
      return r ? toPayment(r) : null;
    },
    openForOrder(orderId: number): Payment | null {
      const r = q.openForOrder.get(orderId) as Record<string, unknown> | undefined;
      return r ? toPayment(r) : null;
    },
    forOrder: (orderId: number) =>
      (q.forOrder.all(orderId) as Record<string, unknown>[]).map(toPayment),
    /** By local id, UUID or order number. */
    order(ref: string | number): PayableOrder | null {
      const row = orderRow(ref);
      return row ? toOrder(row) : null;
    },
    nextGatewayCode: () => (q.nextCode.get() as { value: number }).value,
    insert(p: {
      uuid: string;
      orderId: number;
      method: PaymentMethod;
      gatewayOrderCode: number | null;
      amount: number;
      status: PaymentStatus;
      cashierId?: number | null;
      confirmedBy?: string | null;
      amountReceived?: number;
      paidAt?: string | null;
      at: string;
    }): number {
      return Number(
        q.insert.run({
          cashierId: null,
          confirmedBy: null,
          amountReceived: 0,
          paidAt: null,
          ...p,
        }).lastInsertRowid,
      );
    },
    linked(
      id: number,
      link: { checkoutUrl: string; qrCode: string | null; providerRef: string },
      at: string,
    ) {
      q.linked.run(link.checkoutUrl, link.qrCode, link.providerRef, at, id);
    },
    /** Ends a pending attempt; false when it had already ended. */
    end: (id: number, status: Exclude<PaymentStatus, 'pending' | 'paid'>, at: string) =>
      q.setStatus.run(status, at, id).changes === 1,
    /** False when this transfer reference was recorded before (a repeated notification). */
    addTransfer(
      payment: Payment,
      t: { reference: string; amount: number },
      outcome: 'applied' | 'excess',
      source: 'webhook' | 'reconcile',
      at: string,
    ): boolean {
      return (
        q.addTransfer.run(payment.id, payment.method, t.reference, t.amount, outcome, source, at)
          .changes === 1
      );
    },
    received: (id: number, amount: number, at: string) => q.received.run(amount, at, id),
    /** Marks the attempt and its order paid, and closes the order's other open attempts. */
    markPaid(payment: Payment, confirmedBy: string, at: string): boolean {
      q.cancelOthers.run(at, payment.orderId, payment.id);
      q.paid.run(confirmedBy, at, at, payment.id);
      return q.orderPaid.run(payment.method, at, payment.orderId).changes === 1;
    },
    /** Pending gateway attempts old enough to ask about, least recently checked first. */
    due: (createdBefore: string, checkedBefore: string, limit: number) =>
      (q.due.all(createdBefore, checkedBefore, limit) as Record<string, unknown>[]).map(toPayment),
    checked: (id: number, at: string) => q.checked.run(at, id),
    /** What a receipt prints about an order besides its payment. */
    receiptData(orderId: number) {
      return {
        amounts: q.amounts.get(orderId) as {
          created_at: string;
          subtotal: number;
          discount: number;
          shipping_fee: number;
          services_fee: number;
          deposit: number;
          voucher_code: string | null;
        },
        lines: q.receiptLines.all(orderId) as {
          product_name: string;
          sku: string;
          quantity: number;
          unit_price: number;
          rental_days: number | null;
          line_total: number;
        }[],
      };
    },
    transfers: (paymentId: number) =>
      q.transfers.all(paymentId) as {
        reference: string;
        amount: number;
        outcome: string;
        source: string;
        received_at: string;
      }[],
  };
}

export type PaymentsRepo = ReturnType<typeof createPaymentsRepo>;
