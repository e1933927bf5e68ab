export interface PacerOptions {
  /** Never two pushes closer than this after a change (coalesces bursts). */
  minIntervalMs: number;
  /** Push at least this often even when nothing changed (times in state, waits and SLA shares move on). */
  maxIntervalMs: number;
  /** After a change that could be pushed at once, wait this long for the rest of its burst. */
  settleMs?: number;
  signal?: AbortSignal;
}

/**
 * When to push a live view: ticks soon after a change (at most one per `minIntervalMs`, a burst
 * of changes becoming one tick) and at least every `maxIntervalMs`. `subscribe` registers the
 * change listener and returns its remover. Ends when `signal` aborts.
 */
export async function* pace(subscribe: (onChange: () => void) => () => void, opts: PacerOptions): AsyncGenerator<void, void, unknown> {
  const settle = opts.settleMs ?? 50;
  let dirty = false;
  let reschedule: (() => void) | null = null;
  const off = subscribe(() => {
    if (dirty) return;
    dirty = true;
    reschedule?.();
  });
  let last = performance.now();
  try {
    while (!opts.signal?.aborted) {
      await new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = () => {
          clearTimeout(timer);
          reschedule = null;
          opts.signal?.removeEventListener('abort', done);
          resolve();
        };
        const arm = () => {
          clearTimeout(timer);
          const elapsed = performance.now() - last;
          const wait = dirty ? Math.max(settle, opts.minIntervalMs - elapsed) : Math.max(0, opts.maxIntervalMs - elapsed);
          timer = setTimeout(done, Math.min(wait, Math.max(0, opts.maxIntervalMs - elapsed)));
        };
        reschedule = arm;
        opts.signal?.addEventListener('abort', done, { once: true });
        arm();
      });
      if (opts.signal?.aborted) return;
      dirty = false;
      last = performance.now();
      yield;
    }
  } finally {
    off();
  }
}
