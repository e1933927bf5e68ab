import type { CallEvent } from '../../../shared/schemas/call-event';
import { AmiConfigSchema, type AmiConfig } from '../../../main/cti/ami/ami-config';
import type { FakePbx } from '../../fixtures/fake-pbx';

type Subscribe<T> = (listener: (value: T) => void) => () => void;

/** Resolves with the first value `subscribe` delivers that passes `accept`; fails after `timeoutMs`. */
export function next<T>(subscribe: Subscribe<T>, accept: (value: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for an event'));
    }, timeoutMs);
    const off = subscribe((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      off();
      resolve(value);
    });
  });
}

/** Everything `subscribe` delivers, with a way to wait until enough has arrived. */
export function record<T>(subscribe: Subscribe<T>) {
  const values: T[] = [];
  const waiters = new Set<() => void>();
  subscribe((value) => {
    values.push(value);
    for (const w of [...waiters]) w();
  });
  return {
    values,
    /** Resolves once `done(values)` holds. */
    until(done: (values: T[]) => boolean, timeoutMs = 5_000): Promise<T[]> {
      if (done(values)) return Promise.resolve(values);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; got ${values.length} values`));
        }, timeoutMs);
        const check = () => {
          if (!done(values)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(values);
        };
        waiters.add(check);
      });
    },
  };
}

/** An AMI config pointing at `pbx`, with test-sized timers (no keep-alive unless asked). */
export function amiConfigFor(pbx: FakePbx, overrides: Partial<Record<keyof AmiConfig, unknown>> = {}): AmiConfig {
  return AmiConfigSchema.parse({
    enabled: true,
    host: pbx.host,
    port: pbx.port,
    username: 'atende',
    secret: 'atende-secret',
    connectTimeoutMs: 2_000,
    actionTimeoutMs: 2_000,
    reconnect: { initialDelayMs: 10, maxDelayMs: 80, factor: 2, jitter: 0 },
    ping: { intervalMs: 60_000, timeoutMs: 1_000 },
    ...overrides,
  });
}

export const describeCall = (e: CallEvent) => `${e.callId}:${e.state}:${e.extension ?? '-'}`;
