import type { OrdersRepo } from './orders.repo.ts';

/** A customer's view of one order: totals, lines and its status history. */
export function myOrderView(orders: OrdersRepo, o: Record<string, unknown>) {
  return {
    id: o.id as number,
    uuid: o.uuid as string,
    number: o.number as string,
    type: o.kind as string,
    status: o.status as string,
    payment_method: o.payment_method as string,
    payment_status: o.payment_status as string,
    source: o.source as string,
    subtotal: o.subtotal as number,
    discount: o.discount as number,
    shipping_fee: o.shipping_fee as number,
    services_fee: o.services_fee as number,
    deposit: o.deposit as number,
    total: o.total as number,
    created_at: o.created_at as string,
    items: orders.lines(o.id as number).map((l) => ({
      variant_id: l.variant_id as number,
      product_name: l.product_name as string,
      sku: l.sku as string,
      quantity: l.quantity as number,
      unit_price: l.unit_price as number,
      rental_days: l.rental_days as number | null,
      line_total: l.line_total as number,
    })),
    history: orders.events(o.id as number).map((e) => ({
      from: e.from_status as string | null,
      to: e.to_status as string,
      at: e.created_at as string,
      note: e.note as string | null,
    })),
  };
}
