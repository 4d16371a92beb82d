import type { AppDb } from '#main/backend/db/client';
import { statementCache } from '#main/backend/db/statements';
import type { RentedLine } from './rental-fees.ts';

export interface OrderLine extends RentedLine {
  id: number;
  orderId: number;
  variantId: number;
  productName: string;
  sku: string;
  lineTotal: number;
  assetId: string | null;
  preparedAt: string | null;
}

const toLine = (r: Record<string, unknown>): OrderLine => ({
  id: r.id as number,
  orderId: r.order_id as number,
  variantId: r.variant_id as number,
  productName: r.product_name as string,
  sku: r.sku as string,
  quantity: r.quantity as number,
  unitPrice: r.unit_price as number,
  rentalDays: r.rental_days as number | null,
  lineTotal: r.line_total as number,
  assetId: r.asset_id as string | null,
  preparedAt: r.prepared_at as string | null,
});

/**
 * The columns of orders and order lines that requests, rentals and buy-outs change. Callers
 * group these with the status change and its history row in one transaction.
 */
export function createRentalsRepo(db: AppDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const statements = {
    lines: prepare('select * from order_lines where order_id = ? order by id'),
    openRequest: prepare(
      `update orders set request_kind = ?, request_reason = ?, requested_from_status = ?,
         updated_at = ? where id = ?`,
    ),
    closeRequest: prepare(
      `update orders set request_kind = null, request_reason = null, requested_from_status = null
       where id = ?`,
    ),
    start: prepare('update orders set rental_start = ?, rental_end = ? where id = ?'),
    returned: prepare('update orders set returned_at = ?, overdue_fee = ? where id = ?'),
    converted: prepare('update orders set converted_to_order_id = ? where id = ?'),
    // Served by orders_rental_due_idx (kind, status, rental_end).
    due: prepare(
      `select id from orders where kind = 'rental' and status = 'Active' and rental_end < ?
         order by rental_end, id`,
    ).pluck(),
    prepare: prepare(
      `update order_lines set asset_id = @assetId, condition_note = @note,
         evidence_photos = @photos, prepared_at = @at, prepared_by = @by where id = @id`,
    ),
    // An asset is out with at most one open rental at a time.
    assetHolder: prepare(
      `select o.number from order_lines l join orders o on o.id = l.order_id
         where l.asset_id = ? and l.id <> ? and o.kind = 'rental'
           and o.status not in ('Returned', 'Cancelled')
         limit 1`,
    ).pluck(),
    salePrice: prepare('select price from product_variants where id = ?').pluck(),
  };

  return {
    lines: (orderId: number): OrderLine[] =>
      (statements.lines.all(orderId) as Record<string, unknown>[]).map(toLine),
    openRequest(id: number, kind: string, reason: string | null, from: string, at: string) {
      statements.openRequest.run(kind, reason, from, at, id);
    },
    closeRequest(id: number) {
      statements.closeRequest.run(id);
    },
    start(id: number, window: { start: string; end: string }) {
      statements.start.run(window.start, window.end, id);
    },
    returned(id: number, at: string, fee: number) {
      statements.returned.run(at, fee, id);
    },
    converted(id: number, saleOrderId: number) {
      statements.converted.run(saleOrderId, id);
    },
    /** Active rentals whose end is before `now`. */
    dueBefore: (now: string) => statements.due.all(now) as number[],
    prepareLine(
      id: number,
      p: { assetId: string; note: string; photos: string[]; at: string; by: number },
    ) {
      statements.prepare.run({
        id,
        assetId: p.assetId,
        note: p.note,
        photos: JSON.stringify(p.photos),
        at: p.at,
        by: p.by,
      });
    },
    /** The number of another open rental holding `assetId`, or null when it is free. */
    assetHolder: (assetId: string, exceptLineId: number) =>
      (statements.assetHolder.get(assetId, exceptLineId) as string | undefined) ?? null,
    salePrice: (variantId: number) => statements.salePrice.get(variantId) as number,
  };
}

export type RentalsRepo = ReturnType<typeof createRentalsRepo>;
