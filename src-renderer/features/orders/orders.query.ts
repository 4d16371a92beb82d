import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  changeOrderStatus,
  getOrder,
  listOrders,
  prepareRentalItem,
  reviewOrderRequest,
  type OrderKind,
  type OrderListQuery,
  type RentalPreparation,
  type RequestDecision,
} from '../../api/orders.api.ts';

const ORDERS_KEY = ['admin-orders'] as const;

export function useOrderList(query: OrderListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, 'list', query],
    queryFn: ({ signal }) => listOrders(api, query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface OrderRef {
  id: number;
  kind: OrderKind;
}

/** Idle for `null`: nothing is selected. */
export function useOrderDetail(ref: OrderRef | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, 'detail', ref?.kind, ref?.id],
    queryFn: ref === null ? skipToken : ({ signal }) => getOrder(api, ref.id, ref.kind, { signal }),
  });
}

/** Every write changes the order's status or lines; a cancel also puts stock back. */
function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ORDERS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['admin-products'] }),
    ]);
}

export function useChangeOrderStatus(ref: OrderRef) {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (body: { status: string; note?: string }) =>
      changeOrderStatus(api, ref.id, ref.kind, body),
    onSuccess: refresh,
  });
}

export function useReviewOrderRequest(ref: OrderRef) {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (body: { decision: RequestDecision; reason?: string }) =>
      reviewOrderRequest(api, ref.id, ref.kind, body),
    onSuccess: refresh,
  });
}

export function usePrepareRentalItem(orderId: number) {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (body: RentalPreparation) => prepareRentalItem(api, orderId, body),
    onSuccess: refresh,
  });
}
