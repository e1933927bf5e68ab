import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createSessionExpiry, SessionExpiryContext } from '../features/auth/session-expiry';
import { errorCode, isSessionExpired } from '../lib/errors';
import type { ThemeStore } from '../lib/theme';
import { TransportProvider, TRPCProvider, type Transport } from '../lib/trpc';
import { ThemeContext } from '../lib/useTheme';

/** Codes a retry cannot fix. */
const FINAL_CODES = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT', 'TOO_MANY_REQUESTS']);

function createQueryClient(onSessionExpired: () => void): QueryClient {
  const onError = (error: unknown) => {
    if (isSessionExpired(error)) onSessionExpired();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Live data comes from subscriptions, not from refetching on focus.
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !FINAL_CODES.has(errorCode(error) ?? ''),
      },
      mutations: { retry: false },
    },
  });
}

/** Everything the screens rely on: i18n, theme, the tRPC transport, react-query, session expiry. */
export function AppProviders({ transport, i18n, theme, children }: { transport: Transport; i18n: I18n; theme: ThemeStore; children: ReactNode }) {
  const [expiry] = useState(createSessionExpiry);
  const [queryClient] = useState(() => createQueryClient(expiry.notify));
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeContext.Provider value={theme}>
        <TransportProvider value={transport}>
          <QueryClientProvider client={queryClient}>
            <TRPCProvider trpcClient={transport.client} queryClient={queryClient}>
              <SessionExpiryContext.Provider value={expiry}>{children}</SessionExpiryContext.Provider>
            </TRPCProvider>
          </QueryClientProvider>
        </TransportProvider>
      </ThemeContext.Provider>
    </I18nextProvider>
  );
}
