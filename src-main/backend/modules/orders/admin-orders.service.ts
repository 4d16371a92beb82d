import { badRequest, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import { canMove } from './order-states.ts';
import type { OrdersRepo } from './orders.repo.ts';

/** Staff's side of orders: status changes along the state machine, each recorded. */
export function createAdminOrdersService(deps: {
  orders: OrdersRepo;
  listing: ProductListing;
  audit: AuditRepo;
  clock: Clock;
}) {
  const { orders, listing, audit, clock } = deps;

  function get(id: number, kind: 'sale' | 'rental') {
    const order = orders.find(id);
    if (!order || order.kind !== kind) throw notFound('Order not found');
    return order;
  }

  return {
    get,
    changeStatus(
      actor: User,
      id: number,
      kind: 'sale' | 'rental',
      to: string,
      note: string | null,
    ) {
      const order = get(id, kind);
      if (!canMove(kind, order.status, to)) {
        throw badRequest(`Cannot change order status from ${order.status} to ${to}`, 'status');
      }
      const at = clock.now();
      orders.transaction(() => {
        orders.setStatus(id, to, at.toISOString());
        orders.event(id, order.status, to, actor.id, note, at.toISOString());
        // A cancelled order gives its units back to the shelf.
        if (to === 'Cancelled')
          for (const l of orders.lines(id))
            orders.restock(l.variant_id as number, l.quantity as number, at.toISOString());
        audit.record({
          actorUserId: actor.id,
          action: 'order.status_changed',
          targetType: 'order',
          targetId: order.uuid,
          detail: { from: order.status, to },
          at,
        });
      });
      if (to === 'Cancelled') listing.invalidate();
    },
  };
}

export type AdminOrdersService = ReturnType<typeof createAdminOrdersService>;
