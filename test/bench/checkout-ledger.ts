import Database from 'better-sqlite3';

// The checkout benchmark's consistency check, read from the terminal's SQLite file after the
// server has stopped: what the HTTP answers said must match what was committed.

export interface StockedVariant {
  sku: string;
  initialStock: number;
}

export interface LedgerFigures {
  /** Per SKU: units in orders that are not cancelled, minus the stock it started with. */
  oversold: Record<string, number>;
  /** Per SKU: stock now. */
  stock: Record<string, number>;
  /** Per SKU: initial stock − stock now − units sold; anything but 0 is stock lost or made. */
  unaccounted: Record<string, number>;
  doublePaidOrders: number;
  /** Orders whose webhook was answered 200 but which are not paid. */
  webhookedNotPaid: number;
  /** Orders paid in the database that the load never saw confirmed (or the reverse). */
  paidOrdersInDb: number;
  /** Payments of duplicated webhooks with other than one transfer, or a wrong amount received. */
  duplicatesApplied: number;
}

export function readLedger(
  dbFile: string,
  variants: StockedVariant[],
  paidOrders: number[],
  duplicatedOrders: number[],
): LedgerFigures {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const stockOf = db.prepare('select id, stock from product_variants where sku = ?');
    const soldOf = db
      .prepare(
        `select coalesce(sum(l.quantity), 0) from order_lines l join orders o on o.id = l.order_id
         where l.variant_id = ? and o.status <> 'Cancelled'`,
      )
      .pluck();
    const out: LedgerFigures = {
      oversold: {},
      stock: {},
      unaccounted: {},
      doublePaidOrders: db
        .prepare(
          `select count(*) from (select order_id from payments where status = 'paid'
           group by order_id having count(*) > 1)`,
        )
        .pluck()
        .get() as number,
      webhookedNotPaid: 0,
      paidOrdersInDb: db
        .prepare("select count(*) from orders where payment_status = 'paid'")
        .pluck()
        .get() as number,
      duplicatesApplied: 0,
    };
    for (const v of variants) {
      const row = stockOf.get(v.sku) as { id: number; stock: number };
      const sold = soldOf.get(row.id) as number;
      out.oversold[v.sku] = sold - v.initialStock;
      out.stock[v.sku] = row.stock;
      out.unaccounted[v.sku] = v.initialStock - row.stock - sold;
    }
    const paymentStatus = db.prepare('select payment_status from orders where id = ?').pluck();
    out.webhookedNotPaid = paidOrders.filter((id) => paymentStatus.get(id) !== 'paid').length;
    const applied = db.prepare(
      `select p.amount, p.amount_received as received,
         (select count(*) from payment_transfers t where t.payment_id = p.id) as transfers
       from payments p where p.order_id = ? and p.status = 'paid'`,
    );
    out.duplicatesApplied = duplicatedOrders.filter((id) => {
      const rows = applied.all(id) as { amount: number; received: number; transfers: number }[];
      return rows.length !== 1 || rows[0]!.transfers !== 1 || rows[0]!.received !== rows[0]!.amount;
    }).length;
    return out;
  } finally {
    db.close();
  }
}
