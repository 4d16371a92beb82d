import type { AppDb } from '#main/backend/db/client';
import { createOrderLookup } from './order-lookup.ts';

/** Orders made from a smart-cart session (in-store pickup). */
export function createPickupOrdersRepo(db: AppDb) {
  const sqlite = db.$client;
  const bySession = sqlite.prepare('select id from orders where shopping_session_id = ?').pluck();
  return {
    /** An order row by local id, UUID or number. */
    row: createOrderLookup(db),
    forSession: (sessionId: number) => (bySession.get(sessionId) as number | undefined) ?? null,
  };
}

export type PickupOrdersRepo = ReturnType<typeof createPickupOrdersRepo>;
