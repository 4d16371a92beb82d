import { badRequest, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import type { OrderLifecycle } from './order-lifecycle.ts';
import { staffCanMove } from './order-states.ts';
import type { OrdersRepo } from './orders.repo.ts';

/** Staff's side of orders: status changes along the state machine, each recorded. */
export function createAdminOrdersService(deps: {
  orders: OrdersRepo;
  listing: ProductListing;
  audit: AuditRepo;
  lifecycle: OrderLifecycle;
  clock: Clock;
}) {
  const { orders, listing, audit, lifecycle, clock } = deps;

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
      const requestedFrom = order.row.requested_from_status as string | null;
      if (!staffCanMove(kind, order.status, to, requestedFrom)) {
        throw badRequest(`Cannot change order status from ${order.status} to ${to}`, 'status');
      }
      const at = clock.now();
      const { restocked } = orders.transaction(() => {
        const moved = lifecycle.move(order, to, actor.id, note, { at });
        audit.record({
          actorUserId: actor.id,
          action: 'order.status_changed',
          targetType: 'order',
          targetId: order.uuid,
          detail: { from: order.status, to },
          at,
        });
        return moved;
      });
      if (restocked) listing.invalidate();
    },
  };
}

export type AdminOrdersService = ReturnType<typeof createAdminOrdersService>;
