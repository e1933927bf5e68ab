/**
 * In-process publish/subscribe for domain events (ticket changed, screen pop, wallboard tick).
 * Subscriptions are async iterables so tRPC subscriptions can `yield*` them; a slow consumer gets
 * a bounded buffer (oldest dropped) instead of unbounded memory.
 */
export type Listener<T> = (event: T) => void;

export class EventBus<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Delivers `event` synchronously to every current listener of `topic`. */
  publish<K extends keyof Events>(topic: K, event: Events[K]): void {
    const set = this.listeners.get(topic);
    if (!set) return;
    for (const listener of [...set]) (listener as Listener<Events[K]>)(event);
  }

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof Events>(topic: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
      if (set.size === 0) this.listeners.delete(topic);
    };
  }

  listenerCount(topic: keyof Events): number {
    return this.listeners.get(topic)?.size ?? 0;
  }

  /**
   * Events of `topic` (optionally filtered) as an async iterable that ends when `signal` aborts.
   * Keeps at most `maxBuffered` undelivered events.
   */
  async *stream<K extends keyof Events>(
    topic: K,
    opts: { signal?: AbortSignal; filter?: (event: Events[K]) => boolean; maxBuffered?: number } = {},
  ): AsyncGenerator<Events[K], void, unknown> {
    const max = opts.maxBuffered ?? 1000;
    const buffer: Events[K][] = [];
    let wake: (() => void) | null = null;
    const off = this.on(topic, (event) => {
      if (opts.filter && !opts.filter(event)) return;
      if (buffer.length >= max) buffer.shift();
      buffer.push(event);
      wake?.();
    });
    const onAbort = () => wake?.();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      while (!opts.signal?.aborted) {
        if (buffer.length === 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        yield buffer.shift() as Events[K];
      }
    } finally {
      off();
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
}
