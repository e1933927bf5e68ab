/*
 * Desktop: a screen pop for the agent signed in on this desktop also raises an OS notification
 * and brings the window forward — the renderer cannot (sandboxed, it talks tRPC and nothing
 * else). The decisions (whose pop, what the notice says, what to do with the window) are pure
 * and tested without Electron; the Electron calls stay in `drawAttention`, which takes the
 * window and the Notification constructor as parameters.
 */
import type { BrowserWindow } from 'electron';
import { formatPhoneBr, normalizePhone } from '../../shared/br/phone';
import { ctiEn } from '../../shared/i18n/cti.en';
import { ctiPtBR } from '../../shared/i18n/cti.pt-BR';
import type { Session } from '../../shared/schemas';
import type { DomainEvents } from '../domain/events';
import type { EventBus } from '../domain/shared/event-bus';
import type { ScreenPop } from '../domain/telephony/screen-pop';
import type { Core } from '../server/core';

export type NoticeLanguage = 'pt-BR' | 'en';

export interface ScreenPopNotice {
  title: string;
  body: string;
}

const CATALOGS = { 'pt-BR': ctiPtBR, en: ctiEn } as const;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** "(11) 98765-4321" for a Brazilian number in any format; the text as sent otherwise. */
function callerText(ani: string | null): string | null {
  const raw = ani?.trim();
  if (!raw || raw === '<unknown>') return null;
  const e164 = normalizePhone(raw);
  return e164 ? formatPhoneBr(e164) : raw;
}

/** The same words as the browser's notification: "Chamada de Conceição Araújo" / "(11) 98765-4321 · Fila atendimento · 2 tickets abertos". */
export function screenPopNotice(pop: ScreenPop, language: NoticeLanguage): ScreenPopNotice {
  const text = CATALOGS[language].notifications;
  const number = callerText(pop.ani) ?? CATALOGS[language].caller.unknown;
  const open = pop.view?.stats.openTickets ?? 0;
  const tickets = open === 0 ? text.openTickets_zero : fill(open === 1 ? text.openTickets_one : text.openTickets_other, { count: open });
  const who = pop.view ? tickets : pop.matches.length > 1 ? fill(text.several, { count: pop.matches.length }) : text.unknown;
  const body = [pop.view ? number : null, pop.queue ? fill(text.queue, { queue: pop.queue }) : null, who].filter((x): x is string => x !== null).join(' · ');
  return { title: fill(text.title, { caller: pop.view?.customer.name ?? number }), body };
}

/**
 * Whether the pop's agent is signed in on this desktop: a live session opened through the desktop
 * app (the embedded core may also serve pops for extensions nobody here is using).
 */
export function signedInOnDesktop(sessions: readonly Pick<Session, 'client' | 'expiresAt'>[], nowMs: number): boolean {
  return sessions.some((s) => s.client === 'desktop' && Date.parse(s.expiresAt) > nowMs);
}

export interface WindowState {
  minimized: boolean;
  visible: boolean;
  focused: boolean;
}

export interface AttentionPlan {
  /** An OS notification (the agent is not looking at the app). */
  notify: boolean;
  restore: boolean;
  show: boolean;
  focus: boolean;
  /** Flash the taskbar entry too: some systems refuse to move the focus from another app. */
  flash: boolean;
}

/** What to do for a pop, given the window (null: no window open right now). */
export function attentionPlan(window: WindowState | null): AttentionPlan {
  if (!window) return { notify: true, restore: false, show: false, focus: false, flash: false };
  const inView = window.focused && window.visible && !window.minimized;
  if (inView) return { notify: false, restore: false, show: false, focus: false, flash: false };
  return { notify: true, restore: window.minimized, show: !window.visible, focus: true, flash: true };
}

/** The parts of a BrowserWindow used here. */
export interface AttentionWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  isFocused(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  flashFrame(flag: boolean): void;
  once(event: 'focus', listener: () => void): unknown;
}

/** The parts of Electron's Notification used here. */
export interface AttentionNotificationClass {
  new (options: { title: string; body: string; silent?: boolean }): { show(): void; on(event: 'click', listener: () => void): unknown };
  isSupported(): boolean;
}

function bringForward(win: AttentionWindow, plan: Pick<AttentionPlan, 'restore' | 'show' | 'focus' | 'flash'>): void {
  if (plan.restore) win.restore();
  if (plan.show) win.show();
  if (plan.focus) win.focus();
  if (plan.flash && !win.isFocused()) {
    win.flashFrame(true);
    win.once('focus', () => win.flashFrame(false));
  }
}

/** The Electron side: notification (a click brings the window), restore/show/focus. */
export function drawAttention(window: AttentionWindow | null, Notification: AttentionNotificationClass, notice: ScreenPopNotice): AttentionPlan {
  const win = window && !window.isDestroyed() ? window : null;
  const plan = attentionPlan(win ? { minimized: win.isMinimized(), visible: win.isVisible(), focused: win.isFocused() } : null);
  if (plan.notify && Notification.isSupported()) {
    const notification = new Notification({ title: notice.title, body: notice.body });
    notification.on('click', () => {
      if (win && !win.isDestroyed()) bringForward(win, { restore: win.isMinimized(), show: !win.isVisible(), focus: true, flash: false });
    });
    notification.show();
  }
  if (win) bringForward(win, plan);
  return plan;
}

export interface ScreenPopAttentionDeps {
  bus: Pick<EventBus<DomainEvents>, 'on'>;
  isSignedInHere(agentId: string): boolean;
  languageOf(agentId: string): NoticeLanguage;
  getWindow(): AttentionWindow | null;
  Notification: AttentionNotificationClass;
}

/** Follows the core's screen pops; returns the function that stops. */
export function watchScreenPops(deps: ScreenPopAttentionDeps): () => void {
  return deps.bus.on('screenPop', ({ agentId, pop }) => {
    if (!deps.isSignedInHere(agentId)) return;
    drawAttention(deps.getWindow(), deps.Notification, screenPopNotice(pop, deps.languageOf(agentId)));
  });
}

/**
 * Electron main process, once the core runs: OS notification and window focus on every pop for
 * this desktop's agent. Returns the function that stops it (at shutdown).
 */
export function startScreenPopAttention(core: Core, getWindow: () => BrowserWindow | null): () => void {
  const { store, clock, bus } = core.services;
  let stop: (() => void) | null = null;
  let stopped = false;
  // Loaded here, not at the top: the decisions above are unit-tested on plain Node.
  void import('electron').then(({ Notification }) => {
    if (stopped) return;
    stop = watchScreenPops({
      bus,
      isSignedInHere: (agentId) => signedInOnDesktop(store.sessions.byIndex('user', agentId), clock.now().getTime()),
      languageOf: (agentId) => store.users.get(agentId)?.language ?? core.config.language,
      getWindow,
      Notification,
    });
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
