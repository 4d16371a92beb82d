/** The phone app's own pages under `#/phone`. */
export type PhoneRoute = { page: 'shop' } | { page: 'orders' } | { page: 'order'; ref: string };

export const PHONE_HREF = '#/phone';
export const PHONE_ORDERS_HREF = '#/phone/orders';
export const phoneOrderHref = (ref: string) => `#/phone/orders/${encodeURIComponent(ref)}`;

/** `/phone/orders/SO-…` → the order; anything unknown falls back to shopping. */
export function phoneRoute(path: string): PhoneRoute {
  const [, , section, ref] = path.split('/');
  if (section !== 'orders') return { page: 'shop' };
  if (!ref) return { page: 'orders' };
  try {
    return { page: 'order', ref: decodeURIComponent(ref) };
  } catch {
    return { page: 'orders' };
  }
}
