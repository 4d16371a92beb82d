import { badRequest } from '#main/backend/http/errors';

/** Methods that work with no gateway: paid at the counter or on delivery. */
const OFFLINE_METHODS = new Set(['cod', 'cash']);
/** Seed 002 calls a bank transfer `banking`: on this terminal that is a payOS VietQR link. */
const ALIASES: Record<string, string> = { banking: 'payos' };

/** Whether an online gateway can take payments now (configured keys). */
export type GatewayAvailable = (gateway: string) => boolean;

/**
 * The method an order is placed with, as stored. Offline methods always work; an online one
 * only when its gateway is configured (the link itself is made afterwards, by
 * `POST /api/v1/orders/{id}/payments`). Otherwise a 400 names the field.
 */
export function checkoutMethod(method: string, field: string, available: GatewayAvailable): string {
  if (OFFLINE_METHODS.has(method)) return method;
  const gateway = ALIASES[method] ?? method;
  if (!available(gateway)) {
    throw badRequest(`Payment method ${method} is unavailable on this terminal; use cod`, field);
  }
  return gateway;
}
