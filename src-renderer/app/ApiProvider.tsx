import { useMemo, type ReactNode } from 'react';
import { createApiClient } from '../api/api-client.ts';
import { ApiContext } from '../api/api.context.ts';
import { useSession } from './session/session.context.ts';

/** Gives every query the HTTP client for the signed-in user's token. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useSession();
  const token = session?.token ?? null;
  const api = useMemo(
    () => createApiClient({ getToken: () => token, onUnauthorized: expire }),
    [token, expire],
  );
  return <ApiContext value={api}>{children}</ApiContext>;
}
