import { describe, expect, it, vi } from 'vitest';
import type { IpcResponse } from '../../../shared/ipc/protocol';
import { setupIpc } from './ipc-harness';

type Sub = { unsubscribe(): void };

/** Subscribes and records everything the client sees. */
function record<T>(subscribe: (handlers: object) => Sub) {
  const seen = { data: [] as T[], started: 0, stopped: 0, completed: 0, errors: [] as unknown[] };
  const sub = subscribe({
    onStarted: () => seen.started++,
    onData: (value: T) => seen.data.push(value),
    onStopped: () => seen.stopped++,
    onComplete: () => seen.completed++,
    onError: (err: unknown) => seen.errors.push(err),
  });
  return { seen, sub };
}

const resultsFor = (received: IpcResponse[], id: string) =>
  received.filter((m) => m.id === id).map((m) => ('result' in m ? m.result.type : 'error'));

describe('tRPC over IPC: subscriptions', () => {
  it('delivers async-generator data in order, then stops', async () => {
    const { client } = setupIpc();
    const { seen } = record<number>((h) => client.countdown.subscribe({ from: 5 }, h));
    await vi.waitFor(() => expect(seen.completed).toBe(1));
    expect(seen.data).toEqual([5, 4, 3, 2, 1]);
    expect(seen.started).toBe(1);
    expect(seen.errors).toEqual([]);
  });

  it('validates subscription input like any procedure', async () => {
    const { client } = setupIpc();
    const { seen } = record<number>((h) => client.countdown.subscribe({ from: 0 }, h));
    await vi.waitFor(() => expect(seen.errors).toHaveLength(1));
    expect((seen.errors[0] as { data: { code: string } }).data.code).toBe('BAD_REQUEST');
  });

  it('stops a generator subscription on unsubscribe and runs its cleanup', async () => {
    const { client, probe, ipc } = setupIpc();
    const { seen, sub } = record<number>((h) => client.ticks.subscribe(undefined, h));
    await vi.waitFor(() => expect(seen.started).toBe(1));
    for (const n of [1, 2, 3]) probe.events.emit('tick', n);
    await vi.waitFor(() => expect(seen.data).toEqual([1, 2, 3]));
    sub.unsubscribe();
    await vi.waitFor(() => expect(probe.generatorCleanups).toBe(1));
    expect(probe.events.listenerCount('tick')).toBe(0);
    await vi.waitFor(() => expect(ipc.received.at(-1)).toMatchObject({ result: { type: 'stopped' } }));
    probe.events.emit('tick', 4);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.data).toEqual([1, 2, 3]);
  });

  it('stops an observable subscription on unsubscribe and runs its teardown', async () => {
    const { client, probe } = setupIpc();
    const { seen, sub } = record<number>((h) => client.observed.subscribe(undefined, h));
    await vi.waitFor(() => expect(seen.started).toBe(1));
    probe.events.emit('tick', 7);
    probe.events.emit('tick', 8);
    await vi.waitFor(() => expect(seen.data).toEqual([7, 8]));
    sub.unsubscribe();
    await vi.waitFor(() => expect(probe.observableTeardowns).toBe(1));
    expect(probe.events.listenerCount('tick')).toBe(0);
  });

  it('stops every subscription of an endpoint when it closes, and only those', async () => {
    const { client, probe, ipc, connect } = setupIpc();
    const other = connect('endpoint-2');
    const a = record<number>((h) => client.ticks.subscribe(undefined, h));
    const b = record<number>((h) => client.observed.subscribe(undefined, h));
    const c = record<number>((h) => other.client.ticks.subscribe(undefined, h));
    await vi.waitFor(() => expect([a.seen.started, b.seen.started, c.seen.started]).toEqual([1, 1, 1]));
    ipc.close();
    await vi.waitFor(() => expect(probe.generatorCleanups).toBe(1));
    await vi.waitFor(() => expect(probe.observableTeardowns).toBe(1));
    probe.events.emit('tick', 1);
    await vi.waitFor(() => expect(c.seen.data).toEqual([1]));
    c.sub.unsubscribe();
    await vi.waitFor(() => expect(probe.generatorCleanups).toBe(2));
  });

  it('stopSubscriptions (page reload) ends the subscriptions but keeps the session', async () => {
    const { client, probe, handler, ipc } = setupIpc();
    await client.login.mutate({ user: 'ana' });
    record<number>((h) => client.ticks.subscribe(undefined, h));
    await vi.waitFor(() => expect(probe.started).toBe(1));
    handler.stopSubscriptions(ipc.endpoint.id);
    await vi.waitFor(() => expect(probe.generatorCleanups).toBe(1));
    await expect(client.secret.query()).resolves.toBe('the secret');
  });

  it('honours a stop that overtakes a slow start', async () => {
    const { ipc, probe } = setupIpc();
    ipc.sendRaw({ id: 's1', type: 'subscription', path: 'slowStart' });
    ipc.sendRaw({ id: 's1', type: 'subscription.stop' });
    await vi.waitFor(() => expect(resultsFor(ipc.received, 's1')).toEqual(['stopped']));
    expect(probe.started).toBe(0);
  });

  it('passes tracked() ids through like the WebSocket transport', async () => {
    const { client } = setupIpc();
    const { seen } = record<{ id: string; data: { text: string } }>((h) => client.trackedEvents.subscribe(undefined, h));
    await vi.waitFor(() => expect(seen.completed).toBe(1));
    expect(seen.data).toEqual([
      { id: 'evt-1', data: { text: 'a' } },
      { id: 'evt-2', data: { text: 'b' } },
    ]);
  });

  it('reports an error thrown mid-stream after the data before it', async () => {
    const { client } = setupIpc();
    const { seen } = record<number>((h) => client.breaks.subscribe(undefined, h));
    await vi.waitFor(() => expect(seen.errors).toHaveLength(1));
    expect(seen.data).toEqual([1]);
    expect((seen.errors[0] as { data: { code: string } }).data.code).toBe('FORBIDDEN');
  });

  it('runs middleware (auth) before a subscription starts', async () => {
    const { client } = setupIpc();
    const { seen } = record<number>((h) => client.privateTicks.subscribe(undefined, h));
    await vi.waitFor(() => expect(seen.errors).toHaveLength(1));
    expect((seen.errors[0] as { data: { code: string } }).data.code).toBe('UNAUTHORIZED');
    expect(seen.started).toBe(0);
  });

  it('refuses a duplicate subscription id and ignores a stop for an unknown id', async () => {
    const { ipc, probe } = setupIpc();
    ipc.sendRaw({ id: 'd1', type: 'subscription', path: 'ticks' });
    await vi.waitFor(() => expect(resultsFor(ipc.received, 'd1')).toEqual(['started']));
    ipc.sendRaw({ id: 'd1', type: 'subscription', path: 'ticks' });
    ipc.sendRaw({ id: 'nobody', type: 'subscription.stop' });
    await vi.waitFor(() => expect(resultsFor(ipc.received, 'd1')).toEqual(['started', 'error']));
    expect(ipc.received.at(-1)).toMatchObject({ error: { data: { code: 'BAD_REQUEST' } } });
    expect(resultsFor(ipc.received, 'nobody')).toEqual([]);
    probe.events.emit('tick', 1);
    await vi.waitFor(() => expect(resultsFor(ipc.received, 'd1')).toEqual(['started', 'error', 'data']));
  });

  it('caps the number of open subscriptions per endpoint', async () => {
    const { ipc } = setupIpc({ maxSubscriptionsPerEndpoint: 2 });
    for (const id of ['a', 'b', 'c']) ipc.sendRaw({ id, type: 'subscription', path: 'ticks' });
    await vi.waitFor(() => expect(ipc.received).toHaveLength(3));
    expect(ipc.received.find((m) => m.id === 'c')).toMatchObject({ error: { data: { code: 'TOO_MANY_REQUESTS' } } });
  });

  it('refuses a query that tries to use the subscription channel the wrong way', async () => {
    const { ipc } = setupIpc();
    ipc.sendRaw({ id: 'q1', type: 'query', path: 'ticks' });
    await vi.waitFor(() => expect(ipc.received).toHaveLength(1));
    expect(ipc.received[0]).toMatchObject({ id: 'q1', error: { data: { code: 'NOT_FOUND' } } });
  });
});
