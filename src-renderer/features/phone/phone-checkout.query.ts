import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-client.ts';
import { useApi } from '../../api/api.context.ts';
import { listVouchers, orderSession, sessionOrder } from '../../api/my-orders.api.ts';
import {
  getPayment,
  listOrderPayments,
  listPaymentMethods,
  startOnlinePayment,
  type OnlineMethod,
  type PaymentView,
} from '../../api/payments.api.ts';
import { getSession, type SessionView } from '../../api/sessions.api.ts';
import { PHONE_KEY, useStorePhoneSession } from './phone-cart.query.ts';

const orderKey = (sessionId: string) => [...PHONE_KEY, 'session-order', sessionId] as const;
const paymentKey = (paymentId: string) => [...PHONE_KEY, 'payment', paymentId] as const;
/** While a transfer is awaited the live channel says when it lands; this is the fallback. */
const POLL_MS = 2_000;

/** The order a locked session already has; none means it was locked before one was made. */
export function useSessionOrder(session: SessionView) {
  const api = useApi();
  return useQuery({
    queryKey: orderKey(session.id),
    enabled: session.status === 'checkout',
    queryFn: ({ signal }) => sessionOrder(api, session.id, { signal }),
    refetchOnWindowFocus: false,
  });
}

/** Makes the session's order (which locks the cart), then shows the locked session at once. */
export function usePlaceOrder(sessionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const store = useStorePhoneSession();
  return useMutation({
    mutationFn: (voucherCode?: string) => orderSession(api, sessionId, voucherCode),
    onSuccess: (order) => {
      queryClient.setQueryData(orderKey(sessionId), order);
      getSession(api, sessionId).then(store, () => {
        // The live channel brings the locked session anyway.
      });
    },
    // A refused checkout unlocks the cart again: show the session as it is now.
    onError: () => {
      getSession(api, sessionId).then(store, () => undefined);
    },
  });
}

export function useVouchers(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...PHONE_KEY, 'vouchers'],
    queryFn: ({ signal }) => listVouchers(api, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function usePaymentMethods() {
  const api = useApi();
  return useQuery({
    queryKey: [...PHONE_KEY, 'payment-methods'],
    queryFn: ({ signal }) => listPaymentMethods(api, { signal }),
    staleTime: 30_000,
  });
}

/** A link already made for this order and still open: shown again after a reload. */
export function usePendingPayment(orderId: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...PHONE_KEY, 'order-payments', orderId],
    queryFn: async ({ signal }) => {
      const attempts = await listOrderPayments(api, orderId, { signal });
      return attempts.findLast((p) => p.method !== 'cash' && p.status === 'pending') ?? null;
    },
    refetchOnWindowFocus: false,
  });
}

export function useStartPayment(orderId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (method: OnlineMethod) => startOnlinePayment(api, orderId, method),
    onSuccess: (payment) => queryClient.setQueryData(paymentKey(payment.id), payment),
  });
}

/** The payment as the server has it now, asked again every 2 s while it is pending. */
export function usePaymentStatus(payment: PaymentView) {
  const api = useApi();
  return useQuery({
    queryKey: paymentKey(payment.id),
    queryFn: ({ signal }) => getPayment(api, payment.id, { signal }),
    initialData: payment,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
    refetchIntervalInBackground: false,
  });
}

/** The gateway could not be reached: the customer pays cash at the counter instead. */
export const isGatewayDown = (error: unknown) =>
  error instanceof ApiError && (error.code === 'GATEWAY_UNAVAILABLE' || error.status === 503);
