import { createContext } from 'react';

/**
 * A signal raised when any call answers "session expired" (the query cache sees it first); the
 * auth gate listens and goes back to the login screen with a notice.
 */
export interface SessionExpiry {
  notify(): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionExpiry(): SessionExpiry {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const SessionExpiryContext = createContext<SessionExpiry | null>(null);
