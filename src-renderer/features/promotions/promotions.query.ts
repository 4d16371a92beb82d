import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  createPromotion,
  deletePromotion,
  getPromotion,
  listPromotions,
  updatePromotion,
  type PromotionBody,
  type PromotionListQuery,
} from '../../api/promotions.api.ts';

const PROMOTIONS_KEY = ['admin-promotions'] as const;

export function usePromotionList(query: PromotionListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...PROMOTIONS_KEY, 'list', query],
    queryFn: ({ signal }) => listPromotions(api, query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Idle for `null`: a new promotion has nothing to load. */
export function usePromotionDetail(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...PROMOTIONS_KEY, 'detail', id],
    queryFn: id === null ? skipToken : ({ signal }) => getPromotion(api, id, { signal }),
    // An open form must not be reset by a background refetch's new object.
    refetchOnWindowFocus: false,
  });
}

function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: PROMOTIONS_KEY });
}

export function useSavePromotion(id: number | null) {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: async (body: PromotionBody) => {
      if (id === null) await createPromotion(api, body);
      else await updatePromotion(api, id, body);
    },
    onSuccess: refresh,
  });
}

export function useDeletePromotion() {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (id: number) => deletePromotion(api, id),
    onSuccess: refresh,
  });
}
