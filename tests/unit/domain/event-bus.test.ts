import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/domain/shared/event-bus';

describe('EventBus', () => {
  it('streams events in order to subscribers and stops on abort, removing the listener', async () => {
    const bus = new EventBus<{ tick: number }>();
    const ac = new AbortController();
    const got: number[] = [];
    const done = (async () => {
      for await (const n of bus.stream('tick', { signal: ac.signal, filter: (n) => n % 2 === 0 })) {
        got.push(n);
        if (got.length === 3) ac.abort();
      }
    })();
    await Promise.resolve();
    for (let i = 0; i < 10; i++) bus.publish('tick', i);
    await done;
    expect(got).toEqual([0, 2, 4]);
    expect(bus.listenerCount('tick')).toBe(0);
  });

  it('bounds the buffer of a slow consumer, dropping the oldest', async () => {
    const bus = new EventBus<{ tick: number }>();
    const ac = new AbortController();
    const it = bus.stream('tick', { signal: ac.signal, maxBuffered: 3 })[Symbol.asyncIterator]();
    const first = it.next();
    for (let i = 0; i < 10; i++) bus.publish('tick', i);
    // Ten events arrived before the consumer ran: only the newest three are kept.
    expect((await first).value).toBe(7);
    expect((await it.next()).value).toBe(8);
    expect((await it.next()).value).toBe(9);
    ac.abort();
  });
});
