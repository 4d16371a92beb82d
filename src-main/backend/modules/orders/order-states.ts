export type OrderKind = 'sale' | 'rental';
export type RequestKind = 'cancel' | 'return';

/**
 * The order state machines (seed 002 §7 names): every arrow any actor may take. Customers
 * open requests (`Cancel Requested`, `Return Requested`); staff settle them by accepting
 * (`Cancelled`, `Returned`) or declining (back to the status the request interrupted); the
 * overdue sweep moves `Active` rentals past their end to `Overdue`.
 */
export const TRANSITIONS: Record<OrderKind, Record<string, string[]>> = {
  sale: {
    Pending: ['Confirmed', 'Cancelled', 'Cancel Requested'],
    Confirmed: ['Shipped', 'Cancelled', 'Cancel Requested'],
    'Cancel Requested': ['Cancelled', 'Pending', 'Confirmed'],
    Shipped: ['Delivered'],
    Delivered: [],
    Cancelled: [],
  },
  rental: {
    Confirmed: ['Preparing', 'Cancelled', 'Cancel Requested'],
    Preparing: ['Active', 'Cancelled', 'Cancel Requested'],
    'Cancel Requested': ['Cancelled', 'Confirmed', 'Preparing'],
    Active: ['Returned', 'Overdue', 'Return Requested'],
    Overdue: ['Returned', 'Return Requested'],
    'Return Requested': ['Returned', 'Active', 'Overdue'],
    Returned: [],
    Cancelled: [],
  },
};

/** What each customer request moves the order to, and what accepting it means. */
export const REQUESTS: Record<RequestKind, { status: string; accept: string }> = {
  cancel: { status: 'Cancel Requested', accept: 'Cancelled' },
  return: { status: 'Return Requested', accept: 'Returned' },
};

export const requestOf = (status: string): RequestKind | null =>
  status === REQUESTS.cancel.status
    ? 'cancel'
    : status === REQUESTS.return.status
      ? 'return'
      : null;

export const canMove = (kind: OrderKind, from: string, to: string) =>
  TRANSITIONS[kind][from]?.includes(to) ?? false;

/** Whether a customer may open `request` on an order that is now `from`. */
export const canRequest = (kind: OrderKind, from: string, request: RequestKind) =>
  canMove(kind, from, REQUESTS[request].status);

/**
 * A staff status change (PATCH …/status). Staff never open a request on a customer's behalf;
 * out of an open request they may only accept it or decline it (back to `requestedFrom`).
 */
export function staffCanMove(
  kind: OrderKind,
  from: string,
  to: string,
  requestedFrom: string | null,
): boolean {
  if (!canMove(kind, from, to) || requestOf(to)) return false;
  const open = requestOf(from);
  return !open || to === REQUESTS[open].accept || to === requestedFrom;
}

/**
 * Seed 002's `actions` flags for the console's buttons. An open request shows as the detail's
 * `request`; its review is request-review, so it offers no other move here.
 */
export function actionsFor(kind: OrderKind, status: string) {
  const open = requestOf(status);
  // Accepting an open request is its one forward move (declining goes back, not forward).
  const next = open
    ? [REQUESTS[open].accept]
    : (TRANSITIONS[kind][status] ?? []).filter((s) => !requestOf(s));
  return {
    can_cancel: next.includes('Cancelled'),
    can_confirm: next.includes('Confirmed') || (kind === 'rental' && next.includes('Preparing')),
    can_ship: next.includes('Shipped') || next.includes('Active'),
    can_complete: next.includes('Delivered') || next.includes('Returned'),
  };
}
