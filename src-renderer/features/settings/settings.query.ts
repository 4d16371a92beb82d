import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  getRentalSettings,
  updateRentalSettings,
  type RentalSettings,
} from '../../api/settings.api.ts';

const RENTAL_SETTINGS_KEY = ['admin-settings', 'rental'] as const;

export function useRentalSettings() {
  const api = useApi();
  return useQuery({
    queryKey: RENTAL_SETTINGS_KEY,
    queryFn: ({ signal }) => getRentalSettings(api, { signal }),
    // The form is built from the first answer; a refetch on focus would not change it anyway.
    refetchOnWindowFocus: false,
  });
}

export function useSaveRentalSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RentalSettings) => updateRentalSettings(api, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RENTAL_SETTINGS_KEY }),
  });
}
