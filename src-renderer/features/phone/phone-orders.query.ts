import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/api-client.ts';
import { useApi } from '../../api/api.context.ts';
import { getMyOrder, getReceipt, listMyOrders } from '../../api/my-orders.api.ts';
import { PHONE_KEY } from './phone-cart.query.ts';

const ORDERS_KEY = [...PHONE_KEY, 'orders'] as const;
export const ORDERS_PAGE_SIZE = 10;

export function useMyOrders(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, 'page', page],
    queryFn: ({ signal }) => listMyOrders(api, { page, limit: ORDERS_PAGE_SIZE }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyOrder(ref: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, 'one', ref],
    queryFn: ({ signal }) => getMyOrder(api, ref, { signal }),
  });
}

/** The printable receipt; null where the server has none (older servers answer 404). */
export function useReceipt(ref: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, 'receipt', ref],
    queryFn: async ({ signal }) => {
      try {
        return await getReceipt(api, ref, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
  });
}
