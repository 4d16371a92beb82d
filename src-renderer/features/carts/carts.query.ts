import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  abandonSession,
  listOpenSessions,
  resolveException,
  type Resolution,
  type SessionView,
} from '../../api/sessions.api.ts';
import { upsertSession } from './session-list.util.ts';

export const OPEN_SESSIONS_KEY = ['sessions', 'open'] as const;

/** Every open session; kept current by the live subscription rather than by polling. */
export function useOpenSessions() {
  const api = useApi();
  return useQuery({
    queryKey: OPEN_SESSIONS_KEY,
    queryFn: ({ signal }) => listOpenSessions(api, { signal }),
  });
}

/** Puts a session the server just returned into the list, if it is newer than what is shown. */
export function useStoreSession(): (view: SessionView) => void {
  const queryClient = useQueryClient();
  return (view) =>
    queryClient.setQueryData<SessionView[]>(OPEN_SESSIONS_KEY, (list) =>
      list ? upsertSession(list, view) : list,
    );
}

export interface ResolveRequest {
  sessionId: string;
  exceptionId: number;
  resolution: Resolution;
}

export function useResolveException() {
  const api = useApi();
  const store = useStoreSession();
  return useMutation({
    mutationFn: ({ sessionId, exceptionId, resolution }: ResolveRequest) =>
      resolveException(api, sessionId, exceptionId, resolution),
    onSuccess: store,
  });
}

export function useAbandonSession() {
  const api = useApi();
  const store = useStoreSession();
  return useMutation({
    mutationFn: ({ sessionId, reason }: { sessionId: string; reason?: string }) =>
      abandonSession(api, sessionId, reason),
    onSuccess: store,
  });
}
