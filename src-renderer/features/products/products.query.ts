import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  createProduct,
  deleteProduct,
  getProduct,
  listProducts,
  updateProduct,
  type ProductBody,
  type ProductListQuery,
} from '../../api/products.api.ts';

const PRODUCTS_KEY = ['admin-products'] as const;

export function useProductList(query: ProductListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...PRODUCTS_KEY, 'list', query],
    queryFn: ({ signal }) => listProducts(api, query, { signal }),
    // The old page stays on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}

/** Idle for `null`: a new product has nothing to load. */
export function useProductDetail(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...PRODUCTS_KEY, 'detail', id],
    queryFn: id === null ? skipToken : ({ signal }) => getProduct(api, id, { signal }),
    // An open form must not be reset by a background refetch's new object.
    refetchOnWindowFocus: false,
  });
}

/** Categories count products, the status page counts products and variants. */
function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['admin-categories'] }),
      queryClient.invalidateQueries({ queryKey: ['store-status'] }),
    ]);
}

export function useSaveProduct(id: number | null) {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: async (body: ProductBody) => {
      if (id === null) await createProduct(api, body);
      else await updateProduct(api, id, body);
    },
    onSuccess: refresh,
  });
}

export function useDeleteProduct() {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (id: number) => deleteProduct(api, id),
    onSuccess: refresh,
  });
}
