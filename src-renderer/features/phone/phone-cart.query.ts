import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-client.ts';
import { useApi } from '../../api/api.context.ts';
import {
  bindSession,
  currentSession,
  removeOneUnit,
  type SessionView,
} from '../../api/sessions.api.ts';

export const PHONE_KEY = ['phone'] as const;
export const PHONE_SESSION_KEY = [...PHONE_KEY, 'session'] as const;

/** The shopper's open session, or null when they have none (the server answers 404). */
export function usePhoneSession() {
  const api = useApi();
  return useQuery({
    queryKey: PHONE_SESSION_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await currentSession(api, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    // The live socket keeps it current; refetching on focus would only race it.
    refetchOnWindowFocus: false,
  });
}

/** Stores a view unless a newer one is already shown (answers can cross on a slow network). */
export function useStorePhoneSession(): (view: SessionView | null) => void {
  const queryClient = useQueryClient();
  return (view) =>
    queryClient.setQueryData<SessionView | null>(PHONE_SESSION_KEY, (current) =>
      view && current && current.id === view.id && current.version > view.version ? current : view,
    );
}

export function useBindCart() {
  const api = useApi();
  const store = useStorePhoneSession();
  return useMutation({ mutationFn: (qr: string) => bindSession(api, qr), onSuccess: store });
}

export function useRemoveOne(sessionId: string) {
  const api = useApi();
  const store = useStorePhoneSession();
  return useMutation({
    mutationFn: (variantId: number) => removeOneUnit(api, sessionId, variantId),
    onSuccess: store,
  });
}
