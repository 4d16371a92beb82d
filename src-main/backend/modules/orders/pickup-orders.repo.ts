import type { AppDb } from '#main/backend/db/client';
import { createOrderLookup } from './order-lookup.ts';

/** Orders made from a smart-cart session (in-store pickup). */
export function createPickupOrdersRepo(db: AppDb) {
  const sqlite = db.$client;
  const bySession = sqlite.prepare('select id from orders where shopping_session_id = ?').pluck();
  const deliver = sqlite.prepare(
    "update orders set status = 'Delivered', updated_at = ? where id = ? and status = 'Pending'",
  );
  return {
    /** An order row by local id, UUID or number. */
    row: createOrderLookup(db),
    forSession: (sessionId: number) => (bySession.get(sessionId) as number | undefined) ?? null,
    /** Paid at the cart: the customer walks out with the goods. False if it had moved on. */
    handedOver: (orderId: number, at: string) => deliver.run(at, orderId).changes === 1,
  };
}

export type PickupOrdersRepo = ReturnType<typeof createPickupOrdersRepo>;
