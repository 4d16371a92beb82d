import type { OrderActions, OrderKind } from '../../api/orders.api.ts';
import type { MessageKey } from '../../app/i18n/i18n.context.ts';

export const KIND_LABELS: Record<OrderKind, MessageKey> = {
  sale: 'orders.kind.sale',
  rental: 'orders.kind.rental',
};

export type StatusTone = 'good' | 'warn' | 'error' | 'info';

/** The server's status names (fixed English words, seed 002 §7), translated and colour-coded. */
const STATUSES: Record<string, { key: MessageKey; tone: StatusTone }> = {
  Pending: { key: 'orderStatus.pending', tone: 'warn' },
  Confirmed: { key: 'orderStatus.confirmed', tone: 'info' },
  Shipped: { key: 'orderStatus.shipped', tone: 'info' },
  Delivered: { key: 'orderStatus.delivered', tone: 'good' },
  Cancelled: { key: 'orderStatus.cancelled', tone: 'error' },
  'Cancel Requested': { key: 'orderStatus.cancelRequested', tone: 'warn' },
  Preparing: { key: 'orderStatus.preparing', tone: 'info' },
  Active: { key: 'orderStatus.active', tone: 'good' },
  Overdue: { key: 'orderStatus.overdue', tone: 'error' },
  'Return Requested': { key: 'orderStatus.returnRequested', tone: 'warn' },
  Returned: { key: 'orderStatus.returned', tone: 'good' },
};

export function statusInfo(status: string): { key: MessageKey; tone: StatusTone } | null {
  return STATUSES[status] ?? null;
}

/** A customer's request waits for staff to accept or decline it, not for a status button. */
export const isRequestStatus = (status: string): boolean =>
  status === 'Cancel Requested' || status === 'Return Requested';

/** Rental lines get their physical unit assigned while the order is being got ready. */
export const canPrepareRental = (kind: OrderKind, status: string): boolean =>
  kind === 'rental' && (status === 'Confirmed' || status === 'Preparing');

export type StatusAction = 'confirm' | 'ship' | 'complete' | 'cancel';

const FLAGS: Record<StatusAction, keyof OrderActions> = {
  confirm: 'can_confirm',
  ship: 'can_ship',
  complete: 'can_complete',
  cancel: 'can_cancel',
};

/**
 * The status each button moves to. The flags are the same for both kinds of order, but a
 * rental "confirmed" is already paid for: its next steps are preparing, handing over and
 * taking back.
 */
const NEXT_STATUS: Record<OrderKind, Record<StatusAction, string>> = {
  sale: { confirm: 'Confirmed', ship: 'Shipped', complete: 'Delivered', cancel: 'Cancelled' },
  rental: { confirm: 'Preparing', ship: 'Active', complete: 'Returned', cancel: 'Cancelled' },
};

const LABELS: Record<OrderKind, Record<StatusAction, MessageKey>> = {
  sale: {
    confirm: 'orders.action.sale.confirm',
    ship: 'orders.action.sale.ship',
    complete: 'orders.action.sale.complete',
    cancel: 'orders.action.cancel',
  },
  rental: {
    confirm: 'orders.action.rental.confirm',
    ship: 'orders.action.rental.ship',
    complete: 'orders.action.rental.complete',
    cancel: 'orders.action.cancel',
  },
};

export interface StatusStep {
  action: StatusAction;
  status: string;
  label: MessageKey;
}

/** The buttons the server's `actions` flags allow now, forward steps first and cancel last. */
export function statusSteps(kind: OrderKind, actions: OrderActions): StatusStep[] {
  const order: StatusAction[] = ['confirm', 'ship', 'complete', 'cancel'];
  return order
    .filter((action) => actions[FLAGS[action]])
    .map((action) => ({ action, status: NEXT_STATUS[kind][action], label: LABELS[kind][action] }));
}
