/**
 * The order state machines (seed 002 §7 names). A status may move only along these arrows;
 * cancelling puts the stock back.
 */
export const TRANSITIONS: Record<'sale' | 'rental', Record<string, string[]>> = {
  sale: {
    Pending: ['Confirmed', 'Cancelled'],
    Confirmed: ['Shipped', 'Cancelled'],
    Shipped: ['Delivered'],
    'Cancel Requested': ['Cancelled', 'Confirmed'],
    Delivered: [],
    Cancelled: [],
  },
  rental: {
    Confirmed: ['Preparing', 'Cancelled'],
    Preparing: ['Active', 'Cancelled'],
    Active: ['Returned', 'Overdue'],
    Overdue: ['Returned'],
    'Return Requested': ['Returned', 'Active'],
    Returned: [],
    Cancelled: [],
  },
};

export const canMove = (kind: 'sale' | 'rental', from: string, to: string) =>
  TRANSITIONS[kind][from]?.includes(to) ?? false;

/** Seed 002's `actions` flags for the console's buttons. */
export function actionsFor(kind: 'sale' | 'rental', status: string) {
  const next = TRANSITIONS[kind][status] ?? [];
  return {
    can_cancel: next.includes('Cancelled'),
    can_confirm: next.includes('Confirmed') || (kind === 'rental' && next.includes('Preparing')),
    can_ship: next.includes('Shipped') || next.includes('Active'),
    can_complete: next.includes('Delivered') || next.includes('Returned'),
  };
}
