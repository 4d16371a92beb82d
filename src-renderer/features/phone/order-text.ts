import type { MessageKey, Translate } from '../../app/i18n/i18n.context.ts';

const STATUS: Record<string, MessageKey> = {
  Pending: 'phoneOrders.status.pending',
  Confirmed: 'phoneOrders.status.confirmed',
  Preparing: 'phoneOrders.status.preparing',
  Shipped: 'phoneOrders.status.shipped',
  Delivered: 'phoneOrders.status.delivered',
  Active: 'phoneOrders.status.active',
  Overdue: 'phoneOrders.status.overdue',
  Returned: 'phoneOrders.status.returned',
  Cancelled: 'phoneOrders.status.cancelled',
  'Cancel Requested': 'phoneOrders.status.cancelRequested',
  'Return Requested': 'phoneOrders.status.returnRequested',
};

const PAYMENT: Record<string, MessageKey> = {
  unpaid: 'phoneOrders.payment.unpaid',
  paid: 'phoneOrders.payment.paid',
  refunded: 'phoneOrders.payment.refunded',
};

/** A status the phone does not know yet is shown as the server named it. */
export const orderStatusText = (status: string, t: Translate) =>
  STATUS[status] ? t(STATUS[status]) : status;

/**
 * One step of an order's history. A step that keeps the status is a payment landing (the
 * server notes `paid: …`); the notes themselves are staff-facing and stay off the phone.
 */
export function historyText(
  event: { from: string | null; to: string; note: string | null },
  t: Translate,
) {
  if (event.from === event.to && event.note?.startsWith('paid'))
    return t('phoneOrders.payment.paid');
  return orderStatusText(event.to, t);
}

export const paymentStatusText = (status: string, t: Translate) =>
  PAYMENT[status] ? t(PAYMENT[status]) : status;

export const paymentBadgeClass = (status: string) =>
  status === 'paid'
    ? 'badge badge-good'
    : status === 'refunded'
      ? 'badge badge-info'
      : 'badge badge-warn';

/** The store's wall clock (it is in Vietnam; the server keeps UTC instants). */
export function formatOrderTime(at: string, locale: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}
