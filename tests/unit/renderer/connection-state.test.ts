import { describe, expect, it, vi } from 'vitest';
import { OFFLINE_AFTER_MS, toConnectionStatus, wsConnectionSource } from '../../../renderer/lib/connection-state';

describe('toConnectionStatus', () => {
  const failure = new Error('WebSocket closed');

  it('maps tRPC WebSocket states to the indicator', () => {
    expect(toConnectionStatus({ state: 'pending', error: null }, true, null)).toBe('connected');
    expect(toConnectionStatus({ state: 'idle', error: null }, true, null)).toBe('connecting');
    expect(toConnectionStatus({ state: 'connecting', error: null }, true, null)).toBe('connecting');
    expect(toConnectionStatus({ state: 'connecting', error: failure }, true, 1_000)).toBe('reconnecting');
  });

  it('is offline when the browser is, or after failing for a while', () => {
    expect(toConnectionStatus({ state: 'pending', error: null }, false, null)).toBe('offline');
    expect(toConnectionStatus({ state: 'connecting', error: failure }, true, OFFLINE_AFTER_MS)).toBe('offline');
  });
});

describe('wsConnectionSource', () => {
  it('follows the WebSocket state and turns a long reconnect into offline', () => {
    vi.useFakeTimers();
    try {
      let state: { state: 'idle' | 'connecting' | 'pending'; error: unknown } = { state: 'idle', error: null };
      const observers = new Set<{ next: (v: typeof state) => void }>();
      const subject = {
        get: () => state,
        subscribe(observer: { next: (v: typeof state) => void }) {
          observers.add(observer);
          return { unsubscribe: () => observers.delete(observer) };
        },
      };
      const push = (next: typeof state) => {
        state = next;
        for (const o of observers) o.next(next);
      };
      const source = wsConnectionSource(subject, () => Date.now());
      const seen: string[] = [];
      const unsubscribe = source.subscribe(() => seen.push(source.get()));

      push({ state: 'pending', error: null });
      push({ state: 'connecting', error: new Error('closed') });
      vi.advanceTimersByTime(OFFLINE_AFTER_MS + 100);
      push({ state: 'pending', error: null });
      expect(seen).toEqual(['connected', 'reconnecting', 'offline', 'connected']);

      unsubscribe();
      expect(observers.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
