import type { AppDb } from '#main/backend/db/client';
import { rowByRef } from '#main/backend/db/ref';

/**
 * An order row by whatever a client holds: the local id, the UUID, or the order number
 * (SO-…, RN-…, ORD-…; any letter case). Shared by every route that takes `{order_id}`.
 */
export function createOrderLookup(db: AppDb) {
  const sqlite = db.$client;
  const byId = sqlite.prepare('select * from orders where id = ?');
  const byUuid = sqlite.prepare('select * from orders where uuid = ?');
  const byNumber = sqlite.prepare('select * from orders where number = ?');
  return (ref: string | number): Record<string, unknown> | null => {
    const text = String(ref);
    const row = /^[A-Z]{2,4}-/i.test(text)
      ? byNumber.get(text.toUpperCase())
      : rowByRef(text, byId, byUuid);
    return (row as Record<string, unknown> | undefined) ?? null;
  };
}
