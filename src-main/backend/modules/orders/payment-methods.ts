import { badRequest } from '#main/backend/http/errors';

/** Methods that work with no gateway: paid at the counter or on delivery. */
const OFFLINE_METHODS = new Set(['cod', 'cash']);

/** Online gateways aren't wired to checkout yet: only offline methods are accepted. */
export function requireOfflineMethod(method: string, field: string): void {
  if (!OFFLINE_METHODS.has(method)) {
    throw badRequest(`Payment method ${method} is unavailable on this terminal; use cod`, field);
  }
}
