import { badRequest, conflict, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import type { Order, OrderLifecycle } from './order-lifecycle.ts';
import {
  REQUESTS,
  canRequest,
  requestOf,
  type OrderKind,
  type RequestKind,
} from './order-states.ts';
import type { OrdersRepo } from './orders.repo.ts';
import type { RentalsRepo } from './rentals.repo.ts';

const WHAT: Record<RequestKind, string> = { cancel: 'cancellation', return: 'a return' };

/**
 * Cancel and return requests: a customer opens one on their own order, staff accept or
 * decline it. The interrupted status is remembered so a decline puts the order back.
 */
export function createOrderRequestsService(deps: {
  orders: OrdersRepo;
  rentals: RentalsRepo;
  lifecycle: OrderLifecycle;
  listing: ProductListing;
  audit: AuditRepo;
  clock: Clock;
}) {
  const { orders, rentals, lifecycle, listing, audit, clock } = deps;

  return {
    /** A customer asks to cancel or return their order. Someone else's order is not found. */
    request(user: User, id: number, kind: RequestKind, reason: string | null): Order {
      return orders.transaction(() => {
        const order = orders.find(id);
        if (!order || order.userId !== user.id) throw notFound('Order not found');
        if (!canRequest(order.kind, order.status, kind)) {
          throw conflict(`Cannot request ${WHAT[kind]} when order is '${order.status}'`);
        }
        const at = clock.now();
        const to = REQUESTS[kind].status;
        rentals.openRequest(order.id, kind, reason, order.status, at.toISOString());
        lifecycle.move(order, to, user.id, reason, { at });
        return { ...order, status: to };
      });
    },

    /** Staff settle an open request: accept moves on, decline goes back where it was. */
    review(
      actor: User,
      id: number,
      kind: OrderKind,
      decision: 'accept' | 'decline',
      reason: string | null,
    ) {
      const at = clock.now();
      const { restocked } = orders.transaction(() => {
        const order = orders.find(id);
        if (!order || order.kind !== kind) throw notFound('Order not found');
        const open = requestOf(order.status);
        const from = order.row.requested_from_status as string | null;
        if (!open || !from) {
          throw badRequest(`Order has no open request to review; it is '${order.status}'`);
        }
        const to = decision === 'accept' ? REQUESTS[open].accept : from;
        const note = reason ?? `${open} request ${decision === 'accept' ? 'accepted' : 'declined'}`;
        const moved = lifecycle.move(order, to, actor.id, note, { at });
        audit.record({
          actorUserId: actor.id,
          action: 'order.request_reviewed',
          targetType: 'order',
          targetId: order.uuid,
          detail: { request: open, decision, from: order.status, to, reason },
          at,
        });
        return moved;
      });
      if (restocked) listing.invalidate();
    },
  };
}

export type OrderRequestsService = ReturnType<typeof createOrderRequestsService>;
