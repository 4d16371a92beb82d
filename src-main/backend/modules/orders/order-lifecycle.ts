import { badRequest } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { RentalSettings } from '#shared/contracts/settings';
import { requestOf } from './order-states.ts';
import type { OrdersRepo } from './orders.repo.ts';
import { daysLate, overdueFee, rentalWindow } from './rental-fees.ts';
import type { RentalsRepo } from './rentals.repo.ts';

export type Order = NonNullable<ReturnType<OrdersRepo['find']>>;

/**
 * What happens to an order when its status changes, whoever changes it (staff, a request's
 * review, a buy-out, the overdue sweep). `move` must run inside the caller's transaction, so
 * the status, its side effects and its history row are written together or not at all.
 */
export function createOrderLifecycle(deps: {
  orders: OrdersRepo;
  rentals: RentalsRepo;
  settings: () => RentalSettings;
  clock: Clock;
}) {
  const { orders, rentals, settings, clock } = deps;

  function move(
    order: Order,
    to: string,
    actor: number | null,
    note: string | null,
    opts: { at?: Date; keepStock?: boolean } = {},
  ) {
    const at = opts.at ?? clock.now();
    const iso = at.toISOString();
    const lines = rentals.lines(order.id);
    if (order.kind === 'rental' && order.status === 'Preparing' && to === 'Active') {
      // The counter hands out named units: every line needs its asset before the rental starts.
      const unprepared = lines.find((l) => !l.assetId);
      if (unprepared) {
        throw badRequest(
          `Item ${unprepared.id} (${unprepared.productName}) must be prepared before the rental starts`,
          'status',
        );
      }
      rentals.start(order.id, rentalWindow(at, lines));
    }
    if (to === 'Returned') {
      const end = (order.row.rental_end as string | null) ?? null;
      const fee = overdueFee(lines, daysLate(end, at), settings().penalty.overdue_fee_rate);
      rentals.returned(order.id, iso, fee);
    }
    // Cancelled and returned units go back on the shelf; a bought-out rental's stay with the buyer.
    const restock = (to === 'Cancelled' || to === 'Returned') && !opts.keepStock;
    if (restock) for (const l of lines) orders.restock(l.variantId, l.quantity, iso);
    if (requestOf(order.status)) rentals.closeRequest(order.id);
    orders.setStatus(order.id, to, iso);
    orders.event(order.id, order.status, to, actor, note, iso);
    return { restocked: restock };
  }

  return {
    move,
    /**
     * Active rentals past their end become Overdue, each with a history row by nobody (the
     * system). One transaction per sweep: better-sqlite3 is synchronous, so no request can
     * interleave between reading a rental and moving it.
     */
    sweepOverdue(): number {
      const at = clock.now();
      return orders.transaction(() => {
        const due = rentals.dueBefore(at.toISOString());
        for (const id of due) move(orders.find(id)!, 'Overdue', null, 'overdue', { at });
        return due.length;
      });
    },
  };
}

export type OrderLifecycle = ReturnType<typeof createOrderLifecycle>;
