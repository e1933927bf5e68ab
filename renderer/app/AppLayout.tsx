import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionExpiryContext } from '../features/auth/session-expiry';
import { useSession } from '../features/auth/useSession';
import { CallBar } from '../features/cti/CallBar';
import { CallPanel } from '../features/cti/CallPanel';
import { RuleNotifications } from '../features/tickets/RuleNotifications';
import { DeepLinks } from '../features/cti/DeepLinks';
import { CtiProvider } from '../features/cti/CtiProvider';
import { isSessionExpired } from '../lib/errors';
import { isScreenShortcut } from '../lib/keyboard';
import { useConnectionState, useTRPC } from '../lib/trpc';
import { lastQueueAddress } from '../features/queue/useQueueFilter';
import { hrefFor } from './hash-route';
import { navigateToHref, useHashLocation } from './useHashRoute';
import { RouteView } from './RouteView';
import { DETAIL_ROUTES, navIdOf, routesFor } from './routes';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { ToastProvider } from './Toaster';
import { TopBar } from './TopBar';

/** The signed-in workspace: navigation on the left, the top bar, and the current screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const location = useHashLocation();
  const { routeId } = location;
  const navId = navIdOf(routeId);
  const isDetail = Object.hasOwn(DETAIL_ROUTES, routeId);
  const role = session.user.role;
  const routes = useMemo(() => routesFor(role), [role]);
  const route = routes.find((r) => r.id === navId) ?? null;
  const [showShortcuts, setShowShortcuts] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const health = useQuery({ ...trpc.health.ping.queryOptions(), staleTime: Infinity });

  // Keeps the realtime channel open while signed in (the server's heartbeat every 5 s); a
  // subscription refused for an expired session ends the session like any other call.
  const expiry = useContext(SessionExpiryContext);
  useSubscription(
    trpc.system.heartbeat.subscriptionOptions(undefined, {
      onError: (error) => {
        if (isSessionExpired(error)) expiry?.notify();
      },
    }),
  );

  // Screens that show one record (a ticket, a customer) name the window themselves.
  const title = route ? t(`nav.${route.id}`) : t('notFound.title');
  const namesItself = route !== null && (isDetail || location.params.length > 0);
  useEffect(() => {
    if (!namesItself) document.title = `${title} · ${t('app.name')}`;
  }, [title, t, namesItself]);

  // Back from a reconnect: changes may have been missed while away, so reload what is on screen.
  const connection = useConnectionState();
  const previous = useRef(connection);
  useEffect(() => {
    if (connection === 'connected' && (previous.current === 'reconnecting' || previous.current === 'offline')) {
      void queryClient.invalidateQueries();
    }
    previous.current = connection;
  }, [connection, queryClient]);

  // Alt+1… opens the n-th navigation item and puts the focus on the new screen's title (once
  // that screen has rendered).
  const focusTitleAfterNavigation = useRef(false);
  useEffect(() => {
    if (!focusTitleAfterNavigation.current) return;
    focusTitleAfterNavigation.current = false;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [routeId]);
  // "?" anywhere outside a text field: the list of shortcuts.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || !isScreenShortcut(event)) return;
      event.preventDefault();
      setShowShortcuts(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const match = /^Digit([1-9])$/.exec(event.code);
      const target = match ? routes[Number(match[1]) - 1] : undefined;
      if (!target) return;
      event.preventDefault();
      if (target.id === routeId && location.params.length === 0) {
        mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
        return;
      }
      focusTitleAfterNavigation.current = true;
      navigateToHref(target.id === 'queue' ? lastQueueAddress() : hrefFor(target.id));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [routes, routeId, location.params.length]);

  return (
    <ToastProvider>
      <CtiProvider>
        <div className="shell">
          <button type="button" className="skip-link" onClick={() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus()}>
            {t('app.skipToContent')}
          </button>
          <Sidebar routes={routes} activeId={navId} version={health.data?.version ?? null} />
          <div className="shell__body">
            <TopBar session={session} onShowShortcuts={() => setShowShortcuts(true)}>
              <CallBar />
            </TopBar>
            <main className="shell__main" ref={mainRef}>
              <RouteView route={route} location={location} />
            </main>
          </div>
          <CallPanel />
          <DeepLinks />
          <RuleNotifications />
          {showShortcuts ? <ShortcutsDialog onClose={() => setShowShortcuts(false)} /> : null}
        </div>
      </CtiProvider>
    </ToastProvider>
  );
}
