import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink, type TRPCClient } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppRouter } from '../../main/server/router';
import { alwaysConnected, wsConnectionSource, type ConnectionSource, type ConnectionStatus } from './connection-state';
import { getIpcBridge, ipcLink } from './ipc-link';
import { readSessionToken } from './session-token';

export type { AppRouter };
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** How this renderer reaches the core: the tRPC client plus what the shell needs around it. */
export interface Transport {
  readonly mode: 'ipc' | 'web';
  readonly client: TRPCClient<AppRouter>;
  readonly connection: ConnectionSource;
  /**
   * Drops the realtime connection so the next subscription opens a fresh one. Called on login
   * and logout: a WebSocket's session is fixed when it connects.
   */
  resetRealtime(): void;
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/trpc`;
}

/**
 * Desktop (the preload exposed `window.atende`): everything over IPC, no token — the main
 * process holds the session. Browser: queries and mutations over HTTP batching with the bearer
 * token from sessionStorage, subscriptions over one WebSocket that sends the token as tRPC
 * connection params.
 */
export function createTransport(): Transport {
  const bridge = getIpcBridge();
  if (bridge) {
    return {
      mode: 'ipc',
      client: createTRPCClient<AppRouter>({ links: [ipcLink<AppRouter>(bridge)] }),
      connection: alwaysConnected,
      resetRealtime: () => undefined,
    };
  }

  const wsClient = createWSClient({
    url: webSocketUrl,
    connectionParams: () => {
      const token = readSessionToken();
      return token ? { token } : {};
    },
    // Opens with the first subscription (after login), closes a while after the last one.
    lazy: { enabled: true, closeMs: 10_000 },
    // Notices a dead connection (laptop asleep, cable out) within seconds.
    keepAlive: { enabled: true, intervalMs: 5_000, pongTimeoutMs: 3_000 },
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 5_000),
  });

  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink<AppRouter>({ client: wsClient }),
        false: httpBatchLink<AppRouter>({
          url: '/trpc',
          headers: () => {
            const token = readSessionToken();
            return token ? { Authorization: `Bearer ${token}` } : {};
          },
        }),
      }),
    ],
  });

  return {
    mode: 'web',
    client,
    connection: wsConnectionSource(wsClient.connectionState),
    resetRealtime: () => void wsClient.close(),
  };
}

const TransportContext = createContext<Transport | null>(null);

export const TransportProvider = TransportContext.Provider;

export function useTransport(): Transport {
  const transport = useContext(TransportContext);
  if (!transport) throw new Error('useTransport: no TransportProvider above this component');
  return transport;
}

/** The live state of the connection to the core, for the indicator in the top bar. */
export function useConnectionState(): ConnectionStatus {
  const { connection } = useTransport();
  return useSyncExternalStore(connection.subscribe, connection.get, connection.get);
}
