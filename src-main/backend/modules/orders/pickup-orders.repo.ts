import type { AppDb } from '#main/backend/db/client';
import { rowByRef } from '#main/backend/db/ref';

/** Orders made from a smart-cart session (in-store pickup). */
export function createPickupOrdersRepo(db: AppDb) {
  const sqlite = db.$client;
  const bySession = sqlite.prepare('select id from orders where shopping_session_id = ?').pluck();
  const deliver = sqlite.prepare(
    "update orders set status = 'Delivered', updated_at = ? where id = ? and status = 'Pending'",
  );
  const byId = sqlite.prepare('select * from orders where id = ?');
  const byUuid = sqlite.prepare('select * from orders where uuid = ?');
  const byNumber = sqlite.prepare('select * from orders where number = ?');
  return {
    /** An order row by local id, UUID or number (SO-…/RN-…). */
    row(ref: string): Record<string, unknown> | null {
      const r = /^[A-Z]{2,4}-/i.test(ref)
        ? byNumber.get(ref.toUpperCase())
        : rowByRef(ref, byId, byUuid);
      return (r as Record<string, unknown> | undefined) ?? null;
    },
    forSession: (sessionId: number) => (bySession.get(sessionId) as number | undefined) ?? null,
    /** Paid at the cart: the customer walks out with the goods. False if it had moved on. */
    handedOver: (orderId: number, at: string) => deliver.run(at, orderId).changes === 1,
  };
}

export type PickupOrdersRepo = ReturnType<typeof createPickupOrdersRepo>;
