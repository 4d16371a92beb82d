import type { Static } from 'typebox';
import type {
  ResolveBodySchema,
  SessionExceptionSchema,
  SessionItemSchema,
  SessionView,
} from '#shared/contracts/sessions';
import type { ApiClient, RequestOptions } from './api-client.ts';
import type { Envelope } from './envelope.types.ts';

export type { SessionView };
export type SessionItem = Static<typeof SessionItemSchema>;
export type SessionException = Static<typeof SessionExceptionSchema>;
export type Resolution = Static<typeof ResolveBodySchema>['resolution'];

export const RESOLUTIONS = [
  'item_added_to_cart',
  'item_removed',
  'accepted',
  'false_alarm',
] as const satisfies readonly Resolution[];

const base = '/api/v1/sessions';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const unwrap = async (answer: Promise<Envelope<SessionView>>) => (await answer).data;

/** A session is open while the customer shops (`active`) and while it waits at the till. */
export const isOpenSession = (view: SessionView) =>
  view.status === 'active' || view.status === 'checkout';

/** The customer scanned a cart's QR code: bind them to that cart. */
export function bindSession(api: ApiClient, qr: string): Promise<SessionView> {
  return unwrap(api.post(base, { qr }));
}

/** The signed-in customer's open session; a 404 means they have none. */
export function currentSession(api: ApiClient, options?: RequestOptions): Promise<SessionView> {
  return unwrap(api.get(`${base}/current`, options));
}

/** Every open session in the store (staff). */
export async function listOpenSessions(
  api: ApiClient,
  options?: RequestOptions,
): Promise<SessionView[]> {
  return (await api.get<Envelope<SessionView[]>>(base, options)).data;
}

export function getSession(
  api: ApiClient,
  id: string,
  options?: RequestOptions,
): Promise<SessionView> {
  return unwrap(api.get(one(id), options));
}

/** One unit fewer; the customer must also take it out of the cart, or the scale objects. */
export function removeOneUnit(api: ApiClient, id: string, variantId: number): Promise<SessionView> {
  return unwrap(api.delete(`${one(id)}/items/${variantId}`));
}

/** Locks the cart for payment; refused (409) while an exception is open. */
export function checkoutSession(api: ApiClient, id: string): Promise<SessionView> {
  return unwrap(api.post(`${one(id)}/checkout`, {}));
}

export function abandonSession(api: ApiClient, id: string, reason?: string): Promise<SessionView> {
  return unwrap(api.post(`${one(id)}/abandon`, reason ? { reason } : {}));
}

export function resolveException(
  api: ApiClient,
  id: string,
  exceptionId: number,
  resolution: Resolution,
): Promise<SessionView> {
  return unwrap(api.post(`${one(id)}/exceptions/${exceptionId}/resolve`, { resolution }));
}
