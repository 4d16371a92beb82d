import { skipToken, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import { getStoreStatus } from '../../api/system.api.ts';
import { desktopBridge } from '../../app/desktop-bridge.ts';

export const STATUS_REFRESH_MS = 10_000;

export function useStoreStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['store-status'],
    queryFn: ({ signal }) => getStoreStatus(api, { signal }),
    refetchInterval: STATUS_REFRESH_MS,
  });
}

/** The Electron app's version; stays idle in a plain browser, where there is no bridge. */
export function useDesktopVersion() {
  const bridge = desktopBridge();
  return useQuery({
    queryKey: ['desktop-version'],
    queryFn: bridge ? () => bridge.appVersion() : skipToken,
    staleTime: Infinity,
  });
}
