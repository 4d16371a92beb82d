import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-client.ts';
import { ApiProvider } from './ApiProvider.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import { ToastProvider } from './toast/ToastProvider.tsx';

/** Client errors (4xx) will not fix themselves; network and server errors get two retries. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  // Nothing fetched for one user may be shown to the next one at this counter.
  const dropCachedData = useCallback(() => queryClient.clear(), [queryClient]);

  return (
    <I18nProvider>
      <ToastProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider onSignOut={dropCachedData}>
            <ApiProvider>{children}</ApiProvider>
          </SessionProvider>
        </QueryClientProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
