import type { Static } from 'typebox';
import type {
  PaymentMethodSchema,
  PaymentMethodsSchema,
  PaymentView,
} from '#shared/contracts/payments';
import type { ApiClient, RequestOptions } from './api-client.ts';
import type { Envelope } from './envelope.types.ts';

export type { PaymentView };
export type PaymentMethod = Static<typeof PaymentMethodSchema>;
export type OnlineMethod = Exclude<PaymentMethod, 'cash'>;
export type PaymentMethodState = Static<typeof PaymentMethodsSchema>[number];

const order = (ref: string | number) => `/api/v1/orders/${encodeURIComponent(String(ref))}`;

/** Every method and whether it can be used now; cash is always available. */
export async function listPaymentMethods(
  api: ApiClient,
  options?: RequestOptions,
): Promise<PaymentMethodState[]> {
  return (await api.get<Envelope<PaymentMethodState[]>>('/api/v1/payments/methods', options)).data;
}

/**
 * A gateway link for the order (asking again returns the same pending one). Answers 503
 * `GATEWAY_UNAVAILABLE` when the gateway cannot be reached: cash at the counter still works.
 */
export async function startOnlinePayment(
  api: ApiClient,
  orderRef: string | number,
  method: OnlineMethod,
): Promise<PaymentView> {
  return (await api.post<Envelope<PaymentView>>(`${order(orderRef)}/payments`, { method })).data;
}

/** Staff at the counter: the cash handed over; the answer carries the change to give back. */
export async function takeCash(
  api: ApiClient,
  orderRef: string | number,
  amountReceived: number,
): Promise<PaymentView> {
  const body = { method: 'cash', amount_received: amountReceived };
  return (await api.post<Envelope<PaymentView>>(`${order(orderRef)}/payments`, body)).data;
}

/** An order's payment attempts, oldest first. */
export async function listOrderPayments(
  api: ApiClient,
  orderRef: string | number,
  options?: RequestOptions,
): Promise<PaymentView[]> {
  return (await api.get<Envelope<PaymentView[]>>(`${order(orderRef)}/payments`, options)).data;
}

export async function getPayment(
  api: ApiClient,
  paymentId: string,
  options?: RequestOptions,
): Promise<PaymentView> {
  const path = `/api/v1/payments/${encodeURIComponent(paymentId)}`;
  return (await api.get<Envelope<PaymentView>>(path, options)).data;
}
