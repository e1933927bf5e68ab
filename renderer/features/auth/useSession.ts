import { createContext, useContext } from 'react';
import type { RouterOutputs } from '../../lib/trpc';

export type SessionUser = RouterOutputs['auth']['me'];

export interface Session {
  user: SessionUser;
  logout(): void;
  loggingOut: boolean;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and logout; only below the auth gate. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession: no signed-in session above this component');
  return session;
}
