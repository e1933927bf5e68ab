import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransport, useTRPC } from '../../lib/trpc';
import { ctiReducer, currentCall, INITIAL_CTI_STATE, otherWrapUps, type CallRecord, type CallUpdate, type CtiAction, type CtiState, type ScreenPop } from './call-state';
import { formatCaller } from './cti-format';
import { popAnnouncement, popNotice } from './pop-text';
import { shouldRaiseWebNotification, useWebNotifications, type WebNotifications } from './web-notifications';
import './cti.css';

export type CtiLinkStatus = 'connecting' | 'ready' | 'error';

export interface Cti {
  state: CtiState;
  /** The call the panel and the call bar show. */
  current: CallRecord | null;
  otherWrapUps: number;
  status: CtiLinkStatus;
  panelOpen: boolean;
  /** Opens the panel; with `focus`, moves the keyboard focus to it (Alt+L, the call bar). */
  showPanel(focus?: boolean): void;
  hidePanel(): void;
  choose(callId: string, customerId: string | null, source?: 'chosen' | 'created'): void;
  wrappedUp(callId: string): void;
  dismiss(callId: string): void;
  notifications: WebNotifications;
  webMode: boolean;
}

const CtiContext = createContext<Cti | null>(null);

export function useCti(): Cti {
  const cti = useContext(CtiContext);
  if (!cti) throw new Error('useCti: no CtiProvider above this component');
  return cti;
}

/** The panel's heading, where Alt+L and the call bar put the focus. */
export const CALL_PANEL_TITLE_ID = 'call-panel-title';
/** The call bar's button, where Escape in the panel leaves the focus. */
export const CALL_CHIP_ID = 'call-chip';

/**
 * The agent's telephony, on every screen while signed in: screen pops and call progress from the
 * core's subscriptions, the wrap-ups still owed (after a reload too), a live region that says
 * what happened, browser notifications while the tab is hidden, and Alt+L to reach the call.
 */
export function CtiProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const transport = useTransport();
  const notifications = useWebNotifications();
  const [state, setState] = useState<CtiState>(INITIAL_CTI_STATE);
  const stateRef = useRef(state);
  const [panelOpen, setPanelOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Wrap-ups saved here: a list fetched before the save must not bring them back.
  const wrapped = useRef(new Set<string>());

  const apply = useCallback((action: CtiAction) => {
    stateRef.current = ctiReducer(stateRef.current, action);
    setState(stateRef.current);
    return stateRef.current;
  }, []);

  const showPanel = useCallback((focus = false) => {
    setPanelOpen(true);
    if (focus) requestAnimationFrame(() => document.getElementById(CALL_PANEL_TITLE_ID)?.focus());
  }, []);

  const refreshAgent = useCallback(() => {
    // The agent's state (in call → wrap-up → available) moves with the call.
    void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
  }, [queryClient, trpc]);

  const onPop = useCallback(
    (pop: ScreenPop) => {
      apply({ type: 'pop', pop, at: new Date().toISOString() });
      setPanelOpen(true);
      setAnnouncement(popAnnouncement(pop, t));
      const permission = notifications.permission;
      if (shouldRaiseWebNotification({ mode: transport.mode, permission, hidden: document.visibilityState === 'hidden' })) {
        const notice = popNotice(pop, t);
        notifications.show(notice.title, notice.body, pop.callId, () => showPanel(true));
      }
    },
    [apply, t, notifications, transport.mode, showPanel],
  );

  const onCall = useCallback(
    (update: CallUpdate) => {
      const before = stateRef.current.calls.find((c) => c.callId === update.callId);
      const after = apply({ type: 'update', update, at: new Date().toISOString() }).calls.find((c) => c.callId === update.callId);
      refreshAgent();
      if (!after || before?.phase === after.phase) return;
      if (after.phase === 'talking') setAnnouncement(t(before?.phase === 'held' ? 'cti.announce.unheld' : 'cti.announce.answered'));
      else if (after.phase === 'held') setAnnouncement(t('cti.announce.held'));
      else if (after.phase === 'wrapUp') {
        setAnnouncement(t('cti.announce.ended'));
        setPanelOpen(true);
        void queryClient.invalidateQueries({ queryKey: trpc.customers.view360.pathKey() });
      } else if (after.phase === 'missed') {
        setAnnouncement(t('cti.announce.missed', { caller: formatCaller(after.ani) ?? t('cti.caller.unknown') }));
      }
    },
    [apply, refreshAgent, t, queryClient, trpc],
  );

  const popSub = useSubscription(trpc.cti.onScreenPop.subscriptionOptions(undefined, { onData: onPop }));
  const callSub = useSubscription(trpc.cti.onCall.subscriptionOptions(undefined, { onData: onCall }));
  const status: CtiLinkStatus = popSub.status === 'error' || callSub.status === 'error' ? 'error' : popSub.status === 'pending' && callSub.status === 'pending' ? 'ready' : 'connecting';

  // Calls ended while this screen was not there (a reload, a reconnect) still owe their wrap-up.
  const pending = useQuery(trpc.cti.pendingWrapUps.queryOptions());
  useEffect(() => {
    if (!pending.data) return;
    const items = pending.data.filter((p) => p.callId && !wrapped.current.has(p.callId));
    if (items.length === 0) return;
    apply({ type: 'pending', items, at: new Date().toISOString() });
    setPanelOpen(true);
  }, [pending.data, apply]);

  // A ringing call can go to another agent without a word to this one: let it time out here.
  const ringing = state.calls.some((c) => c.phase === 'ringing');
  useEffect(() => {
    if (!ringing) return;
    const timer = setInterval(() => apply({ type: 'expire', now: new Date().toISOString() }), 5_000);
    return () => clearInterval(timer);
  }, [ringing, apply]);

  // Alt+L: to the call, from anywhere.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== 'KeyL') return;
      if (!currentCall(stateRef.current)) return;
      event.preventDefault();
      showPanel(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [showPanel]);

  const choose = useCallback(
    (callId: string, customerId: string | null, source?: 'chosen' | 'created') => void apply({ type: 'choose', callId, customerId, ...(source ? { source } : {}) }),
    [apply],
  );
  const dismiss = useCallback((callId: string) => void apply({ type: 'dismiss', callId }), [apply]);
  const wrappedUp = useCallback(
    (callId: string) => {
      wrapped.current.add(callId);
      apply({ type: 'wrappedUp', callId });
      refreshAgent();
      void queryClient.invalidateQueries({ queryKey: trpc.cti.pendingWrapUps.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.customers.view360.pathKey() });
    },
    [apply, refreshAgent, queryClient, trpc],
  );
  const hidePanel = useCallback(() => setPanelOpen(false), []);

  const current = currentCall(state);
  const value = useMemo<Cti>(
    () => ({
      state,
      current,
      otherWrapUps: otherWrapUps(state, current),
      status,
      panelOpen: panelOpen && current !== null,
      showPanel,
      hidePanel,
      choose,
      wrappedUp,
      dismiss,
      notifications,
      webMode: transport.mode === 'web',
    }),
    [state, current, status, panelOpen, showPanel, hidePanel, choose, wrappedUp, dismiss, notifications, transport.mode],
  );

  return (
    <CtiContext.Provider value={value}>
      {children}
      {/* Assertive: a ringing phone cannot wait for the screen reader to finish its sentence. */}
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
    </CtiContext.Provider>
  );
}
