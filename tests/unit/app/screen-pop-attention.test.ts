import { describe, expect, it, vi } from 'vitest';
import {
  attentionPlan,
  drawAttention,
  screenPopNotice,
  signedInOnDesktop,
  watchScreenPops,
  type AttentionNotificationClass,
  type AttentionWindow,
} from '../../../main/app/screen-pop-attention';
import type { DomainEvents } from '../../../main/domain/events';
import { EventBus } from '../../../main/domain/shared/event-bus';
import type { ScreenPop } from '../../../main/domain/telephony/screen-pop';

// No Electron here: the window and the Notification class are stand-ins.

function pop(overrides: Partial<ScreenPop> = {}): ScreenPop {
  return { callId: 'c1', ani: '011987654321', dnis: null, queue: 'atendimento', extension: '2001', ivr: {}, at: '2026-11-20T13:00:00.000Z', matchedBy: null, matches: [], view: null, ...overrides };
}

function oneMatch(name: string, openTickets: number): Partial<ScreenPop> {
  const customer = { id: 'cus_1', name } as ScreenPop['matches'][number];
  return { matchedBy: 'phone', matches: [customer], view: { customer, stats: { openTickets } } as unknown as ScreenPop['view'] };
}

function fakeWindow(state: { minimized?: boolean; visible?: boolean; focused?: boolean } = {}) {
  const s = { minimized: false, visible: true, focused: false, ...state };
  const calls: string[] = [];
  const focusListeners: (() => void)[] = [];
  const win: AttentionWindow = {
    isDestroyed: () => false,
    isMinimized: () => s.minimized,
    isVisible: () => s.visible,
    isFocused: () => s.focused,
    restore: () => (calls.push('restore'), (s.minimized = false)),
    show: () => (calls.push('show'), (s.visible = true)),
    focus: () => calls.push('focus'),
    flashFrame: (flag) => calls.push(`flash:${flag}`),
    once: (_event, listener) => focusListeners.push(listener),
  };
  return { win, calls, focusListeners };
}

function fakeNotifications(supported = true) {
  const shown: { title: string; body: string; clicks: (() => void)[] }[] = [];
  class FakeNotification {
    static isSupported = () => supported;
    private readonly entry: { title: string; body: string; clicks: (() => void)[] };
    constructor(options: { title: string; body: string }) {
      this.entry = { title: options.title, body: options.body, clicks: [] };
    }
    show() {
      shown.push(this.entry);
    }
    on(_event: 'click', listener: () => void) {
      this.entry.clicks.push(listener);
      return this;
    }
  }
  return { Notification: FakeNotification as AttentionNotificationClass, shown };
}

describe('screenPopNotice', () => {
  it('names the customer (one match) in pt-BR, with the number, queue and open tickets', () => {
    expect(screenPopNotice(pop(oneMatch('Conceição Araújo', 2)), 'pt-BR')).toEqual({
      title: 'Chamada de Conceição Araújo',
      body: '(11) 98765-4321 · Fila atendimento · 2 tickets abertos',
    });
    expect(screenPopNotice(pop({ ...oneMatch('Conceição Araújo', 1), queue: null }), 'pt-BR').body).toBe('(11) 98765-4321 · 1 ticket aberto');
    expect(screenPopNotice(pop(oneMatch('Conceição Araújo', 0)), 'en')).toEqual({
      title: 'Call from Conceição Araújo',
      body: '(11) 98765-4321 · Queue atendimento · no open tickets',
    });
  });

  it('says when several customers share the number, or none has it', () => {
    const two = [{ id: 'a' }, { id: 'b' }] as ScreenPop['matches'];
    expect(screenPopNotice(pop({ matches: two }), 'pt-BR')).toEqual({ title: 'Chamada de (11) 98765-4321', body: 'Fila atendimento · 2 clientes com este número' });
    expect(screenPopNotice(pop({ queue: null }), 'en')).toEqual({ title: 'Call from (11) 98765-4321', body: 'Number not on file' });
  });

  it('handles a withheld or non-Brazilian number', () => {
    expect(screenPopNotice(pop({ ani: null }), 'pt-BR').title).toBe('Chamada de Número não identificado');
    expect(screenPopNotice(pop({ ani: '+4930123456' }), 'en').title).toBe('Call from +4930123456');
  });
});

describe('signedInOnDesktop', () => {
  const now = Date.parse('2026-11-20T13:00:00.000Z');
  it('needs a live session opened from the desktop app', () => {
    expect(signedInOnDesktop([{ client: 'desktop', expiresAt: '2026-11-20T20:00:00.000Z' }], now)).toBe(true);
    expect(signedInOnDesktop([{ client: 'desktop', expiresAt: '2026-11-20T12:59:59.000Z' }], now)).toBe(false);
    expect(signedInOnDesktop([{ client: 'Mozilla/5.0 Chrome', expiresAt: '2026-11-20T20:00:00.000Z' }], now)).toBe(false);
    expect(signedInOnDesktop([], now)).toBe(false);
  });
});

describe('attentionPlan', () => {
  it('leaves an agent who is looking at the app alone (the panel is on screen)', () => {
    expect(attentionPlan({ minimized: false, visible: true, focused: true })).toEqual({ notify: false, restore: false, show: false, focus: false, flash: false });
  });

  it('notifies and brings the window forward otherwise', () => {
    expect(attentionPlan({ minimized: true, visible: true, focused: false })).toEqual({ notify: true, restore: true, show: false, focus: true, flash: true });
    expect(attentionPlan({ minimized: false, visible: false, focused: false })).toMatchObject({ notify: true, show: true, focus: true });
    expect(attentionPlan({ minimized: false, visible: true, focused: false })).toMatchObject({ notify: true, restore: false, show: false, focus: true });
    expect(attentionPlan(null)).toEqual({ notify: true, restore: false, show: false, focus: false, flash: false });
  });
});

describe('drawAttention', () => {
  const notice = { title: 'Chamada de Ana', body: 'Fila atendimento' };

  it('restores a minimized window, focuses it, flashes until focused, and shows the notification', () => {
    const { win, calls, focusListeners } = fakeWindow({ minimized: true });
    const { Notification, shown } = fakeNotifications();
    drawAttention(win, Notification, notice);
    expect(calls).toEqual(['restore', 'focus', 'flash:true']);
    expect(shown.map((n) => [n.title, n.body])).toEqual([['Chamada de Ana', 'Fila atendimento']]);
    focusListeners.forEach((f) => f());
    expect(calls.at(-1)).toBe('flash:false');
  });

  it('a click on the notification brings the window back', () => {
    const { win, calls } = fakeWindow({ visible: false });
    const { Notification, shown } = fakeNotifications();
    drawAttention(win, Notification, notice);
    calls.length = 0;
    shown[0]?.clicks.forEach((c) => c());
    expect(calls).toContain('focus');
  });

  it('does nothing while the agent is in the app; no notification where the OS has none', () => {
    const focused = fakeWindow({ focused: true });
    const a = fakeNotifications();
    drawAttention(focused.win, a.Notification, notice);
    expect(focused.calls).toEqual([]);
    expect(a.shown).toEqual([]);
    const b = fakeNotifications(false);
    const background = fakeWindow();
    drawAttention(background.win, b.Notification, notice);
    expect(b.shown).toEqual([]);
    expect(background.calls).toContain('focus');
  });
});

describe('watchScreenPops', () => {
  it('acts on pops of the agent signed in here, in their language, until stopped', () => {
    const bus = new EventBus<DomainEvents>();
    const { win, calls } = fakeWindow();
    const { Notification, shown } = fakeNotifications();
    const isSignedInHere = vi.fn((agentId: string) => agentId === 'usr_here');
    const stop = watchScreenPops({ bus, isSignedInHere, languageOf: () => 'en', getWindow: () => win, Notification });
    bus.publish('screenPop', { agentId: 'usr_elsewhere', pop: pop() });
    expect(shown).toEqual([]);
    bus.publish('screenPop', { agentId: 'usr_here', pop: pop(oneMatch('Ana Lima', 3)) });
    expect(shown.map((n) => n.title)).toEqual(['Call from Ana Lima']);
    expect(calls).toContain('focus');
    stop();
    bus.publish('screenPop', { agentId: 'usr_here', pop: pop() });
    expect(shown).toHaveLength(1);
  });
});
