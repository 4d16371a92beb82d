import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import { getMyOrder, orderSession } from '../../api/my-orders.api.ts';
import { takeCash } from '../../api/payments.api.ts';
import { OPEN_SESSIONS_KEY, useOpenSessions } from '../carts/carts.query.ts';

/** Carts handed to the till: open sessions whose cart is locked, longest waiting first. */
export function useCheckoutQueue() {
  const sessions = useOpenSessions();
  const queue = sessions.data
    ?.filter((s) => s.status === 'checkout')
    .sort((a, b) => a.started_at.localeCompare(b.started_at));
  return { ...sessions, queue };
}

/** The session's order, made now if the shopper locked the cart without placing one. */
export function useSessionOrder() {
  const api = useApi();
  return useMutation({ mutationFn: (sessionId: string) => orderSession(api, sessionId) });
}

/** An order by the number the shopper reads out (`SO-…`), or its id. */
export function useFindOrder() {
  const api = useApi();
  return useMutation({ mutationFn: (ref: string) => getMyOrder(api, ref) });
}

export function useTakeCash() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, received }: { orderId: number; received: number }) =>
      takeCash(api, orderId, received),
    // Paying ends the cart's session; the live channel says so too, this is the fallback.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: OPEN_SESSIONS_KEY }),
  });
}
