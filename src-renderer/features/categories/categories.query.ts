import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  createCategory,
  deleteCategory,
  listCategories,
  renameCategory,
} from '../../api/categories.api.ts';

export const CATEGORIES_KEY = ['admin-categories'] as const;

export function useCategories() {
  const api = useApi();
  return useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: ({ signal }) => listCategories(api, { signal }),
  });
}

/** Product rows show category names, and the status page counts categories. */
function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY }),
      queryClient.invalidateQueries({ queryKey: ['admin-products'] }),
      queryClient.invalidateQueries({ queryKey: ['store-status'] }),
    ]);
}

export interface CategorySave {
  /** Absent for a new category. */
  id?: number;
  name: string;
}

export function useSaveCategory() {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: async ({ id, name }: CategorySave) => {
      if (id === undefined) await createCategory(api, name);
      else await renameCategory(api, id, name);
    },
    onSuccess: refresh,
  });
}

export function useDeleteCategory() {
  const api = useApi();
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (id: number) => deleteCategory(api, id),
    onSuccess: refresh,
  });
}
