import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/icons/UiIcons';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey, isSessionExpired } from '../../lib/errors';
import { readSessionToken, writeSessionToken } from '../../lib/session-token';
import { useTransport, useTRPC } from '../../lib/trpc';
import { LoginScreen, type LoginResult } from './LoginScreen';
import { SessionExpiryContext } from './session-expiry';
import { SessionContext, type Session } from './useSession';

/**
 * Shows the login screen until there is a session, then `children` with the session in context.
 * Browser: a session exists while a token is in sessionStorage and `auth.me` accepts it.
 * Desktop: main keeps the token, so we just ask `auth.me`.
 */
export function AuthGate({ children, onSignedOut }: { children: ReactNode; onSignedOut?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const transport = useTransport();
  const queryClient = useQueryClient();
  const expiry = useContext(SessionExpiryContext);
  const [hasSession, setHasSession] = useState(() => transport.mode === 'ipc' || readSessionToken() !== null);
  const [notice, setNotice] = useState<'login.sessionExpired' | null>(null);

  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled: hasSession, retry: false, staleTime: Infinity });

  const endSession = useCallback(
    (expired: boolean) => {
      writeSessionToken(null);
      transport.resetRealtime();
      setHasSession(false);
      setNotice(expired ? 'login.sessionExpired' : null);
      // After an expiry the same person signs in again and carries on where they were.
      if (!expired) onSignedOut?.();
    },
    [transport, onSignedOut],
  );

  // Any call that finds the session gone brings the login screen back.
  useEffect(() => expiry?.subscribe(() => endSession(true)), [expiry, endSession]);

  // A stored token the server no longer knows (restart, expiry): quietly back to login.
  const staleToken = me.isError && isSessionExpired(me.error);
  useEffect(() => {
    if (staleToken) endSession(false);
  }, [staleToken, endSession]);

  // Once signed out (and the app unmounted), forget everything the last user's screens loaded.
  useEffect(() => {
    if (!hasSession) queryClient.removeQueries();
  }, [hasSession, queryClient]);

  const logout = useMutation({
    ...trpc.auth.logout.mutationOptions(),
    onSettled: () => endSession(false),
  });

  const onSignedIn = useCallback(
    (result: LoginResult) => {
      writeSessionToken(result.token);
      transport.resetRealtime();
      queryClient.setQueryData(trpc.auth.me.queryKey(), result.user);
      setNotice(null);
      setHasSession(true);
    },
    [transport, queryClient, trpc],
  );

  const { mutate: logoutMutate, isPending: loggingOut } = logout;
  const session = useMemo<Session | null>(
    () => (me.data ? { user: me.data, logout: () => logoutMutate(), loggingOut } : null),
    [me.data, logoutMutate, loggingOut],
  );

  if (!hasSession || staleToken) return <LoginScreen notice={notice} onSignedIn={onSignedIn} />;

  if (me.isError) {
    return (
      <div className="startup">
        <EmptyState
          tone="danger"
          role="alert"
          icon={<AlertIcon size={28} />}
          title={t('app.startupErrorTitle')}
          body={t(errorMessageKey(me.error))}
          action={
            <button type="button" className="button button--primary" onClick={() => void me.refetch()}>
              {t('app.retry')}
            </button>
          }
        />
      </div>
    );
  }

  if (!session) {
    return (
      <div className="startup" role="status">
        <Spinner size={28} />
        <span>{t('app.loading')}</span>
      </div>
    );
  }

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
