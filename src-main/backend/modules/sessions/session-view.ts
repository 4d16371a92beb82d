import type { SessionView } from '#shared/contracts/sessions';
import type { SessionException } from './sessions.repo.ts';
import type { SessionSnapshot } from './sessions.service.ts';

export const exceptionView = (e: SessionException) => ({
  id: e.id,
  kind: e.kind,
  detail: e.detail,
  status: e.status,
  resolution: e.resolution,
  created_at: e.createdAt,
});

/** The API's view of a session snapshot (also the WebSocket snapshot payload). */
export function sessionView(s: SessionSnapshot): SessionView {
  return {
    id: s.session.uuid,
    status: s.session.status,
    version: s.version,
    cart_code: s.session.cartCode,
    customer_name: s.session.customerName,
    started_at: s.session.startedAt,
    ended_at: s.session.endedAt,
    items: s.cart.items.map((i) => ({
      variant_id: i.variantId,
      product_id: i.productId,
      name: i.productName,
      sku: i.sku,
      barcode: i.barcode,
      size: i.size,
      thumbnail: i.thumbnail,
      quantity: i.quantity,
      unit_price: i.unitPrice,
      subtotal: i.subtotal,
    })),
    total_items: s.cart.totalItems,
    total: s.cart.total,
    exceptions: s.exceptions.map(exceptionView),
    checkout_allowed:
      s.session.status === 'active' &&
      s.cart.items.length > 0 &&
      s.exceptions.every((e) => e.status !== 'open'),
  };
}
